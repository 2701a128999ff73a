import type { Sqlite } from '../db/open';

/**
 * Every customer's purchase figures for one run: one GROUP BY over the (customer, date, amount)
 * covering index, in customer order (the snapshot's primary key's order). The median gap comes
 * from a JS function (GapTally) handed the customer's dates glued together (each exactly 10
 * characters) when they bought more than twice, and otherwise the one span in days (handing two
 * dates over costs more than SQLite's subtraction); it is also handed the last purchase, the
 * frequency and the monetary value, which a quintile run keeps (GapTally.values). Deleted
 * transactions, those of deleted customers and those outside (@after, @asOf] are left out.
 */
const FIGURES_SELECT = `SELECT customer_id, MIN(transaction_date) AS first_purchase, MAX(transaction_date) AS last_purchase,
    CAST(julianday(@asOf) - julianday(MAX(transaction_date)) AS INTEGER) AS recency_days,
    COUNT(*) AS frequency, SUM(amount) AS monetary,
    rfm_median_gap(CASE WHEN COUNT(*) > 2 THEN group_concat(transaction_date, '')
                        ELSE julianday(MAX(transaction_date)) - julianday(MIN(transaction_date)) END,
                   MAX(transaction_date), COUNT(*), SUM(amount)) AS median_gap_days
  FROM transactions INDEXED BY idx_transactions_customer_date_amount
  WHERE deleted_at IS NULL AND transaction_date <= @asOf AND transaction_date > @after
  GROUP BY customer_id
  HAVING customer_id NOT IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)`;

const FIGURES_INSERT = `INSERT INTO temp.rfm_figures ${FIGURES_SELECT}`;

/**
 * Fill the connection's temp table `rfm_figures` with the run's figures (replacing what a previous
 * run left), outside the write lock: scoring and writing the snapshot then take one statement
 * (snapshot.ts), and quintiles can read the whole distribution first. Returns the customers counted.
 */
export function collectFigures(sqlite: Sqlite, asOf: string, after: string | null): number {
  newFiguresTable(sqlite);
  return sqlite.prepare(FIGURES_INSERT).run({ asOf, after: after ?? '0000-00-00' }).changes;
}

/** An empty temp.rfm_figures (replacing what a previous run left). */
function newFiguresTable(sqlite: Sqlite): void {
  dropFigures(sqlite);
  sqlite.exec(`CREATE TEMP TABLE rfm_figures (
    customer_id TEXT NOT NULL, first_purchase TEXT NOT NULL, last_purchase TEXT NOT NULL, recency_days INTEGER NOT NULL,
    frequency INTEGER NOT NULL, monetary INTEGER NOT NULL, median_gap_days REAL)`);
}

/** Drop the run's figures (a temp table lives as long as its connection otherwise). */
export function dropFigures(sqlite: Sqlite): void {
  sqlite.exec('DROP TABLE IF EXISTS temp.rfm_figures');
}

const PROGRESS_EVERY = 5000;

/** Each customer's recency, frequency and monetary value, in the aggregate's order. */
export interface MeasureValues {
  recencyDays: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
}

/**
 * The median gap function of FIGURES_SELECT, registered on the connection for one run. It keeps a
 * histogram of every gap it sees, so the shop's median needs no pass of its own; it counts
 * customers as the aggregate goes, for progress and to stop it on a cancel (onCustomers may throw);
 * and with `keepValuesAsOf` (the run's analysis date) it keeps every customer's R, F and M for
 * the quintile edges (score.ts), which saves reading them back from the figures (a JSON hand-over
 * of some 30 ms at 100k customers).
 */
export class GapTally {
  private histogram = new Int32Array(1024); // index = gap in days
  private total = 0;
  private customers = 0;
  private readonly dayGaps = new DayGaps();
  private readonly asOfDay: number;
  private kept: MeasureValues | null;
  private readonly onCustomers?: (done: number) => void;

  constructor(sqlite: Sqlite, options: { keepValuesAsOf?: string; onCustomers?: (done: number) => void } = {}) {
    this.onCustomers = options.onCustomers;
    this.asOfDay = options.keepValuesAsOf ? dayNumberAt(options.keepValuesAsOf) : 0;
    this.kept = options.keepValuesAsOf ? { recencyDays: new Float64Array(1024), frequency: new Float64Array(1024), monetary: new Float64Array(1024) } : null;
    // Not deterministic: it counts as it goes.
    sqlite.function('rfm_median_gap', { deterministic: false }, (dates: string | number, last: string, frequency: number, monetary: number) => {
      if (this.kept) this.keep(last, frequency, monetary);
      return this.medianGap(dates);
    });
  }

