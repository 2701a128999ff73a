import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { InspectOutput, Mapping } from '../../src-shared/schemas/import';
import { oneOf, wholeNumber, type Values } from './args';
import { CliError, type Call } from './io';
import { say } from './messages';

export interface ImportArgs {
  file: string;
  kind: 'customers' | 'transactions' | 'products' | 'leads';
  sheet?: string;
  mappingFile?: string;
  /** Unset: `skip` and `exclude`, or for a marketplace export `update` (its orders change status)
   * and `returns` (a returned order is its sale and its return). */
  onDuplicate?: 'skip' | 'update' | 'stop';
  cancellations?: 'exclude' | 'returns';
  /** Marketplace exports: orders still in progress left out (default) or taken as sales; shipping included. */
  inProgress?: 'skip' | 'pending' | 'sale';
  includeShipping: boolean;
  amountMultiplier: 1 | 100;
  /** `--header-row`: the row of the column headers as Excel numbers it (a CSV's line). */
  headerLine?: number;
  strict: boolean;
  dryRun: boolean;
  json: boolean;
}

/** `import`'s options, checked before the database is opened. */
export function importArgs(positionals: string[], values: Values): ImportArgs {
  if (!positionals[1] || positionals.length > 2) throw new CliError(say('usage.importFile'), 2);
  const kind = oneOf(values, 'kind', ['customers', 'transactions', 'products', 'leads'] as const);
  if (!kind) throw new CliError(say('usage.oneOf', { option: '--kind', values: 'customers, transactions, products, leads' }), 2);
  return {
    file: positionals[1],
    kind,
    sheet: values.sheet,
    mappingFile: values.mapping,
    onDuplicate: oneOf(values, 'on-duplicate', ['skip', 'update', 'stop'] as const),
    cancellations: oneOf(values, 'cancellations', ['exclude', 'returns'] as const),
    inProgress: oneOf(values, 'in-progress', ['skip', 'pending', 'sale'] as const),
    includeShipping: Boolean(values['include-shipping']),
    amountMultiplier: Number(oneOf(values, 'amount-multiplier', ['1', '100'] as const) ?? 1) as 1 | 100,
    headerLine: wholeNumber(values, 'header-row', 1, 51),
    strict: Boolean(values.strict),
    dryRun: Boolean(values['dry-run']),
    json: Boolean(values.json),
  };
}

/** A mapping file says, per target field, a column header or a 0-based column index. */
async function readMapping(path: string, headers: string[]): Promise<Mapping> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new CliError(say('err.mappingJson', { file: path }));
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new CliError(say('err.mappingObject'));
  const mapping: Mapping = {};
  for (const [field, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === null) mapping[field] = null;
    else if (typeof value === 'number') mapping[field] = value;
    else if (typeof value === 'string') {
      const index = headers.findIndex((h) => h.trim().toLowerCase() === value.trim().toLowerCase());
      if (index < 0) throw new CliError(say('err.mappingColumn', { field, column: value, columns: headers.join(', ') }));
      mapping[field] = index;
    } else throw new CliError(say('err.mappingValue', { field }));
  }
  return mapping;
}

/**
 * The file read with its header where `--header-row` says. Dispatch counts the rows the file holds
 * (an XLSX leaves empty rows out), people count as Excel numbers them: the row read at index i lies
 * at line i + 1 or further, so the index of line N is found by halving [0, N - 1], first trying N - 1.
 */
async function inspectAt(call: Call, fileId: string, args: ImportArgs): Promise<InspectOutput> {
  const at = (headerRow?: number) => call('import.inspect', { fileId, kind: args.kind, sheet: args.sheet, headerRow });
  const line = args.headerLine;
  if (line === undefined) return at();
  let failure: unknown = null;
  const probe = async (index: number) => {
    try {
      return await at(index);
    } catch (error) {
      failure = error; // past the last row, or a file that cannot be read at all
      return null;
    }
  };
  let [low, high] = [0, line - 1];
  for (let index = high; low <= high; index = (low + high) >> 1) {
    const found = await probe(index);
    if (found?.headerLine === line) return found;
    if (!found || found.headerLine > line) high = index - 1;
    else low = index + 1;
  }
  if (failure && !(await probe(0))) throw failure;
  throw new CliError(say('err.headerRow', { row: line }));
}

/**
 * `import <file>`: the wizard's steps through dispatch (upload, inspect, validate or commit). The
 * staged copies live in the CLI's private staging folder, which goes when the command ends.
 */
export async function importCommand(call: Call, args: ImportArgs): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await readFile(args.file);
  } catch {
    throw new CliError(say('err.cannotRead', { file: args.file }));
  }
  const staged = await call('files.upload', { name: basename(args.file), bytes: bytes as Uint8Array<ArrayBuffer> });
  const inspected = await inspectAt(call, staged.fileId, args);
  const mapping = args.mappingFile ? await readMapping(args.mappingFile, inspected.headers) : inspected.mapping;
  // A marketplace export recognised by its header row: its status rules apply (src-main/import/presets).
  const preset = args.mappingFile ? null : (inspected.preset ?? null);
  const presetOptions = preset ? { preset, inProgress: args.inProgress ?? 'skip', includeShipping: args.includeShipping } : {};
  const report = await call(args.dryRun ? 'import.validate' : 'import.commit', {
    fileId: staged.fileId,
    kind: args.kind,
    sheet: inspected.sheet || undefined,
    headerRow: inspected.headerRow,
    mapping,
    options: {
      onDuplicate: args.onDuplicate ?? (preset ? 'update' : 'skip'),
      cancellations: args.cancellations ?? (preset ? 'returns' : 'exclude'),
      amountMultiplier: args.amountMultiplier,
      strict: args.strict,
      ...presetOptions,
    },
  });
  const imported = report.status === 'completed' || report.status === 'valid';
  if (args.json) {
    console.log(
      JSON.stringify({
        status: report.status,
        preset,
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
    if (preset) console.log(say('import.preset', { preset }));
    const verb = say(args.dryRun ? 'import.wouldImport' : 'import.imported');
    console.log(
      say('import.summary', {
        status: say(`import.${report.status}`),
        rows: report.rowsTotal,
        verb,
        valid: report.valid,
        records: report.records,
        created: report.customersCreated,
        skipped: report.toSkip,
        failed: report.failed,
      }),
    );
    for (const w of report.warnings) console.log(say('import.warning', { text: w }));
    for (const i of report.issues.slice(0, 20)) console.log(say('import.row', { line: i.line, column: i.column, message: i.message, value: i.value }));
    const problems = Math.max(
      report.issues.length,
      Object.values(report.byCategory).reduce((sum, n) => sum + n, 0),
    );
    if (problems > 20) console.log(say('import.more', { count: problems - 20, listed: report.issues.length }));
  }
  if (!imported) throw new CliError(report.stopReason ?? say('err.importStopped'));
}
