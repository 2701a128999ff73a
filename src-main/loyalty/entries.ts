import type { Sqlite } from '../db/open';
import type { LedgerEntry } from './lots';
import { prepared } from './prepared';

/** A customer's whole ledger as lots.ts replays it (a few hundred entries at most for a regular). */
export function customerEntries(sqlite: Sqlite, customerId: string): LedgerEntry[] {
  return prepared(
    sqlite,
    'SELECT id, kind, points, day, expires_on AS expiresOn, lot_id AS lotId FROM loyalty_ledger WHERE customer_id = ? ORDER BY day, id',
  ).all(customerId) as LedgerEntry[];
}

/** The ledger's sum for a customer: their balance, by definition. */
export function balanceOf(sqlite: Sqlite, customerId: string): number {
  return (prepared(sqlite, 'SELECT coalesce(sum(points), 0) FROM loyalty_ledger WHERE customer_id = ?').pluck().get(customerId) as number) ?? 0;
}