  /** The values kept for each customer counted (keepValuesAsOf), in the aggregate's order. */
  values(): MeasureValues {
    if (!this.kept) throw new Error('GapTally was not asked to keep values');
    const n = this.customers;
    return { recencyDays: this.kept.recencyDays.subarray(0, n), frequency: this.kept.frequency.subarray(0, n), monetary: this.kept.monetary.subarray(0, n) };
  }

  /** Called before medianGap counts the customer: `customers` is their index. */
  private keep(last: string, frequency: number, monetary: number): void {
    let kept = this.kept as MeasureValues;
    const i = this.customers;
    if (i >= kept.frequency.length) {
      kept = { recencyDays: grown(kept.recencyDays, i + 1), frequency: grown(kept.frequency, i + 1), monetary: grown(kept.monetary, i + 1) };
      this.kept = kept;
    }
    // The same whole days as the SQL's CAST(julianday(@asOf) - julianday(last) AS INTEGER).
    kept.recencyDays[i] = this.asOfDay - dayNumberAt(last);
    kept.frequency[i] = frequency;
    kept.monetary[i] = monetary;
  }

  /**
   * `dates` glued together, or the span in days between a customer's first and last purchase when
   * they bought once or twice. Gaps are between purchase days: a second invoice on the same day is
   * the same visit.
   */
  private medianGap(dates: string | number): number | null {
    if (++this.customers % PROGRESS_EVERY === 0) this.onCustomers?.(this.customers);
    if (typeof dates === 'number') {
      if (dates === 0) return null;
      this.count(dates, 1);
      return dates;
    }
    const gapCount = this.dayGaps.read(dates);
    const { gaps } = this.dayGaps;
    for (let i = 0; i < gapCount; i++) this.count(gaps[i], 1);
    return gapCount === 0 ? null : medianInPlace(gaps, gapCount);
  }

  private count(gap: number, n: number): void {
    if (gap >= this.histogram.length) this.histogram = grown(this.histogram, gap + 1);
    this.histogram[gap] += n;
    this.total += n;
  }

  /** The median of every gap between consecutive purchase days in the shop; null when nobody came back. */
  shopMedian(): number | null {
    return histogramMedian(this.histogram, this.total);
  }
}

/** Reads the gaps between a customer's consecutive purchase days, in buffers reused from one customer to the next. */
export class DayGaps {
  private days = new Int32Array(1024);
  gaps = new Int32Array(1024);

  /**
   * The gaps in days between the consecutive purchase days in `dates` (glued `YYYY-MM-DD`s), into
   * `this.gaps`; returns how many. Gaps are between purchase days: a second invoice on the same day
   * is the same visit.
   */
  read(dates: string): number {
    const k = dates.length / 10;
    if (k > this.days.length) [this.days, this.gaps] = [new Int32Array(k * 2), new Int32Array(k * 2)];
    const { days, gaps } = this;
    let ordered = true;
    for (let i = 0; i < k; i++) {
      days[i] = dayNumberAt(dates, i * 10);
      if (i > 0 && days[i] < days[i - 1]) ordered = false;
    }
    // The index hands the dates over in order, but group_concat does not promise it.
    if (!ordered) days.subarray(0, k).sort();
    let gapCount = 0;
    for (let i = 1; i < k; i++) if (days[i] > days[i - 1]) gaps[gapCount++] = days[i] - days[i - 1];
    return gapCount;
  }
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

/**
 * The median of the first n values, sorting them in place. Insertion sort for the few gaps most
 * customers have: a typed-array view and its sort per customer cost more than the sorting itself.
 */
export function medianInPlace(values: Int32Array, n: number): number {
  if (n > 64) values.subarray(0, n).sort();
  else {
    for (let i = 1; i < n; i++) {
      const v = values[i];
      let j = i - 1;
      while (j >= 0 && values[j] > v) {
        values[j + 1] = values[j];
        j--;
      }
      values[j + 1] = v;
    }
  }
  const mid = n >> 1;
  return n % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/** A copy of `values` with room for at least `size` (doubling, so growing stays rare). */
export function grown<T extends Int32Array | Float64Array>(values: T, size: number): T {
  const bigger = new (values.constructor as new (length: number) => T)(Math.max(size, values.length * 2));
  bigger.set(values);
  return bigger;
}

/** The median of every counted value, walking the histogram once (index = gap in days). */
export function histogramMedian(histogram: Int32Array, total: number): number | null {
  if (total === 0) return null;
  const mid = total >> 1;
  // The (mid−1)-th and mid-th values in sorted order (0-based); only the latter when total is odd.
  let lower = -1;
  let seen = 0;
  for (let gap = 0; gap < histogram.length; gap++) {
    seen += histogram[gap];
    if (lower < 0 && seen > mid - 1) lower = gap;
    if (seen > mid) return total % 2 ? gap : (lower + gap) / 2;
  }
  return null; // unreachable: the counts add up to total
}
