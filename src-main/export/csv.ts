import { once } from 'node:events';
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import Papa from 'papaparse';
import { csvValue, minuteText, type Cell, type CsvStyle } from './cells';
import type { SheetColumn } from './xlsx';

/** Rows turned into text at once: papaparse is called per batch, not per row. */
const BATCH = 5_000;
const BACKLOG = 8 * 1024 * 1024;

/**
 * A report as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the
 * Windows code page and mangles every "é"), CRLF lines, RFC 4180 quoting by papaparse, the
 * separator the user chose.
 */
export class CsvReport {
  private readonly out: WriteStream;
  private readonly batch: (string | number)[][] = [];
  private readonly style: CsvStyle;

  constructor(
    private readonly path: string,
    private readonly columns: readonly SheetColumn[],
    private readonly separator: ',' | ';',
    dateStyle: CsvStyle['dateStyle'],
    local: (instant: string) => Date | null,
  ) {
    this.style = { dateStyle, decimalComma: separator === ';', minute: minuteText(dateStyle, local) };
    this.out = createWriteStream(path);
    this.out.write('\ufeff');
    this.batch.push(columns.map((c) => c.label));
  }

  /** Takes the row's array over (its cells become the CSV fields): no copy per row of a million. */
  add(cells: Cell[]): void {
    const fields = cells as (string | number)[];
    for (let i = 0; i < cells.length; i++) fields[i] = csvValue(this.columns[i].type, cells[i], this.style);
    this.batch.push(fields);
    if (this.batch.length >= BATCH) this.flush();
  }

  /** Waits while the disk is behind, so memory holds a few batches at most. */
  async keepUp(): Promise<void> {
    if (this.out.writableLength > BACKLOG) await once(this.out, 'drain');
  }

  async finish(): Promise<number> {
    this.flush();
    this.out.end();
    await once(this.out, 'finish');
    return this.out.bytesWritten;
  }

  async abort(): Promise<void> {
    this.out.destroy();
    await once(this.out, 'close').catch(() => undefined);
    rmSync(this.path, { force: true });
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    // Formulas are neutralised per column type before this (cells.ts): papaparse's own
    // escapeFormulae would also prefix negative numbers written with a decimal comma.
    this.out.write(`${Papa.unparse(this.batch, { delimiter: this.separator, newline: '\r\n', header: false })}\r\n`);
    this.batch.length = 0;
  }
}
