import { z } from 'zod';
import { isoDate } from './common';
import { segmentId } from './rfm';
import { COMPARE_MODES, DASHBOARD_PERIODS } from '../dashboard/compare';

export { COMPARE_MODES, DASHBOARD_PERIODS };

export const dashboardInput = z
  .strictObject({
    period: z.enum(DASHBOARD_PERIODS).default('this_month'),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** What the period is compared with; one that would overlap the period falls back (dashboard/compare.ts). */
    compare: z.enum(COMPARE_MODES).default('last_month'),
    /** Defaults to today in the business time zone (tests and the CLI pin it). */
    today: isoDate.optional(),
  })
  .refine((v) => v.period !== 'custom' || (v.from && v.to && v.from <= v.to), { message: 'v.dateRange', path: ['to'] });
export type DashboardInput = z.input<typeof dashboardInput>;

const range = z.object({ from: z.string(), to: z.string(), days: z.number() });

export const dashboardKpis = z.object({
  revenue: z.number(),
  orders: z.number(),
  activeCustomers: z.number(),
  aov: z.number(),
  /** Active customers whose first purchase ever falls in the period. */
  newCustomers: z.number(),
  returningCustomers: z.number(),
});
export type DashboardKpis = z.infer<typeof dashboardKpis>;

export const dashboardOutput = z.object({
  period: range,
  previous: range,
  /** The comparison used for `previous`: the one asked for, unless it would overlap the period. */
  compare: z.enum(COMPARE_MODES),
  current: dashboardKpis,
  before: dashboardKpis,
  /** The last 12 calendar months up to the period's end, oldest first; months without sales are zeros. */
  trend: z.array(z.object({ month: z.string(), revenue: z.number(), orders: z.number(), target: z.number().nullable() })),
  /** The trend's last month when it is today's month, and the day its sales are counted to. */
  trendRunning: z.object({ month: z.string(), through: z.string() }).nullable(),
  latestRun: z.object({ id: z.string(), analysisDate: z.string(), customers: z.number() }).nullable(),
  segments: z.array(z.object({ segment: segmentId, customers: z.number(), revenue: z.number() })),
  topCustomers: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), revenue: z.number(), orders: z.number() })),
  /** Ranked by value lost (CLV × (1 − P(alive))) when the shop has a fitted model; else At Risk and Can't Lose Them by spend, the three figures null. */
  atRisk: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      phone: z.string().nullable(),
      segment: segmentId,
      monetary: z.number(),
      lastPurchase: z.string(),
      recencyDays: z.number(),
      pAlive: z.number().nullable(),
      clv: z.number().nullable(),
      valueLost: z.number().nullable(),
    }),
  ),
  hasTransactions: z.boolean(),
});
export type DashboardOutput = z.infer<typeof dashboardOutput>;
