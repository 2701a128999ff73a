import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { rowActionsColumn } from '../../components/table/rowActionsColumn';
import { codeColumn, dateColumn, DeletedBadge } from '../../components/table/columns';
import type { ColumnDef, ColumnMeta } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { formatDate } from '../../../src-shared/format/date';
import { formatPhone } from '../../../src-shared/format/phone';
import { formatRupiah } from '../../../src-shared/format/money';
import type { CustomerListRow } from '../../../src-shared/schemas/customer';
import { SegmentBadge } from '../../components/rfm/SegmentBadge';
import { href } from '../../router';
import type { CustomerActions } from './useCustomerActions';

/** The RFM figures are there for a marketing list, chosen in the Kolom menu. */
export const CUSTOMER_HIDDEN_BY_DEFAULT = ['source', 'updated_at', 'address', 'segment', 'monetary', 'last_purchase', 'frequency'];

const whole = new Intl.NumberFormat('id-ID');

/** A figure of the latest RFM run, sorted by the server field of the same id; "—" for a customer it did not score. */
function rfmColumn(
  id: string,
  header: string,
  figure: (rfm: NonNullable<CustomerListRow['rfm']>) => string,
  meta: ColumnMeta<CustomerListRow, unknown> = {},
): ColumnDef<CustomerListRow, unknown> {
  return {
    id,
    header,
    meta: { sortField: id, ...meta },
    cell: ({ row }) => (
      <Text size="sm" className="sma-num">
        {row.original.rfm ? figure(row.original.rfm) : '—'}
      </Text>
    ),
  };
}

/** `timeZone`: the business's, so an instant shows its local date (see formatDate). */
export function customerColumns(t: TFunction, actions: CustomerActions, timeZone?: string): ColumnDef<CustomerListRow, unknown>[] {
  return [
    codeColumn(t('customers.code'), (row) => row.code, 110),
    {
      id: 'name',
      header: t('customers.name'),
      meta: { sortField: 'name', fixed: true },
      cell: ({ row }) => (
        <Stack gap={0}>
          <Group gap={6} wrap="nowrap">
            {/* A link, not only a clickable row: reachable and opened from the keyboard. */}
            <Anchor
              href={href('customers', row.original.id)}
              size="sm"
              fw={600}
              style={{ whiteSpace: 'nowrap' }}
              onClick={(event) => event.stopPropagation()}
              data-testid="customer-name-link"
            >
              {row.original.name}
            </Anchor>
            {row.original.deleted_at && <DeletedBadge label={t('customers.deletedBadge')} />}
          </Group>
        </Stack>
      ),
    },
    {
      id: 'phone',
      header: t('customers.phone'),
      cell: ({ row }) => (
        <Text size="sm" className="sma-num">
          {formatPhone(row.original.phone)}
        </Text>
      ),
    },
    // Narrower than a 1920 px screen's list, e-mail starts in the column menu: no sideways scroll at 1024 or 1366.
    {
      id: 'email',
      header: t('customers.email'),
      meta: { hideBelow: 1200 },
      cell: ({ row }) => (
        <Text size="sm" truncate maw={220}>
          {row.original.email}
        </Text>
      ),
    },
    { id: 'city', header: t('customers.city'), meta: { sortField: 'city' }, cell: ({ row }) => row.original.city },
    {
      id: 'address',
      header: t('customers.address'),
      cell: ({ row }) => (
        <Text size="sm" truncate maw={240}>
          {row.original.address}
        </Text>
      ),
    },
    {
      id: 'tags',
      header: t('customers.tags'),
      cell: ({ row }) => (
        <Group gap={4} wrap="wrap" maw={220}>
          {row.original.tags.map((tag) => (
            <Badge key={tag} variant="light" color="navy" size="sm" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
      ),
    },
    { id: 'source', header: t('customers.source'), cell: ({ row }) => row.original.source },
    dateColumn('created_at', t('customers.createdAt'), (row) => row.created_at, { sortField: 'created_at' }, timeZone),
    dateColumn('updated_at', t('customers.updatedAt'), (row) => row.updated_at, { sortField: 'updated_at' }, timeZone),
    // What the latest RFM run stored (the header's tooltip says which run); "—" for a customer it did not score.
    {
      id: 'segment',
      header: t('customers.rfm.segment'),
      cell: ({ row }) => (row.original.rfm ? <SegmentBadge segment={row.original.rfm.segment} size="sm" /> : '—'),
    },
    rfmColumn('monetary', t('customers.rfm.monetary'), (rfm) => formatRupiah(rfm.monetary), { align: 'right' }),
    rfmColumn('last_purchase', t('customers.rfm.lastPurchase'), (rfm) => formatDate(rfm.lastPurchase)),
    rfmColumn('frequency', t('customers.rfm.frequency'), (rfm) => whole.format(rfm.frequency), { align: 'right' }),
    rowActionsColumn<CustomerListRow>(t, 'customer', actions, (row) => row.deleted_at !== null),
  ];
}
