/**
 * The Prospek tab (issue 22, reports): funnel, conversion, days per stage, forecast, team, targets
 * against what happened, ad spend and the six-month trend, for a period of shop-local days. Each
 * figure is one SQL query in reports/*.ts, shared with the XLSX export.
 */
import type { z } from 'zod';
import type { leadReportsInput, LeadReports } from '../../src-shared/schemas/lead-reports';
import type { Ctx } from '../core/context';
import { getSettings } from '../settings/service';
import { seesAll } from './access';
import { shopNow } from './clock';
import { forecastQuery, FORECAST_MONTHS } from './reports/forecast';
import { byCampaignQuery, byChannelQuery, funnelQuery, stageDaysQuery } from './reports/funnel';
import { adSpendQuery, monthlyQuery } from './reports/monthly';
import { addMonths, daySpan, monthSpans, weekStart } from './reports/period';
import { teamQuery } from './reports/team';

/** The months the monthly figures cover: six, ending with the period's last. */
export const TREND_MONTHS = 6;

export async function shopZone(ctx: Pick<Ctx, 'db'>): Promise<string> {
  const business = await ctx.db.selectFrom('business').select('timezone').executeTakeFirst();
  return business?.timezone ?? 'Asia/Jakarta';
}

const n = (v: unknown) => Number(v ?? 0);
const tally = (r?: { count: unknown; value: unknown; weighted: unknown }) => ({ count: n(r?.count), value: n(r?.value), weighted: n(r?.weighted) });

export async function leadReports(ctx: Ctx, input: z.output<typeof leadReportsInput>): Promise<LeadReports> {
  const [zone, now, settings] = await Promise.all([shopZone(ctx), shopNow(ctx), getSettings(ctx)]);
  const span = daySpan(input.from, input.to, zone);
  const months = monthSpans(addMonths(input.to.slice(0, 7), 1 - TREND_MONTHS), TREND_MONTHS, zone);
  const firstForecast = now.today.slice(0, 7);
  const team = {
    period: span,
    week: daySpan(weekStart(now.today), now.today, zone),
    today: now.today,
    time: now.time,
    onlyUser: seesAll(ctx) ? null : (ctx.user?.id ?? ''),
  };
  const [funnel, byChannel, byCampaign, stageDays, forecast, people, monthly, adSpend] = await Promise.all([
    funnelQuery(ctx.db, span).execute(),
    byChannelQuery(ctx.db, span).execute(),
    byCampaignQuery(ctx.db, span).execute(),
    stageDaysQuery(ctx.db, span).execute(),
    forecastQuery(ctx.db, firstForecast).execute(),
    teamQuery(ctx.db, team).execute(),
    monthlyQuery(ctx.db, months).execute(),
    adSpendQuery(ctx.db, months).execute(),
  ]);
  const byMonth = new Map(forecast.map((r) => [r.month, r]));
  const wonStage = funnel.find((s) => s.kind === 'won');
  return {
    period: { from: input.from, to: input.to },
    today: now.today,
    funnel: funnel.map((s) => ({ stageId: s.stage_id, name: s.name, kind: s.kind as 'open' | 'won', count: n(s.count), value: n(s.value) })),
    won: { count: n(wonStage?.count), value: n(wonStage?.value) },
    byChannel: byChannel.map((r) => ({ channelId: r.channel_id, name: r.name, leads: n(r.leads), won: n(r.won), rate: r.rate === null ? null : n(r.rate) })),
    byCampaign: byCampaign.map((r) => ({ code: r.code, leads: n(r.leads), won: n(r.won), rate: r.rate === null ? null : n(r.rate) })),
    stageDays: stageDays.map((r) => ({ stageId: r.stage_id, name: r.name, avgDays: r.avg_days === null ? null : n(r.avg_days), stays: n(r.stays) })),
    forecast: {
      months: Array.from({ length: FORECAST_MONTHS }, (_, i) => addMonths(firstForecast, i)).map((month) => ({ month, ...tally(byMonth.get(month)) })),
      late: tally(byMonth.get('late')),
      undated: tally(byMonth.get('undated')),
    },
    team: people.map((r) => ({
      userId: r.user_id,
      name: r.name,
      openLeads: n(r.open_leads),
      overdue: n(r.overdue),
      activitiesWeek: n(r.activities_week),
      wonCount: n(r.won_count),
      wonValue: n(r.won_value),
    })),
    monthly: monthly.map((r) => ({
      month: r.month,
      leads: n(r.leads),
      won: n(r.won),
      wonValue: n(r.won_value),
      newCustomers: n(r.new_customers),
      revenue: n(r.revenue),
      leadsTarget: settings.leadTargets[r.month] ?? null,
      customersTarget: settings.customerTargets[r.month] ?? null,
      revenueTarget: settings.revenueTargets[r.month] ?? null,
      spend: n(r.spend),
    })),
    adSpend: adSpend.map((r) => ({
      month: r.month,
      channelId: r.channel_id,
      name: r.name,
      amount: n(r.amount),
      leads: n(r.leads),
      won: n(r.won),
      costPerLead: r.cost_per_lead,
      costPerClosing: r.cost_per_closing,
    })),
  };
}
