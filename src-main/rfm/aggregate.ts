import type { Sqlite } from '../db/open';

/**
 * Per-customer purchase figures for one analysis, as parallel arrays (100k customers × 8 fields
 * as objects would be 800k allocations; typed arrays are one each).
 */
export interface CustomerFigures {
  count: number;
  customerIds: string[];
  /** Day numbers (days since 1970-01-01) of the first and last purchase, and the same as ISO dates. */
  first: Int32Array;
  last: Int32Array;
  firstDate: string[];
  lastDate: string[];
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


/**
 * The day number of the `YYYY-MM-DD` at `at` in `text`, read digit by digit: a run reads a million
 * dates, and neither a substring nor a Date per date is free. (Days-from-civil, H. Hinnant.)
 */
export function dayNumberAt(text: string, at = 0): number {
  // No helper closure here: this runs a million times per run, and a closure per call costs more
  // than the arithmetic.
  let y = (text.charCodeAt(at) - 48) * 1000 + (text.charCodeAt(at + 1) - 48) * 100 + (text.charCodeAt(at + 2) - 48) * 10 + (text.charCodeAt(at + 3) - 48);
  const m = (text.charCodeAt(at + 5) - 48) * 10 + (text.charCodeAt(at + 6) - 48);
  const d = (text.charCodeAt(at + 8) - 48) * 10 + (text.charCodeAt(at + 9) - 48);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function median(sorted: ArrayLike<number>, n: number): number {
  const mid = n >> 1;
  return n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * One GROUP BY over the (customer, date, amount) covering index gives recency, frequency and
 * monetary; for customers with more than two purchases it also hands back their dates, glued
 * together (each exactly 10 characters), for the median gap. Walking the million rows in JS
 * instead costs five times as much: the per-row hand-over from SQLite dominates.
 * Transactions of deleted customers, deleted transactions and those outside (after, asOf] are left out.
 */
export function aggregateCustomers(sqlite: Sqlite, asOf: string, after: string | null): CustomerFigures {
  const deleted = new Set(sqlite.prepare('SELECT id FROM customers WHERE deleted_at IS NOT NULL').pluck().all() as string[]);
  const rows = sqlite
    .prepare(
      `SELECT customer_id, MIN(transaction_date), MAX(transaction_date), COUNT(*), SUM(amount),
              CASE WHEN COUNT(*) > 2 THEN group_concat(transaction_date, '') END
       FROM transactions INDEXED BY idx_transactions_customer_date_amount
       WHERE deleted_at IS NULL AND transaction_date <= ? AND transaction_date > ?
       GROUP BY customer_id`,
    )
    .raw()
    .all(asOf, after ?? '0000-00-00') as [string, string, string, number, number, string | null][];

  const capacity = rows.length;
  const customerIds: string[] = [];
  const firstDate: string[] = [];
  const lastDate: string[] = [];
  const first = new Int32Array(capacity);
  const last = new Int32Array(capacity);
  const frequency = new Int32Array(capacity);
  const monetary = new Float64Array(capacity);
  const medianGap = new Float64Array(capacity);
  // Gaps are whole days; a histogram gives the shop's median without keeping or sorting them all.
  const gapHistogram = new Map<number, number>();
  let gapTotal = 0;
  let daysBuffer = new Int32Array(1024);
  let gapsBuffer = new Int32Array(1024);

  for (const [customerId, min, max, count, sum, dates] of rows) {
    if (deleted.has(customerId)) continue;
    const n = customerIds.length;
    customerIds.push(customerId);
    firstDate.push(min);
    lastDate.push(max);
    first[n] = dayNumberAt(min);
    last[n] = dayNumberAt(max);
    frequency[n] = count;
    monetary[n] = sum;
    // Gaps are between purchase days: a second invoice on the same day is the same visit.
    let gapCount = 0;
    if (dates === null) {
      if (last[n] > first[n]) gapsBuffer[gapCount++] = last[n] - first[n];
    } else {
      const k = dates.length / 10;
      if (k > daysBuffer.length) [daysBuffer, gapsBuffer] = [new Int32Array(k * 2), new Int32Array(k * 2)];
      for (let i = 0; i < k; i++) daysBuffer[i] = dayNumberAt(dates, i * 10);
      const days = daysBuffer.subarray(0, k).sort(); // group_concat's order is not guaranteed
      for (let i = 1; i < k; i++) if (days[i] > days[i - 1]) gapsBuffer[gapCount++] = days[i] - days[i - 1];
    }
    for (let i = 0; i < gapCount; i++) gapHistogram.set(gapsBuffer[i], (gapHistogram.get(gapsBuffer[i]) ?? 0) + 1);
    gapTotal += gapCount;
    medianGap[n] = gapCount === 0 ? NaN : median(gapsBuffer.subarray(0, gapCount).sort(), gapCount);
  }

  const count = customerIds.length;
  return {
    count,
    customerIds,
    firstDate,
    lastDate,
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
