import { once } from 'node:events';
import { rmSync, statSync } from 'node:fs';
import type { EventEmitter } from 'node:events';
import type ExcelJS from 'exceljs';
import type { ColumnType } from '../../src-shared/schemas/export';
import { workbookWriter } from '../files/excel';
import { xlsxValue, type Cell } from './cells';

/** Number formats Excel and LibreOffice both show the Indonesian way: Rp 1.250.000, 21/11/2026. */
export const NUMBER_FORMATS: Record<ColumnType, string> = {
  text: '@',
  integer: '#,##0',
  money: '"Rp "#,##0;-"Rp "#,##0',
  decimal: '#,##0.00',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  month: 'mm/yyyy',
};

export interface SheetColumn {
  type: ColumnType;
  label: string;
}

/** Rows read before the columns are sized: enough to see typical values, few enough to hold. */
const SAMPLE = 200;
/** How much sheet XML may wait for the zip before writing pauses. */
const BACKLOG = 4 * 1024 * 1024;

type ZipEntry = EventEmitter & { writableLength?: number; _writableState?: { length: number } };

/** Characters a value takes when shown with its column's format, to size the column. */
function shownLength(type: ColumnType, value: Cell): number {
  if (value === null) return 0;
  if (typeof value === 'number') {
    const digits = String(Math.round(Math.abs(value))).length;
    const grouped = digits + Math.floor((digits - 1) / 3);
    if (type === 'money') return grouped + 4;
    if (type === 'decimal') return grouped + 3;
    if (type === 'percent') return 7;
    return grouped;
  }
  if (type === 'date') return 10;
  if (type === 'datetime') return 16;
  if (type === 'month') return 7;
  return value.length;
}

/**
 * A report as an XLSX file through exceljs's streaming writer: one sheet of typed cells with a bold,
 * frozen header row and an autofilter, then an "Info" sheet saying what the file holds.
 */
export class XlsxReport {
  private sheet: ExcelJS.Worksheet | null = null;
  private readonly sample: Cell[][] = [];
  // One style object per column, set on every cell: exceljs caches a style's id by object, so
  // shared objects spare it working out the same style for each of a million cells.
  private readonly styles: Partial<ExcelJS.Style>[];

  /** A report written to `path` (exceljs is loaded on first use, hence the promise). */
  static async create(path: string, sheetName: string, columns: readonly SheetColumn[], local: (instant: string) => Date | null): Promise<XlsxReport> {
    return new XlsxReport(await workbookWriter(path), path, sheetName, columns, local);
  }

  private constructor(
    private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly path: string,
    private readonly sheetName: string,
    private readonly columns: readonly SheetColumn[],
    private readonly local: (instant: string) => Date | null,
  ) {
    this.styles = columns.map((c) => ({ numFmt: NUMBER_FORMATS[c.type] }));
  }

  add(cells: Cell[]): void {
    if (this.sheet) this.write(this.sheet, cells);
    else if (this.sample.push(cells) >= SAMPLE) this.start();
  }

  /**
   * exceljs 4.4 pipes a sheet into the zip without waiting for it to keep up: left alone, the XML
   * of every row would sit in memory until the end. Called between batches of rows, this waits
   * while the zip is behind.
   */
  async keepUp(): Promise<void> {
    // Not in exceljs's types: the sheet's buffer stream and the zip entry it writes into (a
    // readable-stream 3 PassThrough, which keeps its length in _writableState only).
    const stream = (this.sheet as unknown as { stream?: { pipes?: ZipEntry[] } } | null)?.stream;
    const zipEntry = stream?.pipes?.[0];
    const backlog = zipEntry ? (zipEntry.writableLength ?? zipEntry._writableState?.length ?? 0) : 0;
    if (zipEntry && backlog > BACKLOG) await once(zipEntry, 'drain');
  }

  /**
   * Close the data sheet, add the Info sheet, and answer the file's size. Without info lines there
   * is no Info sheet: a broadcast list is read by sending tools that take the workbook's sheets as lists.
   */
  async finish(info: [string, string][]): Promise<number> {
    const sheet = this.sheet ?? this.start();
    sheet.commit();
    if (info.length > 0) {
      const about = this.workbook.addWorksheet('Info');
      about.columns = [{ width: 26 }, { width: 70 }];
      for (const [label, value] of info) {
        const row = about.addRow([label, value]);
        row.getCell(1).font = { bold: true };
        row.commit();
      }
      about.commit();
    }
    await this.workbook.commit();
    return statSync(this.path).size;
  }

  /** Stop and leave no file behind (a cancelled or failed export). */
  async abort(): Promise<void> {
    try {
      this.sheet?.commit();
      await this.workbook.commit();
    } catch {
      // The file is removed below whatever state the writer was left in.
    }
    rmSync(this.path, { force: true });
  }

  private start(): ExcelJS.Worksheet {
    const sheet = this.workbook.addWorksheet(this.sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = this.columns.map((c, i) => {
      const longest = Math.max(c.label.length + 3, ...this.sample.map((cells) => shownLength(c.type, cells[i])));
      return { header: c.label, width: Math.min(60, Math.max(8, longest + 2)) };
    });
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle' };
    header.commit();
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: this.columns.length } };
    this.sheet = sheet;
    for (const cells of this.sample) this.write(sheet, cells);
    this.sample.length = 0;
    return sheet;
  }

  private write(sheet: ExcelJS.Worksheet, cells: Cell[]): void {
    const values = cells.map((value, i) => xlsxValue(this.columns[i].type, value, this.local) ?? undefined);
    const row = sheet.addRow(values);
    for (let i = 0; i < values.length; i++) if (values[i] !== undefined) row.getCell(i + 1).style = this.styles[i];
    row.commit();
  }
}
