import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
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
    .split(/\r?\n/)
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

function textStream(path: string, sniffed: Sniffed): NodeJS.ReadableStream {
  const raw = createReadStream(path, { start: sniffed.bom });
  if (sniffed.encoding === 'utf8') return raw.setEncoding('utf8');
  return raw.pipe(iconv.decodeStream(sniffed.encoding === 'windows-1252' ? 'win1252' : 'utf16le'));
}

/** Records read from a whitespace-aligned file are handed on this many at a time. */
const LINE_BATCH = 1024;

/**
 * Records of a delimited text file, streamed in batches: RFC 4180 quoting through papaparse.
 * Handing over a batch at a time (not a record) keeps the async machinery out of the per-row
 * cost: each await through a generator costs a microtask, and a file has a million records.
 */
export async function* csvBatches(path: string, sniffed: Sniffed, delimiter: Delimiter): AsyncGenerator<string[][]> {
  const text = textStream(path, sniffed);
  if (delimiter === 'whitespace') {
    let batch: string[][] = [];
    for await (const line of createInterface({ input: text, crlfDelay: Infinity })) {
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
  yield* papaBatches(text, delimiter);
}

/**
 * Records in batches as papaparse reads the stream. Awaiting once per batch instead of once per
 * record (object-mode streams cost ~10 µs a record) makes parsing several times faster; pausing the
 * parser until a batch is consumed keeps memory flat.
 */
async function* papaBatches(text: NodeJS.ReadableStream, delimiter: string): AsyncGenerator<string[][]> {
  const ready: string[][][] = [];
  let finished = false;
  let failure: Error | null = null;
  let parser: Papa.Parser | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  Papa.parse<string[]>(text as unknown as File, {
    delimiter,
    skipEmptyLines: false,
    chunkSize: 1 << 20,
    chunk(results, p) {
      parser = p;
      ready.push(results.data);
      p.pause();
      notify();
    },
    complete() {
      finished = true;
      notify();
    },
    error(error) {
      failure = error;
      notify();
    },
  });
  for (;;) {
    const batch = ready.shift();
    if (batch) {
      yield batch;
      if (ready.length === 0 && !finished) (parser as Papa.Parser | null)?.resume();
      continue;
    }
    if (failure) throw failure;
    if (finished) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}
