import dayjs from 'dayjs';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { comparison, periodRange, runningMonth, type DayRange } from '../../src-shared/dashboard/compare';
import type { SegmentId } from '../../src-shared/rfm/rules';
import type { dashboardInput, DashboardKpis, DashboardOutput } from '../../src-shared/schemas/dashboard';
import type { Ctx } from '../core/context';
import { deletedCustomerIds } from '../customers/queries';
import type { Database } from '../db/schema';
import { findRun, rfmSummary } from '../rfm/queries';
import { shopToday } from '../business/today';
import { getSettings } from '../settings/service';

type Db = Pick<Ctx, 'db'>;
type Range = DayRange;

/**
 * Revenue, orders, active / new / returning customers and AOV of non-deleted sales in a period.
 * Sums come from sales_daily; customers from customer_span (first and last purchase day of each):
 * new = first purchase in the period; returning = bought before it and again by its end, which
 * the span settles unless the customer also bought after the period — only those are looked up
 * in their sales. No step reads every sale of the period.
 */
export async function kpis(ctx: Db, r: Range): Promise<DashboardKpis> {
  const [sales, counts] = await Promise.all([
    ctx.db
      .selectFrom('sales_daily')
      .where('day', '>=', r.from)
      .where('day', '<=', r.to)
      .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('revenue'), sql<number>`0`).as('revenue'), eb.fn.coalesce(eb.fn.sum<number>('orders'), sql<number>`0`).as('orders')])
      .executeTakeFirstOrThrow(),
    // One pass over the spans (one row per customer who ever bought).
    ctx.db
      .selectFrom('customer_span as s')
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere((f) => f.and([f('s.first_purchase', '>=', r.from), f('s.first_purchase', '<=', r.to)])).as('fresh'),
        eb.fn.countAll<number>().filterWhere((f) => f.and([f('s.first_purchase', '<', r.from), f('s.last_purchase', '>=', r.from), f('s.last_purchase', '<=', r.to)])).as('lastInPeriod'),
        eb.fn
          .countAll<number>()
          .filterWhere((f) =>
            f.and([
              f('s.first_purchase', '<', r.from),
              f('s.last_purchase', '>', r.to),
              f.exists(
                f
                  .selectFrom('transactions as t')
                  .select(sql`1`.as('one'))
                  .whereRef('t.customer_id', '=', 's.customer_id')
                  .where('t.transaction_date', '>=', r.from)
                  .where('t.transaction_date', '<=', r.to)
                  .where('t.deleted_at', 'is', null),
              ),
            ]),
          )
          .as('boughtAround'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const revenue = Number(sales.revenue);
  const orders = Number(sales.orders);
  const newCustomers = Number(counts.fresh);
  const returningCustomers = Number(counts.lastInPeriod) + Number(counts.boughtAround);
  const activeCustomers = newCustomers + returningCustomers;
  return { revenue, orders, activeCustomers, aov: orders ? Math.round(revenue / orders) : 0, newCustomers, returningCustomers };
}

/** The 12 calendar months ending with the month of `to`, oldest first, with zeros for quiet months. */
export async function monthlyTrend(ctx: Db, to: string, targets: Record<string, number>) {
  const months = Array.from({ length: 12 }, (_, i) => dayjs(`${to.slice(0, 7)}-01`).subtract(11 - i, 'month').format('YYYY-MM'));
  const rows = await ctx.db
    .selectFrom('sales_daily')
    .where('day', '>=', `${months[0]}-01`)
    .where('day', '<=', `${months[11]}-31`)
    .select((eb) => [sql<string>`substr(day, 1, 7)`.as('month'), eb.fn.sum<number>('revenue').as('revenue'), eb.fn.sum<number>('orders').as('orders')])
    .groupBy(sql`substr(day, 1, 7)`)
    .execute();
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return months.map((month) => ({ month, revenue: Number(byMonth.get(month)?.revenue ?? 0), orders: Number(byMonth.get(month)?.orders ?? 0), target: targets[month] ?? null }));
}

