import { Badge, Button, Grid, Group, Stack, Title } from '@mantine/core';
import { IconPlus, IconReceipt, IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { useServerTable } from '../../components/table/useServerTable';
import { RecordHeader, RecordNotFound } from '../../components/record/RecordHeader';
import { TRANSACTION_HIDDEN_BY_DEFAULT } from '../transactions/transactionColumns';
import { TransactionsTable } from '../transactions/TransactionsTable';
import { useTransactionActions } from '../transactions/useTransactionActions';
import { ContactCard } from './ContactCard';
import { ContactHistoryCard } from './ContactHistoryCard';
import { CustomerOriginCard } from './CustomerOriginCard';
import { CustomerRfmCard } from './CustomerRfmCard';
import { CustomerSummaryCards } from './CustomerSummaryCards';
import { LoyaltyCard } from '../loyalty/LoyaltyCard';
import { useCustomerActions } from './useCustomerActions';

export function CustomerDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useApiQuery('customers.get', { id }, { meta: { silent: true } });
  const customerActions = useCustomerActions({ onDeleted: () => void detail.refetch() });
  const transactionActions = useTransactionActions();
  const table = useServerTable('customer-transactions', { field: 'transaction_date', desc: true }, TRANSACTION_HIDDEN_BY_DEFAULT);

  if (detail.isError) {
    return <RecordNotFound list="customers" backLabel={t('customers.backToList')} icon={IconUserQuestion} title={t('customers.notFound')} message={detail.error.message} />;
  }

  const customer = detail.data?.customer;
  const deleted = Boolean(customer?.deleted_at);
  const { actions } = customerActions;

  return (
    <Stack gap="lg">
      <RecordHeader
        list="customers"
        testPrefix="customer"
        backLabel={t('customers.backToList')}
        record={customer}
        deleted={deleted}
        actions={actions}
        below={
          <Group gap={6}>
            {customer?.tags.map((tag) => (
              <Badge key={tag} variant="light" color="navy" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        }
        more={(record) =>
          !deleted && (
            <Button
              color="sun.5"
              c="navy.9"
              leftSection={<IconPlus size={16} />}
              onClick={() => transactionActions.actions.openCreate({ value: record.id, label: `${record.name} (${record.code})` })}
              data-testid="customer-add-transaction"
            >
              {t('customers.addTransaction')}
            </Button>
          )
        }
      />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ContactCard customer={customer} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <CustomerSummaryCards summary={detail.data?.summary} />
        </Grid.Col>
      </Grid>

      {customer && <LoyaltyCard customer={{ id, name: customer.name, deleted }} />}

      <CustomerOriginCard id={id} />

      <CustomerRfmCard id={id} />

      <ContactHistoryCard id={id} />

      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('customers.history')}
        </Title>
        <TransactionsTable
          filters={{ customerId: id, status: 'all' }}
          table={table}
          actions={transactionActions.actions}
          withCustomer={false}
          empty={<EmptyList icon={IconReceipt} title={t('customers.noTransactions')} description={t('transactions.emptyText')} />}
        />
      </Stack>
      {customerActions.modals}
      {transactionActions.modals}
    </Stack>
  );
}
