import dayjs from 'dayjs';
import { sql, type Kysely, type Selectable } from 'kysely';
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
import { periodKpis, salesDays, salesIn, type SalesDay } from './kpis';

type Db = Pick<Ctx, 'db'>;
type Range = DayRange;

/** Revenue, orders and customers of one period (the dashboard reads both of its periods at once). */
export async function kpis(ctx: Db, r: Range): Promise<DashboardKpis> {
  const [figures] = await periodKpis(ctx, await salesDays(ctx), [r]);
  return figures;
}

/** The 12 calendar months ending with the month of `to`, oldest first, with zeros for quiet months. */
export async function monthlyTrend(ctx: Db, to: string, targets: Record<string, number>, days?: readonly SalesDay[]) {
  const months = Array.from({ length: 12 }, (_, i) =>
    dayjs(`${to.slice(0, 7)}-01`)
      .subtract(11 - i, 'month')
      .format('YYYY-MM'),
  );
  const byMonth = new Map(months.map((month) => [month, { revenue: 0, orders: 0 }]));
  for (const d of days ?? (await salesDays(ctx))) {
    const month = byMonth.get(d.day.slice(0, 7));
    if (!month) continue;
    month.revenue += d.revenue;
    month.orders += d.orders;
  }
  return months.map((month) => ({ month, ...byMonth.get(month)!, target: targets[month] ?? null }));
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
export function topCustomersQuery(
  db: Kysely<Database>,
  r: { from?: string; to?: string },
  options: { limit?: number; fewSales?: boolean; lastPurchase?: boolean } = {},
) {
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

/**
 * The calendar years whose sales per customer a period holds exactly, from customer_sales_yearly:
 * it reaches back past every sale of its first year and on past every sale of its last (this year
 * to today, or "all time", are the usual cases). Null for any other period.
 */
function wholeYears(days: readonly SalesDay[], r: Range): string[] | null {
  const first = r.from.slice(0, 4);
  const last = r.to.slice(0, 4);
  if (days.some((d) => (d.day < r.from && d.day >= `${first}-01-01`) || (d.day > r.to && d.day <= `${last}-12-31`))) return null;
  return Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => String(Number(first) + i));
}

export async function topCustomers(ctx: Db, r: Range, limit = 10, days?: readonly SalesDay[]) {
  const sales = days ?? (await salesDays(ctx));
  const years = wholeYears(sales, r);
  const rows = years
    ? await ctx.db
        .selectFrom(
          ctx.db
            .selectFrom('customer_sales_yearly as y')
            .where('y.year', 'in', years)
            .where('y.customer_id', 'not in', deletedCustomerIds(ctx.db))
            // One year is read in customer order and needs no grouping; several are summed.
            .$if(years.length === 1, (q) => q.select(['y.customer_id', 'y.revenue', 'y.orders']))
            .$if(years.length > 1, (q) =>
              q
                .groupBy('y.customer_id')
                .select((eb) => ['y.customer_id', eb.fn.sum<number>('y.revenue').as('revenue'), eb.fn.sum<number>('y.orders').as('orders')]),
            )
            .orderBy('revenue', 'desc')
            .orderBy('y.customer_id')
            .limit(limit)
            .as('s'),
        )
        .innerJoin('customers as c', 'c.id', 's.customer_id')
        .orderBy('s.revenue', 'desc')
        .orderBy('c.id')
        .select(['c.id', 'c.code', 'c.name', 's.revenue', 's.orders'])
        .execute()
    : await topCustomersQuery(ctx.db, r, { limit, lastPurchase: false, fewSales: salesIn(sales, r).orders * 4 < sales.reduce((n, d) => n + d.orders, 0) })
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
 * The returning customers of fit `fitId` who are in run `runId`, the most value the shop stands to
 * lose first: CLV × (1 − P(alive)). The expression and order are idx_clv_scores_value_lost's
 * (migration 0025), so SQLite walks that index from the largest loss and stops at the limit instead
 * of scoring and sorting every customer (131 ms at 100k customers before).
 */
export function valueLostQuery(db: Kysely<Database>, fitId: string, runId: string) {
  const lost = sql<number>`s.clv * (1 - s.p_alive)`;
  // CROSS JOIN is SQLite's way to fix the loop order: with statistics it would otherwise start from
  // the run's 100k rows (a primary-key prefix) and sort, 240 ms instead of 0.2.
  return db
    .selectFrom('clv_scores as s')
    .crossJoin('rfm_analysis as a')
    .crossJoin('customers as c')
    .where('a.run_id', '=', runId)
    .whereRef('a.customer_id', '=', 's.customer_id')
    .whereRef('c.id', '=', 's.customer_id')
    .where('s.fit_id', '=', fitId)
    .where('s.x', '>', 0)
    .where('c.deleted_at', 'is', null)
    .orderBy(lost, 'desc')
    .orderBy('s.customer_id')
    .select(['c.id', 'c.code', 'c.name', 'c.phone', 'a.segment', 'a.monetary', 'a.last_purchase', 'a.recency_days', 's.p_alive', 's.clv', lost.as('lost')]);
}

type CallRecord = Pick<Selectable<Database['customers']>, 'id' | 'code' | 'name' | 'phone'> &
  Pick<Selectable<Database['rfm_analysis']>, 'segment' | 'monetary' | 'last_purchase' | 'recency_days'>;

/** A customer worth a call as the dashboard lists them, whichever way they were picked. */
const customerToCall = (r: CallRecord) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  phone: r.phone,
  segment: r.segment as SegmentId,
  monetary: r.monetary,
  lastPurchase: r.last_purchase,
  recencyDays: r.recency_days,
});

/**
 * The customers worth a call. With a fitted model for the run's date: the returning customers the
 * shop stands to lose the most from, CLV × (1 − P(alive)). Without one (a shop too small to fit):
 * At Risk and Can't Lose Them of the run, biggest spenders first.
 */
export async function worthCalling(ctx: Db, run: { id: string; analysisDate: string }, limit = 10) {
  const fit = await ctx.db
    .selectFrom('clv_fits')
    .select('id')
    .where('status', '=', 'fitted')
    .where('as_of', '=', run.analysisDate)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (fit) {
    const rows = await valueLostQuery(ctx.db, fit.id, run.id).limit(limit).execute();
    return rows.map((r) => ({
      ...customerToCall(r),
      pAlive: r.p_alive,
      clv: Math.round(r.clv),
      valueLost: Math.round(r.lost),
    }));
  }
  const rows = await winBackQuery(ctx.db, run.id, ['at_risk', 'cant_lose_them'])
    .select(['c.id', 'c.code', 'c.name', 'c.phone', 'a.segment', 'a.monetary', 'a.last_purchase', 'a.recency_days'])
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    ...customerToCall(r),
    pAlive: null,
    clv: null,
    valueLost: null,
  }));
}

export async function dashboard(ctx: Pick<Ctx, 'db' | 'clock'>, input: z.output<typeof dashboardInput>): Promise<DashboardOutput> {
  const today = input.today ?? (await shopToday(ctx));
  const period = periodRange(input.period, today, input);
  const { mode, previous } = comparison(period, input.compare);
  const [settings, run, days] = await Promise.all([getSettings(ctx), findRun(ctx), salesDays(ctx)]);
  // sales_daily is read once, above, and both periods' customers in one pass over customer_span.
  const [[current, before], trend, top, atRisk, summary] = await Promise.all([
    periodKpis(ctx, days, [period, previous]),
    monthlyTrend(ctx, period.to, settings.revenueTargets, days),
    topCustomers(ctx, period, 10, days),
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
    hasTransactions: days.length > 0,
  };
}
