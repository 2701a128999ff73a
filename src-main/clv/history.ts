import { sql } from 'kysely';
import type { Ctx } from '../core/context';

/**
 * Each customer's purchase history as the models read it, up to the end of the calibration period:
 * a day's purchases are one transaction (their amounts summed), x = repeat purchase days, t_x = the
 * last purchase day since the first, T = the calibration end since the first, in `unitDays` (7 for
 * weeks), and the mean value of the repeat days (Gamma-Gamma's m; the first purchase is left out,
 * as the model's authors do). With a holdout end, the purchase days after the calibration up to it.
 * A purchase day is a day whose sales net above zero, or one of sales only (a free item is still a
 * purchase, as in the CDNOW sample): a day of refunds or returns (or one whose sale was returned the
 * same day) is no purchase, neither a repeat for BG/NBD nor a value below zero that Gamma-Gamma
 * cannot take the logarithm of. A customer with no purchase day is not in the history, nor is a
 * deleted one: their sales stay (for a restore) but are no live customer's.
 */
export interface PurchaseHistory {
  customerIds: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  m: Float64Array;
  holdout: Float64Array;
}

/**
 * Every live customer's purchase days up to `end`, customer by customer, each customer's days in
 * order: the one read of the sales a fit needs. The fit, its holdout refit and the scores at the
 * analysis date each take their history from it (historyFrom) instead of grouping a million sales
 * again, in SQL, each time. Days are numbers (days since 1970), columns in typed arrays: a million
 * days as objects would cost more than reading them.
 */
export interface PurchaseDays {
  customerIds: string[];
  /** Customer i's days are at [start[i], start[i + 1]). */
  start: Int32Array;
  day: Int32Array;
  value: Float64Array;
}

const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

export function readPurchaseDays(ctx: Pick<Ctx, 'db' | 'sqlite'>, end: string): PurchaseDays {
  // Along the covering index (customer_id, transaction_date, amount, deleted_at): grouped without a
  // sort. The deleted customers are a list SQLite builds once and probes per sale.
  const query = sql<[string, string, number]>`
    SELECT customer_id, transaction_date, sum(amount)
    FROM transactions
    WHERE deleted_at IS NULL AND transaction_date <= ${end}
      AND customer_id NOT IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)
    GROUP BY customer_id, transaction_date
    HAVING sum(amount) > 0 OR min(amount) >= 0
    ORDER BY customer_id, transaction_date`.compile(ctx.db);
  const statement = ctx.sqlite.prepare(query.sql).raw();
  const customerIds: string[] = [];
  const starts: number[] = [];
  let day = new Int32Array(1 << 16);
  let value = new Float64Array(1 << 16);
  let n = 0;
  for (const [customerId, date, amount] of statement.iterate(...(query.parameters as unknown[])) as Iterable<[string, string, number]>) {
    if (customerId !== customerIds[customerIds.length - 1]) {
      customerIds.push(customerId);
      starts.push(n);
    }
    if (n === day.length) {
      day = grow(day, new Int32Array(n * 2));
      value = grow(value, new Float64Array(n * 2));
    }
    day[n] = dayNumber(date);
    value[n] = amount;
    n += 1;
  }
  starts.push(n);
  return { customerIds, start: Int32Array.from(starts), day: day.subarray(0, n), value: value.subarray(0, n) };
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** The history as of `calibrationEnd` (with the purchase days after it up to `holdoutEnd`) from days read up to at least the later of the two. */
export function historyFrom(days: PurchaseDays, options: { calibrationEnd: string; holdoutEnd?: string; unitDays: number }): PurchaseHistory {
  const end = dayNumber(options.calibrationEnd);
  const holdoutEnd = options.holdoutEnd ? dayNumber(options.holdoutEnd) : end;
  const { unitDays } = options;
  const customers = days.customerIds.length;
  const history: PurchaseHistory = {
    customerIds: [],
    x: new Float64Array(customers),
    tx: new Float64Array(customers),
    T: new Float64Array(customers),
    m: new Float64Array(customers),
    holdout: new Float64Array(customers),
  };
  let k = 0;
  for (let i = 0; i < customers; i++) {
    const first = days.start[i];
    const last = days.start[i + 1];
    if (days.day[first] > end) continue; // no purchase by the calibration end: not in this history
    let j = first + 1;
    let repeatValue = 0;
    while (j < last && days.day[j] <= end) repeatValue += days.value[j++];
    const x = j - first - 1;
    let after = 0;
    while (j < last && days.day[j] <= holdoutEnd) {
      after += 1;
      j += 1;
    }
    history.customerIds.push(days.customerIds[i]);
    history.x[k] = x;
    history.tx[k] = (days.day[first + x] - days.day[first]) / unitDays;
    history.T[k] = (end - days.day[first]) / unitDays;
    history.m[k] = x > 0 ? repeatValue / x : 0;
    history.holdout[k] = after;
    k += 1;
  }
  return {
    ...history,
    x: history.x.subarray(0, k),
    tx: history.tx.subarray(0, k),
    T: history.T.subarray(0, k),
    m: history.m.subarray(0, k),
    holdout: history.holdout.subarray(0, k),
  };
}

/** One history read on its own (the CLI, the tests): its days, then the history. */
export function purchaseHistory(ctx: Pick<Ctx, 'db' | 'sqlite'>, options: { calibrationEnd: string; holdoutEnd?: string; unitDays: number }): PurchaseHistory {
  return historyFrom(readPurchaseDays(ctx, options.holdoutEnd ?? options.calibrationEnd), options);
}