/**
 * Customers by what they spent in a period (all time without one), biggest first: the dashboard's
 * top ten and the top-customers report. Deleted customers are left out after grouping (a check per
 * customer, not per sale), and a `limit` is applied before the names are joined.
 *
 * Which index reads the sales decides the cost. `fewSales` (the period holds a small share of all
 * sales): read just those by date (idx_transactions_date) and group them by sorting. Otherwise walk
 * the (customer, date) index, which is already in customer order: at a million sales that takes
 * 110–170 ms for any period, where reading by date and sorting takes 240 ms for nine months and
 * 700 ms for two years. SQLite takes the date index whenever the date is constrained (with
 * statistics or without), so in the second case the unary + hides the date terms from it.
 */
export function topCustomersQuery(db: Kysely<Database>, r: { from?: string; to?: string }, options: { limit?: number; fewSales?: boolean; lastPurchase?: boolean } = {}) {
  // The report shows each customer's last purchase; the dashboard does not, and carrying the date
  // through the grouping costs it a sixth of its time.
  const lastPurchase = options.lastPurchase ?? true;
  const date = options.fewSales ? sql.ref<string>('transaction_date') : sql<string>`+transaction_date`;
  let perCustomer = db
    .selectFrom('transactions')
    .where('deleted_at', 'is', null)
    .groupBy('customer_id')
    .having('customer_id', 'not in', deletedCustomerIds(db))
    .select((eb) => ['customer_id', eb.fn.sum<number>('amount').as('revenue'), eb.fn.countAll<number>().as('orders')])
    .$if(lastPurchase, (q) => q.select((eb) => eb.fn.max<string>('transaction_date').as('last_purchase')))
    .orderBy('revenue', 'desc')
    .orderBy('customer_id');
  if (r.from) perCustomer = perCustomer.where(date, '>=', r.from);
  if (r.to) perCustomer = perCustomer.where(date, '<=', r.to);
  if (options.limit !== undefined) perCustomer = perCustomer.limit(options.limit);
  return db.selectFrom(perCustomer.as('s')).innerJoin('customers as c', 'c.id', 's.customer_id').orderBy('s.revenue', 'desc').orderBy('c.id');
}

/** Live sales in a period and in all, counted from sales_daily (a few hundred rows). */
async function salesShare(ctx: Db, r: Range): Promise<{ inPeriod: number; all: number }> {
  const row = await ctx.db
    .selectFrom('sales_daily')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('orders').filterWhere((f) => f.and([f('day', '>=', r.from), f('day', '<=', r.to)])), sql<number>`0`).as('inPeriod'),
      eb.fn.coalesce(eb.fn.sum<number>('orders'), sql<number>`0`).as('all'),
    ])
    .executeTakeFirstOrThrow();
  return { inPeriod: Number(row.inPeriod), all: Number(row.all) };
}

/**
 * Whether a period's sales per customer are exactly one year's totals in customer_sales_yearly:
 * it starts on 1 January and nothing was sold later in that year than its last day (this year, to
 * today, is the usual case).
 */
async function isWholeYearSoFar(ctx: Db, r: Range): Promise<boolean> {
  const year = r.from.slice(0, 4);
  if (r.from !== `${year}-01-01` || r.to.slice(0, 4) !== year) return false;
  const later = await ctx.db.selectFrom('sales_daily').select('day').where('day', '>', r.to).where('day', '<=', `${year}-12-31`).where('orders', '>', 0).limit(1).executeTakeFirst();
  return !later;
}

export async function topCustomers(ctx: Db, r: Range, limit = 10) {
  const rows = (await isWholeYearSoFar(ctx, r))
    ? await ctx.db
        .selectFrom(
          ctx.db
            .selectFrom('customer_sales_yearly as y')
            .select(['y.customer_id', 'y.revenue', 'y.orders'])
            .where('y.year', '=', r.from.slice(0, 4))
            .where('y.customer_id', 'not in', deletedCustomerIds(ctx.db))
            .orderBy('y.revenue', 'desc')
            .orderBy('y.customer_id')
            .limit(limit)
            .as('s'),
        )
        .innerJoin('customers as c', 'c.id', 's.customer_id')
        .orderBy('s.revenue', 'desc')
        .orderBy('c.id')
        .select(['c.id', 'c.code', 'c.name', 's.revenue', 's.orders'])
        .execute()
    : await topCustomersQuery(ctx.db, r, { limit, lastPurchase: false, fewSales: await salesShare(ctx, r).then((n) => n.inPeriod * 4 < n.all) })
        .select(['c.id', 'c.code', 'c.name', 's.revenue', 's.orders'])
        .execute();
  return rows.map((row) => ({ ...row, revenue: Number(row.revenue), orders: Number(row.orders) }));
}

