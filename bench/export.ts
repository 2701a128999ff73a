import { spawnSync } from 'node:child_process';
import type { App } from '../src-main/app';
import { translator } from '../src-shared/i18n/messages';
import { findReport } from '../src-main/export/registry';
import { bundleChild } from './bundle';
import { medianMs, round, row, type BenchRow } from './measure';

const TODAY = '2026-11-22'; // the generated shop's last day

/** The bare query of a report, read to the last row with a raw iterating statement. */
async function bareRead(app: App, id: string): Promise<() => number> {
  const report = findReport(id);
  if (!report) throw new Error(`no report ${id}`);
  const filters = report.filters.parse({});
  const prepared = await report.prepare(filters, { db: app.services.db, language: 'id', t: translator('id'), today: TODAY });
  // Every row of a big table: what the export reads too (rows.ts, BULK_ROWS), its lookup included.
  const statements = [prepared.bulk?.lookup?.table, prepared.bulk?.query ?? prepared.query].flatMap((query) => {
    if (!query) return [];
    const compiled = query.compile();
    return [{ statement: app.services.sqlite.prepare(compiled.sql).raw(true), parameters: compiled.parameters }];
  });
  return () => {
    let n = 0;
    for (const { statement, parameters } of statements) for (const _ of statement.iterate(...parameters)) n++;
    return n;
  };
}

const ROOT = new URL('..', import.meta.url).pathname;

type ChildResult = { ms: number; rows: number; bytes: number; peakRssMb: number };

/** Three runs, each in a fresh process: the median time and the highest peak RSS. */
function exportInChild(child: string, dbPath: string, report: string, format: string): ChildResult {
  const runs: ChildResult[] = [];
  for (let i = 0; i < 3; i++) {
    const run = spawnSync(process.execPath, [child, dbPath, report, format], { encoding: 'utf8', cwd: ROOT });
    if (run.status !== 0) throw new Error(`export ${report} ${format} failed: ${run.stderr}`);
    runs.push(JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as ChildResult);
  }
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  return { ...runs[0], ms: times[1], peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)) };
}

/**
 * Export: every customer with their latest RFM figures to XLSX, and every transaction to CSV, each
 * through dispatch and the export job in a process of its own (so its peak RSS is the export's),
 * next to the bare query that reads the same rows in this process (for transactions, the full pass
 * and sort an export of most of a big table uses).
 */
export async function exportSuite(app: App): Promise<{ rows: BenchRow[]; notes: Record<string, unknown> }> {
  const child = await bundleChild('export-child');
  const run = await app.call('rfm.run', { asOf: TODAY }, { clientId: 'bench' });
  if (!run.ok) throw new Error(run.error.message);
  const rows: BenchRow[] = [];
  const notes: Record<string, unknown> = {};
  for (const [report, format, name] of [
    ['customers', 'xlsx', 'customers + latest RFM → XLSX'],
    ['transactions', 'csv', 'transactions → CSV'],
  ] as const) {
    const read = await bareRead(app, report);
    const bareMs = await medianMs(read, 3, 1);
    const result = exportInChild(child, app.services.dbPath, report, format);
    rows.push(
      row(
        'export',
        `${name} (${result.rows.toLocaleString('en')} rows, peak RSS ${result.peakRssMb} MB)`,
        result.ms,
        'bare query, same rows',
        bareMs,
        '≤ 10 s, RSS ≤ 512 MB',
      ),
    );
    notes[`${report}.${format}`] = { rows: result.rows, bytes: result.bytes, ms: round(result.ms), peakRssMb: result.peakRssMb };
  }
  return { rows, notes };
}
