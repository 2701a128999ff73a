import { Badge, Stack, Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { formatDate } from '../../../src-shared/format/date';
import { formatPhone } from '../../../src-shared/format/phone';
import type { RfmMemberRow } from '../../../src-shared/schemas/rfm';
import { Money } from '../../../src-ui/components/Money';
import { ChurnBadge } from '../../components/rfm/SegmentBadge';

export const MEMBER_HIDDEN_BY_DEFAULT = ['phone', 'city', 'aov', 'first', 'p_alive', 'expected_90'];

/** Narrower than these (px), the list starts without the column (the column menu has it): no sideways scroll at 1024 or 1366. */
const WIDE = 1200;
const MEDIUM = 1000;

const whole = new Intl.NumberFormat('id-ID');
const two = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 0 });

/** A score 1–5 as a small square: darker for better, so a column of them reads at a glance. */
function Score({ value }: { value: number }) {
  return (
    <Badge
      variant={value >= 4 ? 'filled' : 'light'}
      color={value >= 4 ? 'navy' : value === 3 ? 'navy' : 'gray'}
      size="md"
      radius="sm"
      w={28}
      px={0}
      className="sma-num"
    >
      {value}
    </Badge>
  );
}

const num = (text: ReactNode) => (
  <Text size="sm" className="sma-num">
    {text}
  </Text>
);

export function memberColumns(t: TFunction): ColumnDef<RfmMemberRow, unknown>[] {
  return [
    {
      id: 'name',
      header: t('segmentPage.col.name'),
      meta: { sortField: 'name', fixed: true },
      cell: ({ row }) => (
        <Stack gap={0}>
          <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
            {row.original.name}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {row.original.code}
          </Text>
        </Stack>
      ),
    },
    { id: 'phone', header: t('customers.phone'), cell: ({ row }) => num(formatPhone(row.original.phone)) },
    { id: 'city', header: t('customers.city'), cell: ({ row }) => row.original.city },
    {
      id: 'r',
      header: 'R',
      meta: { sortField: 'r_score', align: 'center', label: t('segmentPage.col.r') },
      cell: ({ row }) => <Score value={row.original.r} />,
    },
    {
      id: 'f',
      header: 'F',
      meta: { sortField: 'f_score', align: 'center', label: t('segmentPage.col.f') },
      cell: ({ row }) => <Score value={row.original.f} />,
    },
    {
      id: 'm',
      header: 'M',
      meta: { sortField: 'm_score', align: 'center', label: t('segmentPage.col.m') },
      cell: ({ row }) => <Score value={row.original.m} />,
    },
    {
      // The last purchase date is the recency seen from the calendar: one column, both forms.
      id: 'recency',
      header: t('segmentPage.col.recency'),
      meta: { sortField: 'recency_days', align: 'right' },
      cell: ({ row }) => (
        <Stack gap={0} align="flex-end">
          {num(t('rfm.table.days', { n: whole.format(row.original.recencyDays) }))}
          <Text size="xs" c="dimmed" className="sma-num">
            {formatDate(row.original.lastPurchase)}
          </Text>
        </Stack>
      ),
    },
    {
      id: 'frequency',
      header: t('segmentPage.col.frequency'),
      meta: { sortField: 'frequency', align: 'right', hideBelow: MEDIUM },
      cell: ({ row }) => num(`${whole.format(row.original.frequency)}×`),
    },
    {
      id: 'monetary',
      header: t('segmentPage.col.monetary'),
      meta: { sortField: 'monetary', align: 'right' },
      cell: ({ row }) => num(<Money amount={row.original.monetary} />),
    },
    {
      id: 'aov',
      header: t('segmentPage.col.aov'),
      meta: { sortField: 'avg_order_value', align: 'right' },
      cell: ({ row }) => num(<Money amount={row.original.aov} />),
    },
    {
      id: 'clv',
      header: t('segmentPage.col.clv'),
      meta: { sortField: 'clv', align: 'right', hideBelow: WIDE },
      cell: ({ row }) => num(<Money amount={row.original.clv} />),
    },
    {
      id: 'churn',
      header: t('segmentPage.col.churn'),
      meta: { sortField: 'churn_ratio' },
      cell: ({ row }) => (
        <Stack gap={2} align="flex-start">
          <ChurnBadge band={row.original.churnBand} />
          {/* The band's basis: P(alive) from the fitted model, or the rule of thumb's gap ratio. */}
          {row.original.pAlive !== null ? (
            <Text size="xs" c="dimmed" className="sma-num" pl={4} data-testid="member-p-alive">
              {t('clv.pAliveShort', { p: percent.format(row.original.pAlive) })}
            </Text>
          ) : (
            row.original.churnRatio !== null && (
              <Text size="xs" c="dimmed" className="sma-num" pl={4}>
                {t('segmentPage.ratio', { ratio: two.format(row.original.churnRatio) })}
              </Text>
            )
          )}
        </Stack>
      ),
    },
    { id: 'first', header: t('segmentPage.col.first'), cell: ({ row }) => num(formatDate(row.original.firstPurchase)) },
    // From the fitted model; a dash where the shop has none (or, for P(alive), the customer bought once).
    {
      id: 'p_alive',
      header: t('clv.col.pAlive'),
      meta: { sortField: 'p_alive', align: 'right' },
      cell: ({ row }) => num(row.original.pAlive === null ? '—' : percent.format(row.original.pAlive)),
    },
    {
      id: 'expected_90',
      header: t('clv.col.expected90'),
      meta: { align: 'right' },
      cell: ({ row }) => num(row.original.expected90 === null ? '—' : two.format(row.original.expected90)),
    },
    {
      id: 'clv_fitted',
      header: t('clv.col.clvFitted'),
      meta: { sortField: 'clv_fitted', align: 'right', hideBelow: WIDE },
      cell: ({ row }) => num(row.original.clvFitted === null ? '—' : <Money amount={row.original.clvFitted} />),
    },
  ];
}
