import { Stack, Title } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyList } from '../../components/EmptyList';
import { useServerTable } from '../../components/table/useServerTable';
import { TRANSACTION_HIDDEN_BY_DEFAULT } from '../transactions/transactionColumns';
import { TransactionsTable } from '../transactions/TransactionsTable';
import type { TransactionActions } from '../transactions/useTransactionActions';

/**
 * A customer's purchase history at the foot of their page: every sale of theirs, deleted ones too,
 * newest first, with the sales list's own columns and actions. Apart from the page
 * (CustomerDetailPage.tsx) because it keeps its own sort, page and columns.
 */
export function CustomerPurchases({ id, actions }: { id: string; actions: TransactionActions }) {
  const { t } = useTranslation();
  const table = useServerTable('customer-transactions', { field: 'transaction_date', desc: true }, TRANSACTION_HIDDEN_BY_DEFAULT);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('customers.history')}
      </Title>
      <TransactionsTable
        filters={{ customerId: id, status: 'all' }}
        table={table}
        actions={actions}
        withCustomer={false}
        empty={<EmptyList icon={IconReceipt} title={t('customers.noTransactions')} description={t('transactions.emptyText')} />}
      />
    </Stack>
  );
}
