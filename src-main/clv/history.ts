import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

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

export async function purchaseHistory(db: Kysely<Database>, options: { calibrationEnd: string; holdoutEnd?: string; unitDays: number }): Promise<PurchaseHistory> {
  const { calibrationEnd, unitDays } = options;
  // One pass over the covering index (customer_id, transaction_date, amount, deleted_at): days per
  // customer, numbered in order, then per customer their count, span and repeat value. The deleted
  // customers are a list SQLite builds once and probes per sale, not a join per row.
  const rows = await sql<{ customer_id: string; x: number; tx_days: number; t_days: number; repeat_value: number }>`
    WITH days AS (
      SELECT customer_id, transaction_date AS day, sum(amount) AS value,
             row_number() OVER (PARTITION BY customer_id ORDER BY transaction_date) AS n
      FROM transactions
      WHERE deleted_at IS NULL AND transaction_date <= ${calibrationEnd}
        AND customer_id NOT IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)
      GROUP BY customer_id, transaction_date
      HAVING sum(amount) > 0 OR min(amount) >= 0
    )
    SELECT customer_id,
           count(*) - 1 AS x,
           julianday(max(day)) - julianday(min(day)) AS tx_days,
           julianday(${calibrationEnd}) - julianday(min(day)) AS t_days,
           coalesce(sum(value) FILTER (WHERE n > 1), 0) AS repeat_value
    FROM days
    GROUP BY customer_id
    ORDER BY customer_id`.execute(db);
  const holdout = new Map<string, number>();
  if (options.holdoutEnd) {
    const after = await sql<{ customer_id: string; days: number }>`
      SELECT customer_id, count(*) AS days
      FROM (
        SELECT customer_id, transaction_date
        FROM transactions
        WHERE deleted_at IS NULL AND transaction_date > ${calibrationEnd} AND transaction_date <= ${options.holdoutEnd}
          AND customer_id NOT IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)
        GROUP BY customer_id, transaction_date
        HAVING sum(amount) > 0 OR min(amount) >= 0
      )
      GROUP BY customer_id`.execute(db);
    for (const r of after.rows) holdout.set(r.customer_id, r.days);
  }
  const n = rows.rows.length;
  const history: PurchaseHistory = { customerIds: new Array<string>(n), x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n), m: new Float64Array(n), holdout: new Float64Array(n) };
  rows.rows.forEach((r, i) => {
    history.customerIds[i] = r.customer_id;
    history.x[i] = r.x;
    history.tx[i] = r.tx_days / unitDays;
    history.T[i] = r.t_days / unitDays;
    history.m[i] = r.x > 0 ? r.repeat_value / r.x : 0;
    history.holdout[i] = holdout.get(r.customer_id) ?? 0;
  });
  return history;
}
