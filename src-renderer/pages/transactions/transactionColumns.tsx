import { Anchor, Badge, Group, Text } from '@mantine/core';
import { rowActionsColumn } from '../../components/table/rowActionsColumn';
import { amountColumn, dateColumn, DeletedBadge } from '../../components/table/columns';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { MouseEvent } from 'react';
import type { TransactionRow } from '../../../src-shared/schemas/transaction';
import { href } from '../../router';
import i18n from '../../i18n';
import { CHANNEL_COLORS, channelLabel, isSalesChannel } from './channels';
import type { TransactionActions } from './useTransactionActions';

export const TRANSACTION_HIDDEN_BY_DEFAULT = ['campaign_code', 'notes', 'created_at'];

/** `timeZone`: the business's, so an instant shows its local date (see formatDate). */
export function transactionColumns(t: TFunction, actions: TransactionActions, withCustomer: boolean, timeZone?: string): ColumnDef<TransactionRow, unknown>[] {
  const columns: ColumnDef<TransactionRow, unknown>[] = [
    dateColumn('transaction_date', t('transactions.date'), (row) => row.transaction_date, { sortField: 'transaction_date', fixed: true, width: 120 }),
    {
      id: 'invoice_no',
      header: t('transactions.invoice'),
      cell: ({ row }) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" ff="monospace">
            {row.original.invoice_no ?? '—'}
          </Text>
          {row.original.deleted_at && <DeletedBadge label={t('common.deleted')} />}
        </Group>
      ),
    },
  ];
  if (withCustomer) {
    columns.push({
      id: 'customer',
      header: t('transactions.customer'),
      cell: ({ row }) => (
        <Anchor href={href('customers', row.original.customer_id)} size="sm" fw={600} onClick={(event: MouseEvent) => event.stopPropagation()}>
          {row.original.customer_name}
        </Anchor>
      ),
    });
  }
  columns.push(
    {
      id: 'channel',
      header: t('transactions.channel'),
      cell: ({ row }) => {
        const channel = row.original.channel;
        if (!channel) return null;
        return (
          <Badge variant="light" color={isSalesChannel(channel) ? CHANNEL_COLORS[channel] : 'gray'} tt="none">
            {channelLabel(channel, i18n.language === 'en' ? 'en' : 'id')}
          </Badge>
        );
      },
    },
    {
      id: 'items',
      header: t('transactions.items'),
      cell: ({ row }) => (
        <Text size="sm" c="dimmed">
          {row.original.items.length > 0 ? t('transactions.itemsCount', { count: row.original.items.length }) : '—'}
        </Text>
      ),
    },
    {
      id: 'campaign_code',
      header: t('transactions.campaign'),
      cell: ({ row }) => (
        <Text size="sm" ff="monospace">
          {row.original.campaign_code}
        </Text>
      ),
    },
    {
      id: 'notes',
      header: t('transactions.notes'),
      cell: ({ row }) => (
        <Text size="sm" truncate maw={240}>
          {row.original.notes}
        </Text>
      ),
    },
    dateColumn('created_at', t('customers.createdAt'), (row) => row.created_at, { sortField: 'created_at' }, timeZone),
    amountColumn('amount', t('transactions.amount'), (row) => row.amount, { fixed: true }),
    rowActionsColumn(t, 'transaction', actions, (row) => row.deleted_at !== null),
  );
  return columns;
}
