import { sql, type Kysely, type RawBuilder } from 'kysely';
import { CHANNELS } from '../../src-shared/schemas/transaction';
import type { LoyaltyRules } from '../../src-shared/schemas/loyalty';
import type { Writer } from '../core/write';
import type { Sqlite } from '../db/open';
import type { Database } from '../db/schema';
import { deferIndexes } from '../import/deferred-indexes';
import { ensureLedgerIds } from './rules';

/**
 * Earns for the live sales `which` picks that have not earned yet: one INSERT … SELECT, the same
 * statement for a sale typed in and for a million imported ones, so both earn by the same rule.
 * Points are `points` per full `perRupiah` (integer division rounds down: the driver binds a number
 * as a real, hence the casts); a sale under the minimum
 * or from a channel that does not earn gets nothing; a sale without a channel is the counter's
 * ('offline'). Each earn is a lot expiring `expiryMonths` after its sale's day. How many earned.
 */
export function earnSales(
  w: Writer,
  sqlite: Sqlite,
  rules: LoyaltyRules,
  which: RawBuilder<boolean>,
  userId: string | null,
  bulk?: { db: Kysely<Database>; sales: number },
): number {
  if (!rules.enabled || rules.channels.length === 0) return 0;
  ensureLedgerIds(sqlite);
  // An import bringing at least as many sales as the ledger holds entries: its by-customer and
  // by-expiry indexes are built once, sorted, after the rows (as the import does for its own tables)
  // rather than taking a million keys in random order. Inside the same transaction.
  const deferred = bulk ? deferIndexes(sqlite, bulk.db, { table: 'loyalty_ledger', emptyColumns: ['lot_id'] }, bulk.sales) : null;
  // Each earn checks its customer and its sale exist (foreign keys): a million lookups in random
  // customer order, which re-read the customers' key pages from disk with the small cache the
  // import leaves for its index builds. They fit in this one, for the statement only.
  const cache = bulk ? (sqlite.pragma('cache_size', { simple: true }) as number) : null;
  if (cache !== null) sqlite.pragma('cache_size = -65536');
  // An import's own new sales cannot have earned yet: no per-sale look-up of an earn that cannot be
  // there (idx_loyalty_earn_sale and the primary key would refuse a second one all the same).
  const earned = earnQuery(w, rules, which, userId, null, false, bulk === undefined);
  if (cache !== null) sqlite.pragma(`cache_size = ${cache}`);
  deferred?.restore(); // a failure instead rolls the whole transaction back, indexes included
  return earned;
}

/**
 * `replaces`: the earn a re-earn takes the place of (null: the sale's first). `net`: the sale's
 * amount less its returns (a marketplace order returned is kept as a sale and a `C` + invoice
 * transaction with the amounts negative, see import/kinds/transactions.ts) — only for a single
 * sale: a bulk import earns on its rows' amounts, and re-earns its returned orders after.
 */
