import { segmentName } from '../../src-shared/i18n/segments';
import type { App } from '../app';
import { filterMembers, findRun } from '../rfm/queries';
import { dateOption, oneOf, type Values } from './args';
import { CliError, table, type Call } from './io';
import { cliLanguage, say } from './messages';

type BinsName = 'recency-bins' | 'frequency-bins' | 'monetary-bins';

function bins(values: Values, name: BinsName): number[] | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const list = raw.split(',').map((s) => Number(s.trim()));
  if (list.length !== 4 || list.some((n) => !Number.isFinite(n))) throw new CliError(say('usage.bins', { name }), 2);
  return list;
}

export interface RfmArgs {
  asOf?: string;
  method?: 'fixed' | 'quintile';
  windowMonths?: number | null;
  bins: (number[] | undefined)[];
  json: boolean;
}

/** `rfm`'s options, checked before the database is opened. */
export function rfmArgs(values: Values): RfmArgs {
  const window = values['window-months'];
  if (window !== undefined && window !== 'all' && !(/^\d+$/.test(window) && Number(window) >= 1 && Number(window) <= 240))
    throw new CliError(say('usage.oneOf', { option: '--window-months', values: '1 … 240, all' }), 2);
  return {
    asOf: dateOption(values, 'as-of'),
    method: oneOf(values, 'method', ['fixed', 'quintile'] as const),
    windowMonths: window === undefined ? undefined : window === 'all' ? null : Number(window),
    bins: [bins(values, 'recency-bins'), bins(values, 'frequency-bins'), bins(values, 'monetary-bins')],
    json: Boolean(values.json),
  };
}

/** `rfm`: run an analysis and print the segment summary. */
export async function rfmRun(call: Call, args: RfmArgs): Promise<void> {
  let edges;
  if (args.bins.some(Boolean)) {
    const settings = await call('settings.get', {});
    edges = {
      recencyDays: args.bins[0] ?? settings.rfmEdges.recencyDays,
      frequency: args.bins[1] ?? settings.rfmEdges.frequency,
      monetary: args.bins[2] ?? settings.rfmEdges.monetary,
    };
  }
  const summary = await call('rfm.run', { asOf: args.asOf, method: args.method, windowMonths: args.windowMonths, edges });
  const run = summary.run;
  if (!run) throw new CliError(say('err.runEmpty'));
  const segments = summary.segments.map((s) => ({ segment: s.segment, customers: s.customers, revenue: s.revenue }));
  if (args.json) {
    console.log(JSON.stringify({ runId: run.id, asOf: run.analysisDate, method: run.method, customers: run.customers, segments }));
    return;
  }
  const window = run.windowMonths ? say('rfm.window', { months: run.windowMonths }) : '';
  console.log(say('rfm.run', { id: run.id, customers: run.customers, date: run.analysisDate, method: run.method, window, ms: run.durationMs }));
  const columns = say('rfm.columns').split(',');
  console.log(
    table(
      summary.segments.map((s) =>
        Object.fromEntries(
          [segmentName(s.segment, cliLanguage()), s.customers, s.customersPct.toFixed(1), s.revenue, s.revenuePct.toFixed(1), s.aov].map((v, i) => [
            columns[i],
            v,
          ]),
        ),
      ),
      columns,
    ),
  );
}

const CSV_COLUMNS = ['customer_code', 'recency_days', 'frequency', 'monetary', 'r', 'f', 'm', 'segment'];

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface ScoresArgs {
  run?: string;
}

export function scoresArgs(values: Values): ScoresArgs {
  if (!values.csv) throw new CliError(say('usage.scoresCsv'), 2);
  return { run: values.run === undefined || values.run === 'latest' ? undefined : values.run };
}

/** `rfm scores --csv`: one line per customer of a run, streamed straight from the DB. */
export async function rfmScores(app: App, args: ScoresArgs): Promise<void> {
  const run = await findRun(app.services, args.run).catch(() => null);
  if (!run) throw new CliError(args.run ? say('err.noRun', { run: args.run }) : say('err.noRunYet'));
  const { sql, parameters } = filterMembers(app.services.db, run, {})
    .innerJoin('customers', 'customers.id', 'a.customer_id')
    .select(['customers.code', 'a.recency_days', 'a.frequency', 'a.monetary', 'a.r_score', 'a.f_score', 'a.m_score', 'a.segment'])
    .orderBy('customers.code')
    .compile();
  const out: string[] = [CSV_COLUMNS.join(',')];
  for (const row of app.services.sqlite
    .prepare(sql)
    .raw()
    .iterate(...(parameters as unknown[])) as IterableIterator<(string | number)[]>) {
    out.push(row.map(csvCell).join(','));
    if (out.length >= 10_000) {
      process.stdout.write(`${out.join('\n')}\n`);
      out.length = 0;
    }
  }
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
}
