import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { App } from '../app';
import type { Mapping } from '../../src-shared/schemas/import';
import { CliError } from './io';

type Call = <T>(channel: string, input: unknown) => Promise<T>;

export interface ImportArgs {
  file: string;
  kind: string;
  sheet?: string;
  mappingFile?: string;
  onDuplicate?: string;
  cancellations?: string;
  amountMultiplier?: string;
  headerRow?: string;
  strict: boolean;
  dryRun: boolean;
  json: boolean;
}

/** A mapping file says, per target field, a column header or a 0-based column index. */
async function readMapping(path: string, headers: string[]): Promise<Mapping> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new CliError(`The mapping file ${path} is not readable JSON.`);
  }
  if (!raw || typeof raw !== 'object') throw new CliError('The mapping file must be a JSON object: { "field": "Column header" | column index | null }.');
  const mapping: Mapping = {};
  for (const [field, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === null) mapping[field] = null;
    else if (typeof value === 'number') mapping[field] = value;
    else if (typeof value === 'string') {
      const index = headers.findIndex((h) => h.trim().toLowerCase() === value.trim().toLowerCase());
      if (index < 0) throw new CliError(`Mapping for "${field}": there is no column "${value}". Columns: ${headers.join(', ')}.`);
      mapping[field] = index;
    } else throw new CliError(`Mapping for "${field}" must be a column header, a column index or null.`);
  }
  return mapping;
}

interface Report {
  status: string;
  stopReason: string | null;
  rowsTotal: number;
  valid: number;
  toSkip: number;
  failed: number;
  records: number;
  customersCreated: number;
  warnings: string[];
  issues: { line: number; column: string; category: string; message: string; value: string }[];
}

export async function importCommand(app: App, call: Call, args: ImportArgs): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await readFile(args.file);
  } catch {
    throw new CliError(`Cannot read ${args.file}.`);
  }
  const staged = await call<{ fileId: string }>('files.upload', { name: basename(args.file), bytes });
  const inspected = await call<{ headers: string[]; headerRow: number; mapping: Mapping; sheet: string }>('import.inspect', {
    fileId: staged.fileId,
    kind: args.kind,
    sheet: args.sheet,
    headerRow: args.headerRow === undefined ? undefined : Number(args.headerRow),
  });
  const mapping = args.mappingFile ? await readMapping(args.mappingFile, inspected.headers) : inspected.mapping;
  const options = {
    onDuplicate: args.onDuplicate ?? 'skip',
    cancellations: args.cancellations ?? 'exclude',
    amountMultiplier: args.amountMultiplier ? Number(args.amountMultiplier) : 1,
    strict: args.strict,
  };
  const report = await call<Report>(args.dryRun ? 'import.validate' : 'import.commit', {
    fileId: staged.fileId,
    kind: args.kind,
    sheet: inspected.sheet || undefined,
    headerRow: inspected.headerRow,
    mapping,
    options,
  });
  const imported = report.status === 'completed' || report.status === 'valid';
  if (args.json) {
    console.log(
      JSON.stringify({
        status: report.status,
        stopReason: report.stopReason,
        rowsTotal: report.rowsTotal,
        imported: report.valid,
        records: report.records,
        customersCreated: report.customersCreated,
        skipped: report.toSkip,
        failed: report.failed,
        warnings: report.warnings,
        errors: report.issues.map((i) => ({ row: i.line, column: i.column, code: i.category, message: i.message, value: i.value })),
      }),
    );
  } else {
    const verb = args.dryRun ? 'would import' : 'imported';
    console.log(`${report.status}: ${report.rowsTotal} rows, ${verb} ${report.valid} (${report.records} records, ${report.customersCreated} new customers), skipped ${report.toSkip}, failed ${report.failed}.`);
    for (const w of report.warnings) console.log(`warning: ${w}`);
    for (const i of report.issues.slice(0, 20)) console.log(`row ${i.line}, ${i.column}: ${i.message} (value: "${i.value}")`);
    if (report.issues.length > 20) console.log(`… and more: see the problem report in the app.`);
  }
  if (!imported) throw new CliError(report.stopReason ?? 'Import stopped.');
}
