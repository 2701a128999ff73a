import type { Sqlite } from './open';

/**
 * The rollups that triggers on a table keep up row by row, as statements that compute them afresh
 * from the live rows (the same statements the migrations filled them with: 0003 sales_daily, 0006
 * customer_span and customer_sales_yearly, 0024 customer_rfm). A bulk import drops the table's
 * triggers for its own transaction and runs these before it commits
 * (src-main/import/deferred-indexes.ts): a few GROUP BYs over the table cost far less than the
 * triggers' upserts for each of a million new rows.
 */
const REBUILD: Partial<Record<string, readonly string[]>> = {
  transactions: [
    'DELETE FROM sales_daily',
    `INSERT INTO sales_daily (day, revenue, orders)
       SELECT transaction_date, SUM(amount), COUNT(*) FROM transactions WHERE deleted_at IS NULL GROUP BY transaction_date`,
    'DELETE FROM customer_span',
    `INSERT INTO customer_span (customer_id, first_purchase, last_purchase)
       SELECT customer_id, MIN(transaction_date), MAX(transaction_date) FROM transactions WHERE deleted_at IS NULL GROUP BY customer_id`,
    'DELETE FROM customer_sales_yearly',
    `INSERT INTO customer_sales_yearly (year, customer_id, revenue, orders)
       SELECT substr(transaction_date, 1, 4), customer_id, SUM(amount), COUNT(*) FROM transactions WHERE deleted_at IS NULL GROUP BY 1, 2`,
    // 0024: every customer stale, no gaps counted; the next RFM run works the medians out (rfm/rollup.ts).
    'DELETE FROM customer_gap_counts',
    'DELETE FROM customer_rfm',
    `INSERT INTO customer_rfm (customer_id, orders, amount, first_purchase, last_purchase)
       SELECT customer_id, COUNT(*), SUM(amount), MIN(transaction_date), MAX(transaction_date) FROM transactions WHERE deleted_at IS NULL GROUP BY customer_id`,
  ],
};

/** Whether `table`'s triggers only keep rollups that rebuildRollups can compute again. */
export function hasRollupRebuild(table: string): boolean {
  return REBUILD[table] !== undefined;
}

export function rebuildRollups(sqlite: Sqlite, table: string): void {
  for (const statement of REBUILD[table] ?? []) sqlite.prepare(statement).run();
}
