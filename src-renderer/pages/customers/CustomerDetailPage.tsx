import { Badge, Button, Grid, Group, Stack } from '@mantine/core';
import { IconPlus, IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { RecordHeader, RecordNotFound } from '../../components/record/RecordHeader';
import { useTransactionActions } from '../transactions/useTransactionActions';
import { ContactCard } from './ContactCard';
import { ContactHistoryCard } from './ContactHistoryCard';
import { CustomerOriginCard } from './CustomerOriginCard';
import { CustomerPurchases } from './CustomerPurchases';
import { CustomerRfmCard } from './CustomerRfmCard';
import { CustomerSummaryCards } from './CustomerSummaryCards';
import { LoyaltyCard } from '../loyalty/LoyaltyCard';
import { useCustomerActions } from './useCustomerActions';

export function CustomerDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useApiQuery('customers.get', { id }, { meta: { silent: true } });
  const customerActions = useCustomerActions({ onDeleted: () => void detail.refetch() });
  const transactionActions = useTransactionActions();

  if (detail.isError) {
    return (
      <RecordNotFound
        list="customers"
        backLabel={t('customers.backToList')}
        icon={IconUserQuestion}
        title={t('customers.notFound')}
        message={detail.error.message}
      />
    );
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

      <CustomerPurchases id={id} actions={transactionActions.actions} />
      {customerActions.modals}
      {transactionActions.modals}
    </Stack>
  );
}
