import type { Readable } from 'node:stream';
import { exceljs } from '../../files/excel';
import { cellScalar, isRecord } from '../normalize/text';
import { ImportFileError } from './errors';
import { InflateGuard } from './inflate-guard';
import { checkZip } from './zip-guard';

export interface XlsxRow {
  /** The row number Excel shows. */
  line: number;
  cells: unknown[];
}

/** A cell that holds text the way Excel writes it: an index into the workbook's shared strings. */
function sharedIndex(value: unknown): number | null {
  return isRecord(value) && typeof value.sharedString === 'number' ? value.sharedString : null;
}

/** exceljs row values are 1-based and sparse; turn them into a dense 0-based array. */
function denseCells(values: unknown, strings: SharedStrings): unknown[] {
  if (!Array.isArray(values)) return [];
  const cells: unknown[] = [];
  for (let i = 1; i < values.length; i++) {
    const index = sharedIndex(values[i]);
    cells.push(index === null ? (values[i] ?? null) : strings.get(index));
  }
  return cells;
}

/** Strings per chunk of the shared-strings store. */
const CHUNK = 4096;

/**
 * A workbook's shared strings, kept as long strings and offsets into them. Excel writes every text
 * cell as an index into this list, and a sheet of 600,000 rows can have over a million of them:
 * kept one by one, as exceljs's own cache keeps them, they held 100-160 MB of the import's heap.
 */
class SharedStrings {
  private readonly chunks: { text: string; offsets: Uint32Array }[] = [];
  private pending: string[] = [];

  /** A shared string as the file has it (untrimmed): plain text, or rich text's runs joined. */
  add(value: unknown): void {
    this.pending.push(String(cellScalar(value) ?? ''));
    if (this.pending.length === CHUNK) this.seal();
  }

  /** Joins the strings waiting into one chunk; reading a sheet seals the last, shorter one. */
  seal(): void {
    if (this.pending.length === 0) return;
    const offsets = new Uint32Array(this.pending.length + 1);
    for (let i = 0; i < this.pending.length; i++) offsets[i + 1] = offsets[i] + this.pending[i].length;
    this.chunks.push({ text: this.pending.join(''), offsets });
    this.pending = [];
  }

  get(index: number): string | null {
    const chunk = this.chunks[Math.floor(index / CHUNK)];
    if (!chunk) return null; // an index past the list: the cell reads as empty, as Excel shows it
    const i = index % CHUNK;
    const [start, end] = [chunk.offsets[i], chunk.offsets[i + 1]];
    return start === end ? null : chunk.text.slice(start, end); // empty text is an empty cell
  }
}

async function reader(input: Readable) {
  const { stream } = await exceljs();
  return new stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'emit', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
}

/** What exceljs's sheet reader hands over per chunk of the sheet's XML: its own row iterator is
 * built on it, one await per row, so reading the chunks keeps that cost out of each row. */
interface SheetReader {
  name: string;
  parse(): AsyncIterable<{ eventType: string; value: unknown }[]>;
  [Symbol.asyncIterator](): AsyncIterator<unknown>;
}

type ReaderItem = { eventType?: string; value?: unknown; text?: unknown };

/**
 * Rows of one sheet, streamed in batches. Empty rows are not reported by Excel files, so numbers
 * may jump. `sizes`: each zip entry's size as the zip's directory gives it (checkZip), which no
 * entry may inflate past (InflateGuard).
 */
export async function* xlsxBatches(path: string, sheet: string, sizes?: ReadonlyMap<string, number>): AsyncGenerator<XlsxRow[]> {
  let found = false;
  const strings = new SharedStrings();
  const guard = new InflateGuard(path, sizes ?? (await checkZip(path)).sizes);
  try {
    // exceljs hands the shared strings over before any sheet: with 'emit' it copies each sheet to a
    // temporary file and reads the sheets after the rest of the zip. Each string comes bare, as
    // { index, text }, among its { eventType, value } items. Every entry is inflated (and checked
    // by the guard) before the first sheet comes: each step until then races the guard.
    const items = ((await reader(guard.input)).parse() as unknown as AsyncIterable<ReaderItem>)[Symbol.asyncIterator]();
    for (;;) {
      const next = await guard.race(items.next());
      if (next.done) break;
      const item = next.value;
      if (item.eventType === undefined && 'text' in item) {
        strings.add(item.text);
        continue;
      }
      if (item.eventType !== 'worksheet') continue;
      strings.seal();
      const ws = item.value as SheetReader;
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
          batch.push({ line: row.number, cells: denseCells(row.values, strings) });
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
  } finally {
    guard.close();
  }
  if (!found) throw new ImportFileError('sheetMissing', { sheet });
}
