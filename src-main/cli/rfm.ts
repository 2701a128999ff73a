import { SEGMENT_TEXT } from '../../src-shared/i18n/segments';
import type { RfmSummary } from '../../src-shared/schemas/rfm';
import type { App } from '../app';
import { filterMembers, findRun } from '../rfm/queries';
import { CliError, table } from './io';

type Call = <T>(channel: string, input: unknown) => Promise<T>;
type Values = Record<string, string | boolean | undefined>;

function bins(values: Values, name: string): number[] | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const list = String(raw).split(',').map((s) => Number(s.trim()));
  if (list.length !== 4 || list.some((n) => !Number.isFinite(n))) throw new CliError(`--${name} takes four ascending numbers, e.g. 30,60,90,180.`, 2);
  return list;
}

/** `rfm`: run an analysis and print the segment summary. */
export async function rfmRun(app: App, call: Call, values: Values): Promise<void> {
  const method = values.method as string | undefined;
  if (method && method !== 'fixed' && method !== 'quintile') throw new CliError('--method must be fixed or quintile.', 2);
  const window = values['window-months'];
  const custom = [bins(values, 'recency-bins'), bins(values, 'frequency-bins'), bins(values, 'monetary-bins')];
  let edges;
  if (custom.some(Boolean)) {
    const settings = await call<{ rfmEdges: { recencyDays: number[]; frequency: number[]; monetary: number[] } }>('settings.get', {});
    edges = { recencyDays: custom[0] ?? settings.rfmEdges.recencyDays, frequency: custom[1] ?? settings.rfmEdges.frequency, monetary: custom[2] ?? settings.rfmEdges.monetary };
  }
  const summary = await call<RfmSummary>('rfm.run', {
    asOf: values['as-of'],
    method,
    windowMonths: window === undefined ? undefined : window === 'all' ? null : Number(window),
    edges,
  });
  const run = summary.run;
  if (!run) throw new CliError('The run did not produce a result.');
  const segments = summary.segments.map((s) => ({ segment: s.segment, customers: s.customers, revenue: s.revenue }));
  if (values.json) {
    console.log(JSON.stringify({ runId: run.id, asOf: run.analysisDate, method: run.method, customers: run.customers, segments }));
    return;
  }
  console.log(`RFM run ${run.id}: ${run.customers} customers as of ${run.analysisDate}, ${run.method} scores${run.windowMonths ? `, last ${run.windowMonths} months` : ''}, ${run.durationMs} ms`);
  console.log(table(summary.segments.map((s) => ({ segment: SEGMENT_TEXT.en[s.segment].name, customers: s.customers, '% customers': s.customersPct.toFixed(1), revenue: s.revenue, '% revenue': s.revenuePct.toFixed(1), aov: s.aov })), ['segment', 'customers', '% customers', 'revenue', '% revenue', 'aov']));
}

const CSV_COLUMNS = ['customer_code', 'recency_days', 'frequency', 'monetary', 'r', 'f', 'm', 'segment'];

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `rfm scores --csv`: one line per customer of a run, streamed straight from the DB. */
export async function rfmScores(app: App, values: Values): Promise<void> {
  if (!values.csv) throw new CliError('rfm scores prints CSV: add --csv.', 2);
  const requested = values.run === undefined || values.run === 'latest' ? undefined : String(values.run);
  const run = await findRun(app.services, requested).catch(() => null);
  if (!run) throw new CliError(requested ? `There is no RFM run ${requested}.` : 'There is no RFM run yet: run `rfm` first.');
  const { sql, parameters } = filterMembers(app.services.db, run, {})
    .innerJoin('customers', 'customers.id', 'a.customer_id')
    .select(['customers.code', 'a.recency_days', 'a.frequency', 'a.monetary', 'a.r_score', 'a.f_score', 'a.m_score', 'a.segment'])
    .orderBy('customers.code')
    .compile();
  const out: string[] = [CSV_COLUMNS.join(',')];
  for (const row of app.services.sqlite.prepare(sql).raw().iterate(...(parameters as unknown[])) as IterableIterator<(string | number)[]>) {
    out.push(row.map(csvCell).join(','));
    if (out.length >= 10_000) {
      process.stdout.write(`${out.join('\n')}\n`);
      out.length = 0;
    }
  }
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
}
