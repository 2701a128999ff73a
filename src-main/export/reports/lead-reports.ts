/**
 * The Prospek tab's reports as files: funnel and conversion, the forecast, the team. Each runs
 * the query the tab shows (src-main/leads/reports/*), so the file and the screen agree.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { isoDate } from '../../../src-shared/schemas/common';
import { shopZone } from '../../leads/reports';
import { forecastQuery, FORECAST_MONTHS } from '../../leads/reports/forecast';
import { byCampaignQuery, byChannelQuery, funnelQuery } from '../../leads/reports/funnel';
import { addMonths, daySpan, weekStart } from '../../leads/reports/period';
import { teamQuery } from '../../leads/reports/team';
import { COLUMN } from '../columns';
import { defineReport, EVERYONE, MANAGERS, prepared, words, type ReportEnv, type Words } from '../report';

const periodFilters = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'v.dateRange', path: ['to'] });

/** Without a period: this month to today, as the Prospek tab opens. */
async function periodOf(filters: { from?: string; to?: string }, env: ReportEnv) {
  const to = filters.to ?? env.today;
  const from = filters.from ?? `${to.slice(0, 7)}-01`;
  return { from, to, span: daySpan(from, to, await shopZone(env)) };
}

const word = (env: ReportEnv, key: Words) => sql<string>`${words(key, env.language)}`;

export const leadsFunnelReport = defineReport({
  id: 'leads-funnel',
  name: 'report.leadFunnelConversion',
  file: 'file.leadFunnel',
  group: 'analysis',
  roles: EVERYONE,
  filters: periodFilters,
  columns: [
    { key: 'part', type: 'text', label: 'part' },
    COLUMN.name,
    { key: 'leads', type: 'integer', label: 'leads' },
    { key: 'value', type: 'money', label: 'value' },
    { key: 'won', type: 'integer', label: 'won' },
    { key: 'rate', type: 'percent', label: 'conversion' },
  ],
  async prepare(filters, env) {
    const { from, to, span } = await periodOf(filters, env);
    const none = word(env, 'noneParen');
    // The funnel's steps first, then conversion per channel, then per campaign code.
    const stages = env.db
      .selectFrom(funnelQuery(env.db, span).as('f'))
      .select([
        sql<number>`1`.as('sort'),
        word(env, 'stage').as('part'),
        'f.name',
        'f.count as leads',
        'f.value',
        sql<number | null>`NULL`.as('won'),
        sql<number | null>`NULL`.as('rate'),
      ]);
    const channels = env.db
      .selectFrom(byChannelQuery(env.db, span).as('c'))
      .select([
        sql<number>`2`.as('sort'),
        word(env, 'leadChannel').as('part'),
        sql<string>`coalesce(c.name, ${none})`.as('name'),
        'c.leads',
        'c.won_value as value',
        'c.won',
        'c.rate',
      ]);
    const campaigns = env.db
      .selectFrom(byCampaignQuery(env.db, span).as('k'))
      .select([
        sql<number>`3`.as('sort'),
        word(env, 'campaignCode').as('part'),
        sql<string>`coalesce(k.code, ${none})`.as('name'),
        'k.leads',
        'k.won_value as value',
        'k.won',
        'k.rate',
      ]);
    const query = env.db
      .selectFrom(stages.unionAll(channels).unionAll(campaigns).as('u'))
      .select(['u.part', 'u.name', 'u.leads', 'u.value', 'u.won', 'u.rate']);
    return prepared(query, { period: { from, to } });
  },
});

export const leadsForecastReport = defineReport({
  id: 'leads-forecast',
  name: 'report.closingForecast',
  file: 'file.closingForecast',
  group: 'analysis',
  roles: EVERYONE,
  filters: z.strictObject({}),
  columns: [
    { key: 'month', type: 'text', label: 'expectedCloseMonth' },
    { key: 'count', type: 'integer', label: 'openLeads', total: true },
    { key: 'value', type: 'money', label: 'value', total: true },
    { key: 'weighted', type: 'money', label: 'valueProbability', total: true },
  ],
  prepare(_filters, env) {
    const first = env.today.slice(0, 7);
    const label = sql<string>`CASE f.month WHEN 'late' THEN ${words('lateToClose', env.language)} WHEN 'undated' THEN ${words('noDate', env.language)} ELSE f.month END`;
    const query = env.db
      .selectFrom(forecastQuery(env.db, first).as('f'))
      .select([label.as('month'), 'f.count', 'f.value', 'f.weighted'])
      .orderBy(sql`CASE f.month WHEN 'late' THEN 0 WHEN 'undated' THEN 2 ELSE 1 END`)
      .orderBy('f.month');
    return prepared(query, { notes: [['months', `${first} – ${addMonths(first, FORECAST_MONTHS - 1)}`]] });
  },
});

/** Managers only: staff see just their own row on screen, and a file of everyone's would undo that. */
export const leadsTeamReport = defineReport({
  id: 'leads-team',
  name: 'report.teamPerformance',
  file: 'file.teamPerformance',
  group: 'analysis',
  roles: MANAGERS,
  filters: periodFilters,
  columns: [
    { key: 'name', type: 'text', label: 'user' },
    { key: 'open_leads', type: 'integer', label: 'openLeads', total: true },
    { key: 'overdue', type: 'integer', label: 'overdueFollowUps', total: true },
    { key: 'activities_week', type: 'integer', label: 'activitiesThisWeek', total: true },
    { key: 'won_count', type: 'integer', label: 'won', total: true },
    { key: 'won_value', type: 'money', label: 'wonValue', total: true },
  ],
  async prepare(filters, env) {
    const { from, to, span } = await periodOf(filters, env);
    const zone = await shopZone(env);
    // Overdue as the reminders count it: before today, or today before the time now.
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
    const query = teamQuery(env.db, { period: span, week: daySpan(weekStart(env.today), env.today, zone), today: env.today, time, onlyUser: null });
    return prepared(query, { period: { from, to } });
  },
});
