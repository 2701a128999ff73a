import { z } from 'zod';
import { isoDate, money } from './common';

/** The Prospek tab's period: shop-local calendar dates, both ends included. */
export const leadReportsInput = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((v) => v.from <= v.to, { message: 'v.dateRange', path: ['to'] })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 3 * 366 * 86_400_000, { message: 'v.range', path: ['from'] });

const rate = z.number().nullable();
const tally = z.object({ count: z.number(), value: z.number(), weighted: z.number() });

export const leadReportsOutput = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  /** The shop's today: the forecast's first month and the team's week count from it. */
  today: z.string(),
  /** Open and won stages in board order; see reports/funnel.ts for what "reached" means. */
  funnel: z.array(z.object({ stageId: z.string(), name: z.string(), kind: z.enum(['open', 'won']), count: z.number(), value: z.number() })),
  won: z.object({ count: z.number(), value: z.number() }),
  /** Leads created in the period, and how many of them are won now. */
  byChannel: z.array(z.object({ channelId: z.string().nullable(), name: z.string().nullable(), leads: z.number(), won: z.number(), rate })),
  byCampaign: z.array(z.object({ code: z.string().nullable(), leads: z.number(), won: z.number(), rate })),
  stageDays: z.array(z.object({ stageId: z.string(), name: z.string(), avgDays: z.number().nullable(), stays: z.number() })),
  forecast: z.object({
    months: z.array(tally.extend({ month: z.string() })),
    /** Open leads expected to close before this month and still open. */
    late: tally,
    undated: tally,
  }),
  team: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      openLeads: z.number(),
      overdue: z.number(),
      activitiesWeek: z.number(),
      wonCount: z.number(),
      wonValue: z.number(),
    }),
  ),
  /** The six calendar months ending with the period's last one, oldest first. */
  monthly: z.array(
    z.object({
      month: z.string(),
      leads: z.number(),
      won: z.number(),
      wonValue: z.number(),
      newCustomers: z.number(),
      revenue: z.number(),
      leadsTarget: z.number().nullable(),
      customersTarget: z.number().nullable(),
      revenueTarget: z.number().nullable(),
      spend: z.number(),
    }),
  ),
  /** Per channel per month of the six: spend, leads created, closings (reached won that month). */
  adSpend: z.array(
    z.object({
      month: z.string(),
      channelId: z.string(),
      name: z.string(),
      amount: z.number(),
      leads: z.number(),
      won: z.number(),
      costPerLead: z.number().nullable(),
      costPerClosing: z.number().nullable(),
    }),
  ),
});
export type LeadReports = z.infer<typeof leadReportsOutput>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'v.month');

export const adSpendListInput = z.strictObject({ from: month, to: month }).refine((v) => v.from <= v.to, { message: 'v.dateRange', path: ['to'] });
export const adSpendRow = z.object({ id: z.string(), month: z.string(), channelId: z.string(), channelName: z.string(), amount: z.number() });
/** One month's spend on one channel; saving it again replaces it, 0 keeps a zero. */
export const adSpendSaveInput = z.strictObject({ month, channelId: z.string().trim().min(1, 'v.required').max(64), amount: money.min(0, 'v.range') });