/** Customers of a run's chosen segments, most valuable first: the ones worth a call, and the
 * win-back report. */
export function winBackQuery(db: Kysely<Database>, runId: string, segments: readonly SegmentId[]) {
  return db
    .selectFrom('rfm_analysis as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .where('a.run_id', '=', runId)
    .where('a.segment', 'in', segments)
    .where('c.deleted_at', 'is', null)
    .orderBy('a.monetary', 'desc')
    .orderBy('c.id');
}

/**
 * The customers worth a call. With a fitted model for the run's date: the returning customers the
 * shop stands to lose the most from, CLV × (1 − P(alive)). Without one (a shop too small to fit):
 * At Risk and Can't Lose Them of the run, biggest spenders first.
 */
export async function worthCalling(ctx: Db, run: { id: string; analysisDate: string }, limit = 10) {
  const fit = await ctx.db.selectFrom('clv_fits').select('id').where('status', '=', 'fitted').where('as_of', '=', run.analysisDate).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  if (fit) {
    const lost = sql<number>`s.clv * (1 - s.p_alive)`;
    const rows = await ctx.db
      .selectFrom('clv_scores as s')
      .innerJoin('rfm_analysis as a', (join) => join.on('a.run_id', '=', run.id).onRef('a.customer_id', '=', 's.customer_id'))
      .innerJoin('customers as c', 'c.id', 's.customer_id')
      .where('s.fit_id', '=', fit.id)
      .where('s.x', '>', 0)
      .where('c.deleted_at', 'is', null)
      .orderBy(lost, 'desc')
      .orderBy('c.id')
      .limit(limit)
      .select(['c.id', 'c.code', 'c.name', 'c.phone', 'a.segment', 'a.monetary', 'a.last_purchase', 'a.recency_days', 's.p_alive', 's.clv', lost.as('lost')])
      .execute();
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, phone: r.phone, segment: r.segment as SegmentId, monetary: r.monetary, lastPurchase: r.last_purchase, recencyDays: r.recency_days, pAlive: r.p_alive, clv: Math.round(r.clv), valueLost: Math.round(r.lost) }));
  }
  const rows = await winBackQuery(ctx.db, run.id, ['at_risk', 'cant_lose_them'])
    .select(['c.id', 'c.code', 'c.name', 'c.phone', 'a.segment', 'a.monetary', 'a.last_purchase', 'a.recency_days'])
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, phone: r.phone, segment: r.segment as SegmentId, monetary: r.monetary, lastPurchase: r.last_purchase, recencyDays: r.recency_days, pAlive: null, clv: null, valueLost: null }));
}

export async function dashboard(ctx: Pick<Ctx, 'db' | 'clock'>, input: z.output<typeof dashboardInput>): Promise<DashboardOutput> {
  const today = input.today ?? (await shopToday(ctx));
  const period = periodRange(input.period, today, input);
  const { mode, previous } = comparison(period, input.compare);
  const [settings, run, anySale] = await Promise.all([getSettings(ctx), findRun(ctx), ctx.db.selectFrom('transactions').select('id').where('deleted_at', 'is', null).limit(1).executeTakeFirst()]);
  const [current, before, trend, top, atRisk, summary] = await Promise.all([
    kpis(ctx, period),
    kpis(ctx, previous),
    monthlyTrend(ctx, period.to, settings.revenueTargets),
    topCustomers(ctx, period),
    run ? worthCalling(ctx, run) : [],
    run ? rfmSummary(ctx, run.id) : null,
  ]);
  return {
    period,
    previous,
    compare: mode,
    current,
    before,
    trend,
    trendRunning: runningMonth(trend[trend.length - 1].month, today),
    latestRun: run ? { id: run.id, analysisDate: run.analysisDate, customers: run.customers } : null,
    segments: (summary?.segments ?? []).filter((s) => s.customers > 0).map((s) => ({ segment: s.segment, customers: s.customers, revenue: s.revenue })),
    topCustomers: top,
    atRisk,
    hasTransactions: Boolean(anySale),
  };
}
