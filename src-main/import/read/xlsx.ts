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

/** The sheet names and date system, read from the workbook part before any rows. */
export async function xlsxInfo(path: string): Promise<{ sheets: string[]; date1904: boolean }> {
  const workbook = reader(path);
  try {
    for await (const _sheet of workbook) {
      const model = (workbook as unknown as { model?: { sheets?: { name: string }[] }; properties?: { model?: { date1904?: boolean } } });
      return { sheets: (model.model?.sheets ?? []).map((s) => s.name), date1904: Boolean(model.properties?.model?.date1904) };
    }
  } catch {
    throw new ImportFileError('corrupt');
  }
  return { sheets: [], date1904: false };
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
    throw new ImportFileError('corrupt');
  }
  if (!found) throw new ImportFileError('sheetMissing', { sheet });
}