function earnQuery(
  w: Writer,
  rules: LoyaltyRules,
  which: RawBuilder<boolean>,
  userId: string | null,
  replaces: string | null,
  net: boolean,
  check = true,
): number {
  const least = Math.max(rules.minTransaction, rules.perRupiah);
  const amount = net
    ? sql`(t.amount + coalesce((SELECT sum(r.amount) FROM transactions r WHERE r.invoice_no = 'C' || t.invoice_no AND r.customer_id = t.customer_id AND r.deleted_at IS NULL AND r.amount < 0), 0))`
    : sql`t.amount`;
  const once = !check
    ? sql`1`
    : replaces === null
      ? sql`NOT EXISTS (SELECT 1 FROM loyalty_ledger e WHERE e.transaction_id = t.id AND e.kind = 'earn')`
      : sql`NOT EXISTS (SELECT 1 FROM loyalty_ledger e WHERE e.transaction_id = t.id AND e.kind = 'earn' AND e.lot_id = ${replaces})`;
  // A sale's first earn takes the sale's own id: derived, not drawn (a UUIDv7 made per row by an SQL
  // function was a third of a million-row import's earning), stable, and unique, since a sale earns
  // first once and the ledger's other entries have ids of their own, drawn like the sales' from the
  // same generator. A re-earn draws its own: the sale's id is taken by then.
  const id = replaces === null ? sql`t.id` : sql`loyalty_id()`;
  const channels = rules.channels.length === CHANNELS.length ? sql`1` : sql`coalesce(t.channel, 'offline') IN (${sql.join(rules.channels)})`;
  const expires = rules.expiryMonths === null ? sql`NULL` : sql`date(t.transaction_date, ${`+${rules.expiryMonths} months`})`;
  return w.local(sql`
    INSERT INTO loyalty_ledger (id, customer_id, kind, points, day, transaction_id, lot_id, expires_on, created_by, created_at)
    SELECT ${id}, t.customer_id, 'earn', (t.amount / CAST(${rules.perRupiah} AS INTEGER)) * CAST(${rules.points} AS INTEGER), t.transaction_date, t.id, ${replaces}, ${expires}, ${userId}, ${w.now}
    FROM (SELECT t.id, t.customer_id, t.transaction_date, t.channel, ${amount} AS amount FROM transactions t WHERE ${which} AND t.deleted_at IS NULL) t
    WHERE t.amount >= ${least} AND ${channels} AND ${once}`);
}

/**
 * Takes back what the sales `which` picks earned (a sale deleted, an import undone): one reversal
 * per earn not reversed yet, naming its lot. Points of the lot that already expired are not taken twice; points
 * already redeemed are, and leave the customer owing them (see lots.ts). How many were reversed.
 */
export function reverseSales(w: Writer, sqlite: Sqlite, which: RawBuilder<boolean>, day: string, reason: string, userId: string | null): number {
  ensureLedgerIds(sqlite);
  return w.local(sql`
    INSERT INTO loyalty_ledger (id, customer_id, kind, points, day, transaction_id, lot_id, reason, created_by, created_at)
    SELECT loyalty_id(), e.customer_id, 'reversal', left_points, ${day}, e.transaction_id, e.id, ${reason}, ${userId}, ${w.now}
    FROM (
      SELECT e.*, -(e.points + coalesce((SELECT sum(x.points) FROM loyalty_ledger x WHERE x.lot_id = e.id AND x.kind = 'expire'), 0)) AS left_points
      FROM transactions t JOIN loyalty_ledger e ON e.transaction_id = t.id AND e.kind = 'earn'
      WHERE ${which}
        AND NOT EXISTS (SELECT 1 FROM loyalty_ledger r WHERE r.lot_id = e.id AND r.kind = 'reversal')
    ) e
    WHERE left_points < 0`);
}

/**
 * Sale `id` changed what it earns by (its customer, amount, channel or day corrected, an import
 * updating it, a marketplace return against it): what it earned is reversed and it earns again by
 * what it is now, under today's rules. The new earn names the one it replaces (lot_id), so each earn
 * is replaced once (idx_loyalty_earn_sale). A sale that never earned earns as a new one would.
 * While the rules are off the ledger is left as it is. How many points it earns now.
 */
export function reEarnSale(w: Writer, sqlite: Sqlite, rules: LoyaltyRules, id: string, day: string, reason: string, userId: string | null): number {
  if (!rules.enabled) return 0;
  reverseSales(w, sqlite, sql<boolean>`t.id = ${id}`, day, reason, userId);
  // The sale's last earn: the one no later earn replaced.
  const last = sqlite
    .prepare(
      "SELECT id FROM loyalty_ledger e WHERE transaction_id = ? AND kind = 'earn' AND NOT EXISTS (SELECT 1 FROM loyalty_ledger n WHERE n.transaction_id = e.transaction_id AND n.kind = 'earn' AND n.lot_id = e.id)",
    )
    .pluck()
    .get(id) as string | undefined;
  if (rules.channels.length === 0) return 0;
  return earnQuery(w, rules, sql<boolean>`t.id = ${id}`, userId, last ?? null, true);
}
