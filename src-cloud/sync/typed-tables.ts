import { SYNCED_ENTITIES, type SyncedEntity } from '../../src-shared/sync/entities';

/**
 * The entities the cloud keeps in a table of their own, one column per field of the synced row, so
 * the console can count and sum them; every other entity is one JSON row in shop_records.
 */
export type TypedTable = 'customers' | 'products' | 'transactions';

export const isTypedTable = (entity: SyncedEntity): entity is TypedTable => entity === 'customers' || entity === 'products' || entity === 'transactions';

const columnsOf = (table: TypedTable) => Object.keys(SYNCED_ENTITIES[table].shape).filter((field) => field !== 'id');

/** A typed table's columns besides its key: the synced row's fields (src-shared/sync/entities.ts), the id aside. */
export const SYNCED_COLUMNS: Record<TypedTable, readonly string[]> = {
  customers: columnsOf('customers'),
  products: columnsOf('products'),
  transactions: columnsOf('transactions'),
};

/** The fields that are arrays on the wire and jsonb in the table: written as JSON text. */
const JSON_COLUMNS: ReadonlySet<string> = new Set(['tags', 'features', 'items']);

/** The money column of a table, numeric in PostgreSQL, which the driver reads back as a string. */
const NUMERIC_COLUMN: Partial<Record<TypedTable, string>> = { products: 'price', transactions: 'amount' };

/** A pushed row as the table's columns. */
export function toColumns(table: TypedTable, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(SYNCED_COLUMNS[table].map((column) => [column, JSON_COLUMNS.has(column) ? JSON.stringify(row[column]) : row[column]]));
}

/** A stored row back as the laptop pushed it: the money a number again. */
export function fromColumns(table: TypedTable, row: Record<string, unknown>): Record<string, unknown> {
  const numeric = NUMERIC_COLUMN[table];
  return numeric ? { ...row, [numeric]: Number(row[numeric]) } : row;
}
