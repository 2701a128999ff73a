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

/** What exceljs's sheet reader hands over per chunk of the sheet's XML: its own row iterator is
 * built on it, one await per row, so reading the chunks keeps that cost out of each row. */
interface SheetReader {
  name: string;
  parse(): AsyncIterable<{ eventType: string; value: unknown }[]>;
  [Symbol.asyncIterator](): AsyncIterator<unknown>;
}

/** Rows of one sheet, streamed in batches. Empty rows are not reported by Excel files, so numbers may jump. */
export async function* xlsxBatches(path: string, sheet: string): AsyncGenerator<XlsxRow[]> {
  let found = false;
  try {
    for await (const worksheet of reader(path)) {
      const ws = worksheet as unknown as SheetReader;
      if (ws.name !== sheet) {
        for await (const _row of ws) {
          // a sheet must be read through before the next one is reached
        }
        continue;
      }
      found = true;
      for await (const events of ws.parse()) {
        const batch: XlsxRow[] = [];
        for (const { eventType, value } of events) {
          if (eventType !== 'row') continue;
          const row = value as { number: number; values: unknown };
          batch.push({ line: row.number, cells: denseCells(row.values) });
        }
        if (batch.length > 0) yield batch;
      }
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
