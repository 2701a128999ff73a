import { Anchor, Badge, Button, Card, Grid, Group, Skeleton, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconPlus, IconReceipt, IconRestore, IconTrash, IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { useServerTable } from '../../components/table/useServerTable';
import { href, navigate } from '../../router';
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

  const back = (
    <Anchor href={href('customers')} size="sm" c="dimmed">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('customers.backToList')}
      </Group>
    </Anchor>
  );

  if (detail.isError) {
    return (
      <Stack>
        {back}
        <Card>
          <EmptyList
            icon={IconUserQuestion}
            title={t('customers.notFound')}
            description={detail.error.message}
            actions={<Button onClick={() => navigate('customers')}>{t('customers.backToList')}</Button>}
          />
        </Card>
      </Stack>
    );
  }

  const customer = detail.data?.customer;
  const deleted = Boolean(customer?.deleted_at);
  const { actions } = customerActions;

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        {back}
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
          <Stack gap={6}>
            {customer ? (
              <Group gap="sm">
                <Title order={1} size="h2" data-testid="customer-name">
                  {customer.name}
                </Title>
                <Badge variant="outline" color="gray" size="lg" ff="monospace" tt="none">
                  {customer.code}
                </Badge>
                {deleted && (
                  <Badge color="red" size="lg" data-testid="customer-deleted-badge">
                    {t('customers.deletedBadge')}
                  </Badge>
                )}
              </Group>
            ) : (
              <Skeleton height={32} width={280} />
            )}
            <Group gap={6}>
              {customer?.tags.map((tag) => (
                <Badge key={tag} variant="light" color="navy" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          </Stack>
          {customer && (
            <Group gap="sm">
              {!deleted && (
                <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => actions.openEdit(customer)} data-testid="customer-edit">
                  {t('common.edit')}
                </Button>
              )}
              {!deleted && actions.canDelete && (
                <Button variant="default" color="red" c="red" leftSection={<IconTrash size={16} />} onClick={() => actions.askDelete(customer)} data-testid="customer-delete">
                  {t('common.delete')}
                </Button>
              )}
              {deleted && actions.canRestore && (
                <Button variant="light" color="teal" leftSection={<IconRestore size={16} />} onClick={() => actions.restore(customer)} data-testid="customer-restore">
                  {t('common.restore')}
                </Button>
              )}
              {!deleted && (
                <Button
                  color="sun.5"
                  c="navy.9"
                  leftSection={<IconPlus size={16} />}
                  onClick={() => transactionActions.actions.openCreate({ value: customer.id, label: `${customer.name} (${customer.code})` })}
                  data-testid="customer-add-transaction"
                >
                  {t('customers.addTransaction')}
                </Button>
              )}
            </Group>
          )}
        </Group>
      </Stack>

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
