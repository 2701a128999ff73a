import { copyFileSync, existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { ExportRunInput } from '../../src-shared/schemas/export';
import { reportId } from '../../src-shared/schemas/export';
import type { App } from '../app';
import { findReport, REPORTS } from '../export/registry';
import { discardStaged, stagedFile } from '../files/staging';
import { translator } from '../../src-shared/i18n/messages';
import { CliError } from './io';

type Call = <T>(channel: string, input: unknown) => Promise<T>;
type Values = Record<string, string | boolean | undefined>;

export interface ExportArgs {
  input: ExportRunInput;
  out: string;
}

const reportList = () => REPORTS.filter((r) => !r.id.startsWith('segment:')).map((r) => r.id).join(', ') + ', segment:<segment id>';

/**
 * `export <report> --out <file>`: every argument is checked before the database is opened, so a
 * typo or a bad path changes nothing and says what was wrong.
 */
export function exportArgs(positionals: string[], values: Values): ExportArgs {
  const id = positionals[1];
  if (!id || positionals.length > 2) throw new CliError(`export takes one report: ${reportList()}.`, 2);
  if (typeof values.out !== 'string') throw new CliError('export needs --out <file>, e.g. --out pelanggan.xlsx.', 2);
  const out = resolve(values.out);
  const format = values.format ?? (extname(out).toLowerCase() === '.csv' ? 'csv' : extname(out).toLowerCase() === '.xlsx' ? 'xlsx' : undefined);
  if (format !== 'xlsx' && format !== 'csv') throw new CliError('--format must be xlsx or csv (or give --out a .xlsx or .csv name).', 2);
  const separator = values.separator ?? ',';
  if (separator !== ',' && separator !== ';') throw new CliError("--separator must be ',' or ';'.", 2);
  const dateStyle = values['date-style'] ?? 'dmy';
  if (dateStyle !== 'dmy' && dateStyle !== 'iso') throw new CliError('--date-style must be dmy or iso.', 2);

  const report = reportId.safeParse(id).success ? findReport(id) : null;
  if (!report) throw new CliError(`Unknown report "${id}". Reports: ${reportList()}.`);
  const filters: Record<string, string> = {};
  for (const key of ['from', 'to'] as const) {
    const value = values[key];
    if (value === undefined) continue;
    if (!('from' in report.filters.shape)) {
      const dated = REPORTS.filter((r) => 'from' in r.filters.shape).map((r) => r.id);
      throw new CliError(`--from and --to apply to ${dated.join(', ')}; "${id}" has no period.`, 2);
    }
    filters[key] = String(value);
  }
  const folder = dirname(out);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CliError(`Cannot write ${out}: the folder ${folder} does not exist.`);
  if (existsSync(out) && statSync(out).isDirectory()) throw new CliError(`Cannot write ${out}: it is a folder. Give a file name, e.g. ${out}/${id}.${format}.`);
  return { input: { report: report.id, filters, format, separator, dateStyle }, out };
}

/** Runs the export through dispatch (the same job as the app), then puts the file at --out. */
export async function exportCommand(app: App, call: Call, args: ExportArgs): Promise<void> {
  const result = await call<{ fileId: string; rows: number; bytes: number }>('export.run', args.input);
  const staged = stagedFile(app.services.dbPath, result.fileId, translator('en'));
  try {
    copyFileSync(staged.path, args.out);
  } catch (error) {
    throw new CliError(`Cannot write ${args.out}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    discardStaged(app.services.dbPath, result.fileId);
  }
  console.log(`${result.rows} rows, ${result.bytes} bytes → ${args.out}`);
}
