import { copyFileSync, existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { ExportRunInput } from '../../src-shared/schemas/export';
import { reportId } from '../../src-shared/schemas/export';
import type { App } from '../app';
import { findReport, REPORTS } from '../export/registry';
import { discardStaged, stagedFile } from '../files/staging';
import { translator } from '../../src-shared/i18n/messages';
import { dateOption, oneOf, type Values } from './args';
import { CliError, type Call } from './io';
import { cliLanguage, say } from './messages';

export interface ExportArgs {
  input: ExportRunInput;
  out: string;
}

const reportList = () =>
  REPORTS.filter((r) => !r.id.startsWith('segment:'))
    .map((r) => r.id)
    .join(', ') + ', segment:<segment id>';

/**
 * `export <report> --out <file>`: every argument is checked before the database is opened, so a
 * typo or a bad path changes nothing and says what was wrong.
 */
export function exportArgs(positionals: string[], values: Values): ExportArgs {
  const id = positionals[1];
  if (!id || positionals.length > 2) throw new CliError(say('usage.exportReport', { reports: reportList() }), 2);
  if (values.out === undefined) throw new CliError(say('usage.exportOut'), 2);
  const out = resolve(values.out);
  const extension = extname(out).toLowerCase();
  const format = values.format ?? (extension === '.csv' ? 'csv' : extension === '.xlsx' ? 'xlsx' : undefined);
  if (format !== 'xlsx' && format !== 'csv') throw new CliError(say('usage.exportFormat'), 2);
  const separator = oneOf(values, 'separator', [',', ';'] as const) ?? ',';
  const dateStyle = oneOf(values, 'date-style', ['dmy', 'iso'] as const) ?? 'dmy';
  const period = { from: dateOption(values, 'from'), to: dateOption(values, 'to') };

  const report = reportId.safeParse(id).success ? findReport(id) : null;
  if (!report) throw new CliError(say('err.unknownReport', { report: id, reports: reportList() }));
  const filters: Record<string, string> = {};
  for (const key of ['from', 'to'] as const) {
    const value = period[key];
    if (value === undefined) continue;
    if (!('from' in report.filters.shape)) {
      const dated = REPORTS.filter((r) => 'from' in r.filters.shape).map((r) => r.id);
      throw new CliError(say('usage.exportPeriod', { reports: dated.join(', '), report: id }), 2);
    }
    filters[key] = value;
  }
  const folder = dirname(out);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CliError(say('err.outFolder', { out, folder }));
  if (existsSync(out) && statSync(out).isDirectory()) throw new CliError(say('err.outIsFolder', { out, example: `${out}/${id}.${format}` }));
  return { input: { report: report.id, filters, format, separator, dateStyle }, out };
}

/** Runs the export through dispatch (the same job as the app), then puts the file at --out. */
export async function exportCommand(app: App, call: Call, args: ExportArgs): Promise<void> {
  const result = await call('export.run', args.input);
  const staged = stagedFile(app.services.dbPath, result.fileId, translator(cliLanguage()));
  try {
    copyFileSync(staged.path, args.out);
  } catch (error) {
    throw new CliError(say('err.cannotWrite', { out: args.out, reason: error instanceof Error ? error.message : String(error) }));
  } finally {
    discardStaged(app.services.dbPath, result.fileId);
  }
  console.log(say('export.done', { rows: result.rows, bytes: result.bytes, out: args.out }));
}
