/**
 * Rows and their columns to a file made in the page itself (both UIs): numbers stay numbers in
 * Excel. How the file reaches the user is the caller's: the console's browser downloads the blob,
 * the desktop app hands it to its main process (a save dialog in Electron), see `save`.
 */
import { csvText, type ExportColumn } from './csv';

export type { ExportColumn };

/** Hands the finished file to the user. */
export type SaveBlob = (blob: Blob, fileName: string) => void | Promise<void>;

/** The browser's own download of a blob (the console). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the blob to the download before the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export async function exportCsv<Row>(rows: Row[], columns: ExportColumn<Row>[], fileName: string, save: SaveBlob = downloadBlob): Promise<void> {
  // The BOM makes Excel read the file as UTF-8 (names with accents, "—").
  await save(new Blob(['\ufeff' + csvText(rows, columns)], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
}

export async function exportXlsx<Row>(
  rows: Row[],
  columns: ExportColumn<Row>[],
  fileName: string,
  sheetName: string,
  save: SaveBlob = downloadBlob,
): Promise<void> {
  // ExcelJS is large; it is fetched only when someone exports.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(12, c.header.length + 2), style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  await save(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), `${fileName}.xlsx`);
}
