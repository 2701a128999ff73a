/** `leads funnel` and `leads forecast`: the Prospek tab's funnel, conversion and forecast as text or JSON. */
import type { App } from '../app';
import { shopToday } from '../business/today';
import { dateOption, type Values } from './args';
import { CliError, table, type Call } from './io';
import { say } from './messages';

export interface FunnelArgs {
  from: string;
  to: string;
  json: boolean;
}

export function funnelArgs(values: Values): FunnelArgs {
  const from = dateOption(values, 'from');
  const to = dateOption(values, 'to');
  if (!from || !to) throw new CliError(say('usage.leadsPeriod'), 2);
  return { from, to, json: Boolean(values.json) };
}

const percent = (rate: number | null) => (rate === null ? '' : `${(rate * 100).toFixed(1)} %`);

export async function leadsFunnel(call: Call, args: FunnelArgs): Promise<void> {
  const report = await call('leads.reports', { from: args.from, to: args.to });
  const stages = report.funnel.map((s) => ({ stage: s.stageId, name: s.name, count: s.count, value: s.value }));
  const conversionByChannel = report.byChannel.map((c) => ({ channel: c.channelId, name: c.name, leads: c.leads, won: c.won, rate: c.rate }));
  if (args.json) {
    console.log(JSON.stringify({ stages, conversionByChannel }));
    return;
  }
  const [stage, count, value] = say('leads.funnelColumns').split(',');
  console.log(
    table(
      stages.map((s) => ({ [stage]: s.name, [count]: s.count, [value]: s.value })),
      [stage, count, value],
    ),
  );
  console.log('');
  const [channel, leads, won, rate] = say('leads.channelColumns').split(',');
  console.log(
    table(
      conversionByChannel.map((c) => ({ [channel]: c.name ?? say('leads.noChannel'), [leads]: c.leads, [won]: c.won, [rate]: percent(c.rate) })),
      [channel, leads, won, rate],
    ),
  );
}

/** The next six months from the shop's today; leads with no expected close date are `month: null`. */
export async function leadsForecast(app: App, call: Call, json: boolean): Promise<void> {
  const today = await shopToday(app.services);
  const report = await call('leads.reports', { from: today, to: today });
  const rows: { month: string | null; weighted: number }[] = [
    ...report.forecast.months.map((m) => ({ month: m.month, weighted: m.weighted })),
    { month: null, weighted: report.forecast.undated.weighted },
  ];
  if (json) {
    console.log(JSON.stringify(rows));
    return;
  }
  const [month, weighted] = say('leads.forecastColumns').split(',');
  console.log(
    table(
      rows.map((r) => ({ [month]: r.month ?? say('leads.undated'), [weighted]: r.weighted })),
      [month, weighted],
    ),
  );
}
