import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { formatPhone } from '../../../src-shared/format/phone';
import type { LeadRow } from '../../../src-shared/schemas/lead';
import { Money } from '../../../src-ui/components/Money';
import { rowActionsColumn } from '../../components/table/rowActionsColumn';
import { codeColumn, dateColumn, DeletedBadge } from '../../components/table/columns';
import { href } from '../../router';
import { NextDue } from './NextDue';
import { StageBadge } from './StageBadge';
import type { LeadActions } from './useLeadActions';

/** Secondary columns start in the Kolom menu. */
// Ids as the leads export names its columns, so "visible columns only" exports what shows.
export const LEAD_HIDDEN_BY_DEFAULT = ['phone', 'campaign_code', 'expected_close', 'created_at', 'updated_at'];

export function leadColumns(t: TFunction, actions: LeadActions, timeZone?: string): ColumnDef<LeadRow, unknown>[] {
  return [
    codeColumn(t('leads.code'), (row) => row.code, 96),
    {
      id: 'name',
      header: t('leads.name'),
      meta: { sortField: 'name', fixed: true },
      cell: ({ row }) => (
        // A long name or school wraps (never cut): the row grows instead of the table scrolling sideways.
        <Stack gap={0} miw={160} maw={240}>
          <Group gap={6}>
            <Anchor
              href={href('leads', row.original.id)}
              size="sm"
              fw={600}
              style={{ overflowWrap: 'anywhere' }}
              onClick={(event) => event.stopPropagation()}
              data-testid="lead-name-link"
            >
              {row.original.name}
            </Anchor>
            {row.original.deletedAt && <DeletedBadge label={t('customers.deletedBadge')} />}
          </Group>
          {row.original.organisation && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {row.original.organisation}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'stage',
      header: t('leads.stage'),
      meta: { sortField: 'stage' },
      cell: ({ row }) => <StageBadge name={row.original.stageName} kind={row.original.stageKind} />,
    },
    {
      id: 'channel_name',
      header: t('leads.channel'),
      meta: { hideBelow: 1100 },
      cell: ({ row }) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {row.original.channelName ?? '—'}
        </Text>
      ),
    },
    {
      id: 'owner',
      header: t('leads.owner.column'),
      meta: { label: t('leads.owner.label') },
      cell: ({ row }) => (
        <Text size="sm" maw={160}>
          {row.original.ownerName ?? t('leads.owner.none')}
        </Text>
      ),
    },
    {
      id: 'value',
      header: t('leads.valueShort'),
      meta: { sortField: 'value', align: 'right' },
      cell: ({ row }) => (
        <Text size="sm" className="sma-num" style={{ whiteSpace: 'nowrap' }}>
          <Money amount={row.original.value} />
        </Text>
      ),
    },
    {
      id: 'next_due',
      header: t('leads.nextDueShort'),
      meta: { label: t('leads.nextDue') },
      cell: ({ row }) => <NextDue date={row.original.nextDue} overdue={row.original.overdue} />,
    },
    {
      id: 'phone',
      header: t('leads.phone'),
      cell: ({ row }) => (
        <Text size="sm" className="sma-num" style={{ whiteSpace: 'nowrap' }}>
          {formatPhone(row.original.phone) || '—'}
        </Text>
      ),
    },
    {
      id: 'campaign_code',
      header: t('leads.campaignCode'),
      cell: ({ row }) => (
        <Text size="sm" ff="monospace">
          {row.original.campaignCode ?? '—'}
        </Text>
      ),
    },
    dateColumn('expected_close', t('leads.expectedClose'), (row) => row.expectedClose, { sortField: 'expected_close' }),
    dateColumn('created_at', t('customers.createdAt'), (row) => row.createdAt, { sortField: 'created_at' }, timeZone),
    dateColumn('updated_at', t('customers.updatedAt'), (row) => row.updatedAt, { sortField: 'updated_at' }, timeZone),
    rowActionsColumn(t, 'lead', actions, (row) => row.deletedAt !== null),
  ];
}
