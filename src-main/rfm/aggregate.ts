import type { Sqlite } from '../db/open';

/**
 * Per-customer purchase figures for one analysis, as parallel arrays (100k customers × 8 fields
 * as objects would be 800k allocations; typed arrays are one each).
 */
export interface CustomerFigures {
  count: number;
  customerIds: string[];
  /** Day numbers (days since 1970-01-01) of the first and last purchase. */
  first: Int32Array;
  last: Int32Array;
  frequency: Int32Array;
  monetary: Float64Array;
  /** The median gap in days between the customer's purchase days; NaN when they bought on one day only. */
  medianGap: Float64Array;
  /** The median of every gap between consecutive purchases in the shop; null when nobody bought twice. */
  shopMedianGap: number | null;
}

export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

export function isoFromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function median(sorted: ArrayLike<number>, n: number): number {
  const mid = n >> 1;
  return n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * One ordered pass over the (customer, date, amount) covering index: recency, frequency, monetary
 * and the gaps between purchases come out of the same walk, so the gaps cost no second query.
 * Transactions of deleted customers, deleted transactions and those outside (after, asOf] are left out.
 */
export function aggregateCustomers(sqlite: Sqlite, asOf: string, after: string | null, onProgress?: (done: number) => void): CustomerFigures {
  const deleted = new Set((sqlite.prepare('SELECT id FROM customers WHERE deleted_at IS NOT NULL').pluck().all() as string[]));
  const rows = sqlite
    .prepare(
      `SELECT customer_id, transaction_date, amount FROM transactions INDEXED BY idx_transactions_customer_date_amount
       WHERE deleted_at IS NULL AND transaction_date <= ? AND transaction_date > ?
       ORDER BY customer_id, transaction_date`,
    )
    .raw()
    .iterate(asOf, after ?? '0000-00-00') as IterableIterator<[string, string, number]>;

  const customerIds: string[] = [];
  let capacity = 1024;
  let first = new Int32Array(capacity);
  let last = new Int32Array(capacity);
  let frequency = new Int32Array(capacity);
  let monetary = new Float64Array(capacity);
  let medianGap = new Float64Array(capacity);
  const grow = () => {
    capacity *= 2;
    const more = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity);
      b.set(a);
      return b;
    };
    [first, last, frequency, monetary, medianGap] = [more(first), more(last), more(frequency), more(monetary), more(medianGap)];
  };

  // Gaps are whole days; a histogram gives the shop's median without keeping or sorting them all.
  const gapHistogram = new Map<number, number>();
  let gapTotal = 0;
  let gaps: number[] = [];
  const days = new Map<string, number>();
  let current: string | null = null;
  let skipping = false;
  let n = -1;
  let previousDay = 0;
  let seen = 0;

  const closeCustomer = () => {
    if (n < 0 || skipping) return;
    if (gaps.length === 0) medianGap[n] = NaN;
    else {
      gaps.sort((a, b) => a - b);
      medianGap[n] = median(gaps, gaps.length);
    }
    gaps = [];
  };

  for (const [customerId, date, amount] of rows) {
    if (++seen % 65_536 === 0) onProgress?.(seen);
    if (customerId !== current) {
      closeCustomer();
      current = customerId;
      skipping = deleted.has(customerId);
      if (skipping) continue;
    } else if (skipping) continue;
    let day = days.get(date);
    if (day === undefined) {
      day = dayNumber(date);
      days.set(date, day);
    }
    if (n < 0 || customerIds[n] !== customerId) {
      n = customerIds.length;
      if (n === capacity) grow();
      customerIds.push(customerId);
      first[n] = day;
      last[n] = day;
      frequency[n] = 1;
      monetary[n] = amount;
      previousDay = day;
      continue;
    }
    // Gaps are between purchase days: a second invoice on the same day is the same visit.
    const gap = day - previousDay;
    if (gap > 0) {
      gaps.push(gap);
      gapHistogram.set(gap, (gapHistogram.get(gap) ?? 0) + 1);
      gapTotal++;
    }
    previousDay = day;
    last[n] = day;
    frequency[n]++;
    monetary[n] += amount;
  }
  closeCustomer();
  onProgress?.(seen);

  const count = customerIds.length;
  return {
    count,
    customerIds,
    first: first.subarray(0, count),
    last: last.subarray(0, count),
    frequency: frequency.subarray(0, count),
    monetary: monetary.subarray(0, count),
    medianGap: medianGap.subarray(0, count),
    shopMedianGap: histogramMedian(gapHistogram, gapTotal),
  };
}

function histogramMedian(histogram: Map<number, number>, total: number): number | null {
  if (total === 0) return null;
  const values = [...histogram.keys()].sort((a, b) => a - b);
  const at = (index: number) => {
    let seen = 0;
    for (const v of values) {
      seen += histogram.get(v) ?? 0;
      if (seen > index) return v;
    }
    return values[values.length - 1];
  };
  const mid = total >> 1;
  return total % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}
