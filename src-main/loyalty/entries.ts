import type { Sqlite } from '../db/open';
import type { LedgerEntry } from './lots';

/** A customer's whole ledger as lots.ts replays it (a few hundred entries at most for a regular). */
export function customerEntries(sqlite: Sqlite, customerId: string): LedgerEntry[] {
  return sqlite
    .prepare('SELECT id, kind, points, day, expires_on AS expiresOn, lot_id AS lotId FROM loyalty_ledger WHERE customer_id = ? ORDER BY day, id')
    .all(customerId) as LedgerEntry[];
}

/** The ledger's sum for a customer: their balance, by definition. */
export function balanceOf(sqlite: Sqlite, customerId: string): number {
  return (sqlite.prepare('SELECT coalesce(sum(points), 0) FROM loyalty_ledger WHERE customer_id = ?').pluck().get(customerId) as number) ?? 0;
}
