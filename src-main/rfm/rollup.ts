import type { Sqlite } from '../db/open';
import { DayGaps, histogramMedian, medianInPlace, type MeasureValues } from './figures';

/**
 * The default run's figures (all time, as of a date no sale is after) from customer_rfm
 * (migrations/0024), which triggers keep current with every write, instead of a GROUP BY over every
 * sale: 100k rows read instead of a million. A write only marks its customer stale; the medians of
 * stale customers are worked out here, from their own sales, before the figures are read.
 */

const BATCH = 5000;

/** Stale customers in key order from a key on, with their live purchase dates glued together. */
const STALE_BATCH = `SELECT r.customer_id AS id, r.orders, r.gaps,
    (SELECT group_concat(t.transaction_date, '') FROM transactions AS t INDEXED BY idx_transactions_customer_date_amount
     WHERE t.customer_id = r.customer_id AND t.deleted_at IS NULL) AS dates
  FROM customer_rfm AS r INDEXED BY idx_customer_rfm_stale
  WHERE r.stale = 1 AND r.customer_id > @after ORDER BY r.customer_id LIMIT ${BATCH}`;

interface StaleRow {
  id: string;
  orders: number;
  gaps: string | null;
  dates: string | null;
}

/**
 * Work out the median gap of up to BATCH stale customers (in key order after `after`) again, and
 * move their gaps in customer_gap_counts from what was counted for them to what they are now;
 * customers left without sales go. Call inside a write transaction. The customers it looked at,
 * and the last one's key.
 */
function refreshBatch(sqlite: Sqlite, after: string): { done: number; last: string } {
  const rows = sqlite.prepare(STALE_BATCH).all({ after }) as StaleRow[];
  const update = sqlite.prepare('UPDATE customer_rfm SET median_gap_days = ?, gaps = ?, stale = 0 WHERE customer_id = ?');
  const remove = sqlite.prepare('DELETE FROM customer_rfm WHERE customer_id = ?');
  const dayGaps = new DayGaps();
  const delta = new Map<number, number>();
  const move = (gap: number, n: number) => delta.set(gap, (delta.get(gap) ?? 0) + n);
  for (const row of rows) {
    if (row.gaps) for (const gap of row.gaps.split(',')) move(Number(gap), -1);
    if (row.orders === 0) {
      remove.run(row.id);
      continue;
    }
    const count = row.dates ? dayGaps.read(row.dates) : 0;
    const { gaps } = dayGaps;
    for (let i = 0; i < count; i++) move(gaps[i], 1);
    const median = count === 0 ? null : medianInPlace(gaps, count); // sorts the gaps: the text keeps them sorted
    update.run(median, count === 0 ? null : gaps.subarray(0, count).join(','), row.id);
  }
  const upsert = sqlite.prepare('INSERT INTO customer_gap_counts (gap, n) VALUES (?, ?) ON CONFLICT (gap) DO UPDATE SET n = n + excluded.n');
  for (const [gap, n] of delta) if (n !== 0) upsert.run(gap, n);
  return { done: rows.length, last: rows.at(-1)?.id ?? after };
}

/** Refresh every stale customer, inside the caller's write transaction. How many were refreshed. */
export function refreshStale(sqlite: Sqlite, onBatch?: (done: number) => void): number {
  let after = '';
  let done = 0;
  for (;;) {
    const batch = refreshBatch(sqlite, after);
    done += batch.done;
    if (batch.done < BATCH) return done;
    after = batch.last;
    onBatch?.(done);
  }
}

/**
 * Refresh the stale customers one batch per write transaction, before a run takes the lock for its
 * own: after a bulk import or migration 0024 every customer is stale, and refreshing 100,000 of them
 * in the run's transaction held the write lock for seconds, a save waiting all that time. Each batch
 * is whole on its own (its customers and their gaps' counts move together); what goes stale
 * meanwhile is refreshed by the run's own refreshStale, under its lock.
 */
export function refreshStaleInBatches(sqlite: Sqlite, onBatch?: (done: number) => void, throwIfCancelled?: () => void): number {
  let done = 0;
  for (;;) {
    throwIfCancelled?.();
    // From the first key each time: a refreshed customer is no longer stale, so the batch moves on.
    const batch = sqlite.transaction(() => refreshBatch(sqlite, '')).immediate();
    done += batch.done;
    onBatch?.(done);
    if (batch.done < BATCH) return done;
  }
}

/**
 * The shop's median gap between purchase days, from customer_gap_counts less the gaps of deleted
 * customers (their sales are not in any run). Call after refreshStale, in the same transaction.
 */
export function shopMedianFromRollup(sqlite: Sqlite): number | null {
  const counts = sqlite.prepare('SELECT gap, n FROM customer_gap_counts WHERE n > 0').raw().all() as [number, number][];
  const longest = counts.reduce((max, [gap]) => Math.max(max, gap), 0);
  const histogram = new Int32Array(longest + 1);
  let total = 0;
  for (const [gap, n] of counts) {
    histogram[gap] += n;
    total += n;
  }
  const deleted = sqlite
    .prepare('SELECT gaps FROM customer_rfm WHERE gaps IS NOT NULL AND customer_id IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)')
    .pluck()
    .all() as string[];
  for (const gaps of deleted) {
    for (const gap of gaps.split(',')) {
      histogram[Number(gap)] -= 1;
      total -= 1;
    }
  }
  return histogramMedian(histogram, total);
}

/**
 * The rollup's customers with the columns of the scan's figures (figures.ts), deleted customers
 * left out, in customer order; binds @asOf. The snapshot is written straight from it (snapshot.ts).
 */
export const ROLLUP_FIGURES = `(SELECT customer_id, first_purchase, last_purchase,
    CAST(julianday(@asOf) - julianday(last_purchase) AS INTEGER) AS recency_days, orders AS frequency, amount AS monetary, median_gap_days
  FROM customer_rfm WHERE orders > 0 AND customer_id NOT IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL))`;

const ROLLUP_VALUES = `SELECT recency_days, frequency, monetary FROM ${ROLLUP_FIGURES}`;

/** Every scored customer's R, F and M from the rollup, for a quintile run's edges (call after refreshStale). */
export function measureValuesFromRollup(sqlite: Sqlite, asOf: string): MeasureValues {
  const rows = sqlite.prepare(ROLLUP_VALUES).raw().all({ asOf }) as [number, number, number][];
  const recencyDays = new Float64Array(rows.length);
  const frequency = new Float64Array(rows.length);
  const monetary = new Float64Array(rows.length);
  rows.forEach(([r, f, m], i) => {
    recencyDays[i] = r;
    frequency[i] = f;
    monetary[i] = m;
  });
  return { recencyDays, frequency, monetary };
}

/** Whether a run can read the rollup: all time, and no live sale after its date. */
export function rollupServes(sqlite: Sqlite, asOf: string, windowMonths: number | null): boolean {
  if (windowMonths !== null) return false;
  const latest = sqlite.prepare('SELECT day FROM sales_daily WHERE orders > 0 ORDER BY day DESC LIMIT 1').pluck().get() as string | undefined;
  return latest === undefined || latest <= asOf;
}
