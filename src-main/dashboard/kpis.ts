import { sql } from 'kysely';
import type { DayRange } from '../../src-shared/dashboard/compare';
import type { DashboardKpis } from '../../src-shared/schemas/dashboard';
import type { Ctx } from '../core/context';

type Db = Pick<Ctx, 'db'>;

/** One day of live sales, from sales_daily (0003). */
export interface SalesDay {
  day: string;
  revenue: number;
  orders: number;
}

/**
 * Every day of sales_daily, oldest first: one row per day the shop sold (a few hundred a year), so
 * the dashboard reads it once and takes each period's sums, the trend and the "is this period all
 * of those years" checks from it, rather than asking SQLite again for every card.
 */
export async function salesDays(ctx: Db): Promise<SalesDay[]> {
  const rows = await ctx.db.selectFrom('sales_daily').select(['day', 'revenue', 'orders']).where('orders', '>', 0).orderBy('day').execute();
  return rows.map((r) => ({ day: r.day, revenue: Number(r.revenue), orders: Number(r.orders) }));
}

/** Revenue and orders of the days in a range. */
export function salesIn(days: readonly SalesDay[], r: { from: string; to: string }): { revenue: number; orders: number } {
  let revenue = 0;
  let orders = 0;
  for (const d of days) {
    if (d.day < r.from) continue;
    if (d.day > r.to) break;
    revenue += d.revenue;
    orders += d.orders;
  }
  return { revenue, orders };
}

/**
 * Looking one customer up in their sales (a seek in the customer/date index) costs 1.5–4 times
 * what reading one sale of a period costs when counting its distinct customers (a step along the
 * date index), measured at a million sales. So the lookups are chosen only when the customers to
 * look up are fewer than half the period's sales.
 */
export const LOOKUPS_PER_SALE = 0.5;

/**
 * Revenue, orders, active / new / returning customers and AOV of non-deleted sales in each range.
 * Sums come from the sales days; customers from one pass over customer_span (first and last
 * purchase day of each) for all the ranges at once: new = first purchase in the range; returning =
 * bought before it and again by its end. The span settles every customer except those who bought
 * both before and after the range; for those, whichever is cheaper: look each up in their sales
 * (the customer/date index), or count the range's distinct customers from its sales (the date
 * index). Deleted customers' sales count, as in every other sum of the shop's sales.
 */
export async function periodKpis(ctx: Db, days: readonly SalesDay[], ranges: readonly DayRange[]): Promise<DashboardKpis[]> {
  if (ranges.length === 0) return [];
  const filters = ranges.flatMap((r, i) => [
    sql`COUNT(*) FILTER (WHERE first_purchase >= ${r.from} AND first_purchase <= ${r.to})`.as(`fresh${i}`),
    sql`COUNT(*) FILTER (WHERE first_purchase < ${r.from} AND last_purchase >= ${r.from} AND last_purchase <= ${r.to})`.as(`lastIn${i}`),
    sql`COUNT(*) FILTER (WHERE first_purchase < ${r.from} AND last_purchase > ${r.to})`.as(`around${i}`),
  ]);
  const counts = (await ctx.db.selectFrom('customer_span').select(filters).executeTakeFirstOrThrow()) as Record<string, number>;
  const out: DashboardKpis[] = [];
  for (const [i, r] of ranges.entries()) {
    const { revenue, orders } = salesIn(days, r);
    const fresh = Number(counts[`fresh${i}`]);
    const around = Number(counts[`around${i}`]);
    let active = fresh + Number(counts[`lastIn${i}`]);
    if (around > 0) {
      active = around < orders * LOOKUPS_PER_SALE ? active + (await boughtIn(ctx, r)) : await distinctBuyers(ctx, r);
    }
    out.push({
      revenue,
      orders,
      activeCustomers: active,
      aov: orders ? Math.round(revenue / orders) : 0,
      newCustomers: fresh,
      returningCustomers: active - fresh,
    });
  }
  return out;
}

/** Distinct customers among a range's sales, read along the date index (which holds the customer). */
async function distinctBuyers(ctx: Db, r: DayRange): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT COUNT(DISTINCT customer_id) AS n FROM transactions INDEXED BY idx_transactions_date
    WHERE transaction_date >= ${r.from} AND transaction_date <= ${r.to} AND deleted_at IS NULL`.execute(ctx.db);
  return Number(rows[0].n);
}

/** Customers who bought before and after a range and also within it, each looked up in their sales. */
async function boughtIn(ctx: Db, r: DayRange): Promise<number> {
  const row = await ctx.db
    .selectFrom('customer_span as s')
    .where('s.first_purchase', '<', r.from)
    .where('s.last_purchase', '>', r.to)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('transactions as t')
          .select(sql`1`.as('one'))
          .whereRef('t.customer_id', '=', 's.customer_id')
          .where('t.transaction_date', '>=', r.from)
          .where('t.transaction_date', '<=', r.to)
          .where('t.deleted_at', 'is', null),
      ),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
