import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { ImportFileError } from './errors';
import type { Sniffed } from './sniff';

export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';

const CANDIDATES = [',', ';', '\t', '|'] as const;

function decodeSample(sniffed: Sniffed): string {
  return iconv.decode(sniffed.sample.subarray(sniffed.bom), sniffed.encoding === 'windows-1252' ? 'win1252' : sniffed.encoding);
}

/** Count a character outside double quotes. */
function countOutsideQuotes(line: string, ch: string): number {
  let inQuotes = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) n++;
  }
  return n;
}

/**
 * The separator a file uses: the candidate found the same number of times on the most lines
 * (title lines above the table, with no separator at all, don't count against it). Files aligned
 * with spaces (the CDNOW data set) split on whitespace.
 */
export function detectDelimiter(sniffed: Sniffed): Delimiter {
  const lines = decodeSample(sniffed)
    .split(/\r\n?|\n/)
    .slice(0, 31)
    .filter((l) => l.trim() !== '');
  if (lines.length > 1 && sniffed.sample.length >= 64 * 1024) lines.pop(); // the last sampled line may be cut
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of CANDIDATES) {
    const frequency = new Map<number, number>();
    for (const line of lines) {
      const count = countOutsideQuotes(line, delimiter);
      if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    }
    for (const [count, lineCount] of frequency) {
      const score = lineCount * 1000 + count;
      if (score > best.score) best = { delimiter, score };
    }
  }
  if (best.score > 0) return best.delimiter;
  const widths = lines.map((l) => l.trim().split(/\s+/).length);
  if (widths.length > 0 && widths[0] > 1 && widths.every((w) => w === widths[0])) return 'whitespace';
  return ',';
}

/** The file as text, in the read stream's 64 KiB chunks: a batch of a chunk's records (a thousand
 * or so) is done with before the next, where 1 MiB chunks (16,000 records at once) outlived the
 * young generation and made reading a million rows twice as slow. */
function textStream(path: string, sniffed: Sniffed): NodeJS.ReadableStream {
  const raw = createReadStream(path, { start: sniffed.bom });
  if (sniffed.encoding === 'utf8') return raw.setEncoding('utf8');
  return raw.pipe(iconv.decodeStream(sniffed.encoding === 'windows-1252' ? 'win1252' : 'utf16le'));
}

/**
 * The file's text a chunk at a time, with every line ending as `\n`. A file may mix `\r\n`, `\n`
 * and `\r` (parts pasted from other files, lines edited on another system), and papaparse takes
 * one line ending for the whole file: the others were read as part of a cell, a dozen lines as
 * two rows. A line break inside a quoted cell stays one, as `\n`.
 */
async function* normalizedText(path: string, sniffed: Sniffed): AsyncGenerator<string> {
  let carry = ''; // a \r that ended the last chunk: the next may begin with its \n
  for await (const chunk of textStream(path, sniffed) as AsyncIterable<string>) {
    let text = carry + chunk;
    carry = '';
    if (text.charCodeAt(text.length - 1) === 13) {
      carry = '\r';
      text = text.slice(0, -1);
    }
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    if (text) yield text;
  }
  if (carry) yield '\n';
}

/** Records read from a whitespace-aligned file are handed on this many at a time. */
const LINE_BATCH = 1024;

/**
 * Records of a delimited text file, streamed in batches: RFC 4180 quoting through papaparse.
 * Handing over a batch at a time (not a record) keeps the async machinery out of the per-row
 * cost: each await through a generator costs a microtask, and a file has a million records.
 */
export async function* csvBatches(path: string, sniffed: Sniffed, delimiter: Delimiter): AsyncGenerator<string[][]> {
  if (delimiter === 'whitespace') {
    let batch: string[][] = [];
    // readline ends a line at \r\n, \n or \r alike
    for await (const line of createInterface({ input: textStream(path, sniffed), crlfDelay: Infinity })) {
      const trimmed = line.trim();
      batch.push(trimmed ? trimmed.split(/\s+/) : []);
      if (batch.length >= LINE_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    return;
  }
  yield* papaBatches(path, sniffed, delimiter);
}

/** A record longer than this is taken to be an unclosed quote's doing (a shop's record is a few
 * hundred characters; a cell holds at most 2,000): the file is refused there rather than read to
 * its end as one cell. */
const RECORD_LIMIT = 1 << 20;

interface PapaResults {
  data: string[][];
  errors: { code: string; row: number; index: number }[];
  meta: { cursor: number };
}

/**
 * Where, in `input`, a quote opens that swallows line breaks it was not meant to: a quoted cell
 * never closed (papaparse's MissingQuotes), or one whose closing quote is not followed by a
 * separator and that ran on over lines until some later quote closed it (InvalidQuotes on a
 * record with a line break in a cell). A stray quote within one line is left as papaparse reads
 * it. `final`: the text ends here, so a quote still open will never close.
 */
function openQuote(results: PapaResults, final: boolean): number | null {
  for (const error of results.errors) {
    // An error of the unfinished last record has no row yet: it is read again with the next chunk.
    const row = results.data[error.row] as string[] | undefined;
    if (error.code === 'MissingQuotes' && final) return error.index - 1;
    if (error.code === 'InvalidQuotes' && row !== undefined && row.some((cell) => cell.includes('\n'))) return error.index - 1;
  }
  return null;
}

/** The line (1-based, every line ending counted) of an offset in the file's normalised text. */
async function lineAt(path: string, sniffed: Sniffed, offset: number): Promise<number> {
  let line = 1;
  let start = 0;
  for await (const chunk of normalizedText(path, sniffed)) {
    const end = Math.min(chunk.length, offset - start);
    for (let i = chunk.indexOf('\n'); i !== -1 && i < end; i = chunk.indexOf('\n', i + 1)) line += 1;
    start += chunk.length;
    if (start >= offset) break;
  }
  return line;
}

/**
 * Records in batches as papaparse's parser reads the text, a chunk at a time: each chunk's
 * complete records, the unfinished last one carried over to the next chunk (as papaparse's own
 * streaming does, without its pause and resume for every chunk). An unbalanced quote, which would
 * read the rest of the file as one cell, is refused with the line where it opened.
 */
async function* papaBatches(path: string, sniffed: Sniffed, delimiter: string): AsyncGenerator<string[][]> {
  const parser = new Papa.Parser({ delimiter, newline: '\n' });
  const refuse = async (offset: number) => new ImportFileError('unclosedQuote', { line: await lineAt(path, sniffed, offset) });
  let rest = '';
  let base = 0;
  let limit = RECORD_LIMIT;
  for await (const chunk of normalizedText(path, sniffed)) {
    const input = rest + chunk;
    const results = parser.parse(input, base, true) as PapaResults;
    const open = openQuote(results, false);
    if (open !== null) throw await refuse(base + open);
    rest = input.slice(results.meta.cursor - base);
    base = results.meta.cursor;
    if (rest.length > limit) {
      const last = openQuote(new Papa.Parser({ delimiter, newline: '\n' }).parse(rest, base, false) as PapaResults, true);
      if (last !== null) throw await refuse(base + last);
      limit *= 2;
    }
    if (results.data.length > 0) yield results.data;
  }
  const results = parser.parse(rest, base, false) as PapaResults;
  const open = openQuote(results, true);
  if (open !== null) throw await refuse(base + open);
  if (results.data.length > 0) yield results.data;
}
