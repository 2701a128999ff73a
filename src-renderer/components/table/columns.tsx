import { Badge, Text } from '@mantine/core';
import type { ColumnDef, ColumnMeta } from '@tanstack/react-table';
import { formatDate } from '../../../src-shared/format/date';
import { formatRupiah } from '../../../src-shared/format/money';

// The columns every record list has in the same form (a code, a date, an amount, the "deleted"
// mark), so the customers, products, transactions and leads lists look alike and change together.

/** A record's own code: monospace and dimmed, one line, sorted by the server's `code`. */
export function codeColumn<Row>(header: string, code: (row: Row) => string, width: number): ColumnDef<Row, unknown> {
  return {
    id: 'code',
    header,
    meta: { sortField: 'code', width },
    cell: ({ row }) => (
      <Text size="sm" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {code(row.original)}
      </Text>
    ),
  };
}

/**
 * A calendar date or an instant. `timeZone`: the business's, so an instant shows its local date
 * (see formatDate); a `YYYY-MM-DD` date shows as it is whatever the zone.
 */
export function dateColumn<Row>(
  id: string,
  header: string,
  value: (row: Row) => string | null | undefined,
  meta: ColumnMeta<Row, unknown> = {},
  timeZone?: string,
): ColumnDef<Row, unknown> {
  return {
    id,
    header,
    meta,
    cell: ({ row }) => (
      <Text size="sm" className="sma-num">
        {formatDate(value(row.original), timeZone)}
      </Text>
    ),
  };
}

/** A sum of rupiah, bold and right-aligned, sorted by the server field of the same id. */
export function amountColumn<Row>(id: string, header: string, amount: (row: Row) => number, meta: ColumnMeta<Row, unknown> = {}): ColumnDef<Row, unknown> {
  return {
    id,
    header,
    meta: { sortField: id, align: 'right', ...meta },
    cell: ({ row }) => (
      <Text size="sm" fw={600} className="sma-num">
        {formatRupiah(amount(row.original))}
      </Text>
    ),
  };
}

/** The red mark next to a soft-deleted record's name in its list. */
export function DeletedBadge({ label }: { label: string }) {
  return (
    <Badge color="red" variant="light" size="xs">
      {label}
    </Badge>
  );
}
