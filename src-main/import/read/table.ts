import { stat } from 'node:fs/promises';
import { csvBatches, detectDelimiter, type Delimiter } from './csv';
import { ImportFileError } from './errors';
import { IMPORT_LIMITS } from '../../../src-shared/import-limits';
import { sniffFile, type TextEncoding } from './sniff';
import { xlsxBatches } from './xlsx';
import { checkZip } from './zip-guard';

export interface TableRow {
  /** The row number the user sees in Excel (or the record number of a CSV, header included). */
  line: number;
  cells: unknown[];
}

export interface TableFile {
  format: 'csv' | 'xlsx';
  sheets: string[];
  sheet: string;
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  date1904: boolean;
  /** The rows a batch at a time (an import reads a million; see csvBatches). */
  batches(): AsyncGenerator<TableRow[]>;
  /** The rows one at a time, for reading the first few. */
  rows(): AsyncGenerator<TableRow>;
}

/**
 * Open an uploaded file as rows of cells, whatever it is: CSV with any common separator and
 * encoding, or any sheet of an XLSX. Everything that makes a file unreadable is found here, with
 * the reason, before a single row is validated.
 */
export async function openTable(path: string, sheet?: string): Promise<TableFile> {
  const size = (await stat(path)).size;
  if (size === 0) throw new ImportFileError('empty');
  if (size > IMPORT_LIMITS.maxFileBytes) throw new ImportFileError('tooLarge', { mb: Math.round(IMPORT_LIMITS.maxFileBytes / 1024 / 1024) });
  const sniffed = await sniffFile(path);
  if (sniffed.kind === 'xlsx') {
    const info = await checkZip(path);
    if (info.sheets.length === 0) throw new ImportFileError('empty');
    const chosen = sheet ?? info.sheets[0];
    if (!info.sheets.includes(chosen)) throw new ImportFileError('sheetMissing', { sheet: chosen });
    const batches = () => limited(xlsxBatches(path, chosen, info.sizes));
    return {
      format: 'xlsx',
      sheets: info.sheets,
      sheet: chosen,
      encoding: null,
      delimiter: null,
      date1904: info.date1904,
      batches,
      rows: () => oneByOne(batches()),
    };
  }
  const delimiter = detectDelimiter(sniffed);
  async function* records(): AsyncGenerator<TableRow[]> {
    let line = 0;
    for await (const batch of csvBatches(path, sniffed, delimiter)) yield batch.map((cells) => ({ line: ++line, cells }));
  }
  const batches = () => limited(records());
  return { format: 'csv', sheets: [''], sheet: '', encoding: sniffed.encoding, delimiter, date1904: false, batches, rows: () => oneByOne(batches()) };
}

async function* limited(batches: AsyncGenerator<TableRow[]>): AsyncGenerator<TableRow[]> {
  let count = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      if (++count > IMPORT_LIMITS.maxRows + 1) throw new ImportFileError('tooManyRows', { max: IMPORT_LIMITS.maxRows });
      if (row.cells.length > IMPORT_LIMITS.maxColumns) throw new ImportFileError('tooManyColumns', { max: IMPORT_LIMITS.maxColumns, line: row.line });
    }
    yield batch;
  }
}

async function* oneByOne(batches: AsyncGenerator<TableRow[]>): AsyncGenerator<TableRow> {
  for await (const batch of batches) yield* batch;
}
