import { Anchor, Badge, Group, Text } from '@mantine/core';
import { rowActionsColumn } from '../../components/table/rowActionsColumn';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { MouseEvent } from 'react';
import { formatDate } from '../../../src-shared/format/date';
import { formatRupiah } from '../../../src-shared/format/money';
import type { TransactionRow } from '../../../src-shared/schemas/transaction';
import { href } from '../../router';
import i18n from '../../i18n';
import { CHANNEL_COLORS, channelLabel, isSalesChannel } from './channels';
import type { TransactionActions } from './useTransactionActions';

export const TRANSACTION_HIDDEN_BY_DEFAULT = ['campaign_code', 'notes', 'created_at'];

/** `timeZone`: the business's, so an instant shows its local date (see formatDate). */
export function transactionColumns(t: TFunction, actions: TransactionActions, withCustomer: boolean, timeZone?: string): ColumnDef<TransactionRow, unknown>[] {
  const columns: ColumnDef<TransactionRow, unknown>[] = [
    {
      id: 'transaction_date',
      header: t('transactions.date'),
      meta: { sortField: 'transaction_date', fixed: true, width: 120 },
      cell: ({ row }) => <Text size="sm" className="sma-num">{formatDate(row.original.transaction_date)}</Text>,
    },
    {
      id: 'invoice_no',
      header: t('transactions.invoice'),
      cell: ({ row }) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" ff="monospace">
            {row.original.invoice_no ?? '—'}
          </Text>
          {row.original.deleted_at && (
            <Badge color="red" variant="light" size="xs">
              {t('common.deleted')}
            </Badge>
          )}
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
    { id: 'campaign_code', header: t('transactions.campaign'), cell: ({ row }) => <Text size="sm" ff="monospace">{row.original.campaign_code}</Text> },
    { id: 'notes', header: t('transactions.notes'), cell: ({ row }) => <Text size="sm" truncate maw={240}>{row.original.notes}</Text> },
    {
      id: 'created_at',
      header: t('customers.createdAt'),
      meta: { sortField: 'created_at' },
      cell: ({ row }) => <Text size="sm" className="sma-num">{formatDate(row.original.created_at, timeZone)}</Text>,
    },
    {
      id: 'amount',
      header: t('transactions.amount'),
      meta: { sortField: 'amount', align: 'right', fixed: true },
      cell: ({ row }) => (
        <Text size="sm" fw={600} className="sma-num">
          {formatRupiah(row.original.amount)}
        </Text>
      ),
    },
    rowActionsColumn(t, 'transaction', actions, (row) => row.deleted_at !== null),
  );
  return columns;
}
