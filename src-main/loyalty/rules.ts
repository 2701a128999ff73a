import { DEFAULT_LOYALTY, loyaltyRules, type LoyaltyRules } from '../../src-shared/schemas/loyalty';
import { dateInZone } from '../../src-shared/format/date';
import type { Clock } from '../core/clock';
import { newId } from '../core/ids';
import type { Sqlite } from '../db/open';
import { prepared } from './prepared';

/**
 * The shop's loyalty rules as stored (settings key `loyalty`), read straight from the connection:
 * an import's worker reads them inside its own transaction, where no async query may run.
 */
export function readLoyaltyRules(sqlite: Sqlite): LoyaltyRules {
  const stored = prepared(sqlite, "SELECT value FROM settings WHERE key = 'loyalty'").pluck().get() as string | undefined;
  if (stored === undefined) return DEFAULT_LOYALTY;
  const parsed = loyaltyRules.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : DEFAULT_LOYALTY;
}

/** The shop's calendar day: entries count from it (an earn from its sale's day). */
export function shopDay(sqlite: Sqlite, clock: Clock): string {
  const timeZone = prepared(sqlite, 'SELECT timezone FROM business').pluck().get() as string | undefined;
  return dateInZone(clock.now(), timeZone ?? 'Asia/Jakarta');
}

const withIds = new WeakSet<Sqlite>();

/**
 * `loyalty_id()` in SQL: a fresh UUIDv7 per row, so a bulk earn or reversal is one INSERT … SELECT
 * instead of a statement run per row from here. Registered once per connection.
 */
export function ensureLedgerIds(sqlite: Sqlite): void {
  if (withIds.has(sqlite)) return;
  sqlite.function('loyalty_id', { deterministic: false }, () => newId());
  withIds.add(sqlite);
}
