import { Button, Stack } from '@mantine/core';
import { IconPlus, IconReceipt, IconReceiptOff } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyList } from '../../components/EmptyList';
import { ExportButton } from '../../components/export/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { useServerTable } from '../../components/table/useServerTable';
import { PendingOrdersNote } from './PendingOrdersNote';
import { TransactionFilterBar } from './TransactionFilterBar';
import { TRANSACTION_HIDDEN_BY_DEFAULT, transactionColumns } from './transactionColumns';
import { TransactionsTable, type TransactionFilters } from './TransactionsTable';
import { useTransactionActions } from './useTransactionActions';

export function TransactionsPage() {
  const { t } = useTranslation();
  const table = useServerTable('transactions', { field: 'transaction_date', desc: true }, TRANSACTION_HIDDEN_BY_DEFAULT);
  const [filters, setFilters] = useState<TransactionFilters>({ status: 'active' });
  const { modals, actions } = useTransactionActions();

  const listColumns = useMemo(() => transactionColumns(t, actions, true).map((c) => c.id as string), [t, actions]);
  const filtered = Object.entries(filters).some(([key, value]) => (key === 'status' ? value !== 'active' : value !== undefined));
  const addButton = (testId: string) => (
    <Button color="sun.5" c="navy.9" leftSection={<IconPlus size={18} />} onClick={() => actions.openCreate()} data-testid={testId}>
      {t('transactions.add')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('transactions.title')}
        subtitle={t('transactions.subtitle')}
        actions={
          <>
            <ExportButton
              report="transactions"
              filters={{ ...filters, sort: table.sort.field, desc: table.sort.desc }}
              listColumns={listColumns}
              visibility={table.shownVisibility}
            />
            {addButton('transaction-add')}
          </>
        }
      />
      <Stack gap="md">
        <PendingOrdersNote />
        <TransactionFilterBar
          filters={filters}
          onChange={(patch) => {
            setFilters((previous) => ({ ...previous, ...patch }));
            table.resetPage();
          }}
        />
        <TransactionsTable
          filters={filters}
          table={table}
          actions={actions}
          withCustomer
          empty={
            filtered ? (
              <EmptyList icon={IconReceiptOff} title={t('transactions.noMatchTitle')} description={t('customers.noMatchText')} />
            ) : (
              <EmptyList
                icon={IconReceipt}
                title={t('transactions.emptyTitle')}
                description={t('transactions.emptyText')}
                actions={addButton('transaction-add-empty')}
              />
            )
          }
        />
      </Stack>
      {modals}
    </>
  );
}
