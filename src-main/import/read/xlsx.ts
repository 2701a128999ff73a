import ExcelJS from 'exceljs';
import { ImportFileError } from './errors';

export interface XlsxRow {
  /** The row number Excel shows. */
  line: number;
  cells: unknown[];
}

/** exceljs row values are 1-based and sparse; turn them into a dense 0-based array. */
function denseCells(values: unknown): unknown[] {
  if (!Array.isArray(values)) return [];
  const cells: unknown[] = [];
  for (let i = 1; i < values.length; i++) cells.push(values[i] ?? null);
  return cells;
}

function reader(path: string) {
  return new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
}

/** Rows of one sheet, streamed. Empty rows are not reported by Excel files, so numbers may jump. */
export async function* xlsxRows(path: string, sheet: string): AsyncGenerator<XlsxRow> {
  let found = false;
  try {
    for await (const worksheet of reader(path)) {
      const ws = worksheet as unknown as AsyncIterable<{ number: number; values: unknown }> & { name: string };
      if (ws.name !== sheet) {
        for await (const _row of ws) {
          // a sheet must be read through before the next one is reached
        }
        continue;
      }
      found = true;
      for await (const row of ws) yield { line: row.number, cells: denseCells(row.values) };
      return;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    // The reader's own words help whoever looks at the log; the user gets a plain sentence.
    console.error('[import] XLSX could not be read:', error instanceof Error ? error.message : error);
    throw new ImportFileError('corrupt');
  }
  if (!found) throw new ImportFileError('sheetMissing', { sheet });
}
