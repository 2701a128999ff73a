import type { Language } from '../../../src-shared/schemas/auth';
import type { ImportIssue, ImportOptions } from '../../../src-shared/schemas/import';
import { startThread } from '../../core/threads';
import type { ImportKind } from '../normalize/headers';
import { ImportFileError, type FileProblem } from '../read/errors';
import type { ColumnStyles } from './reader';

export interface ReadStart {
  path: string;
  sheet?: string;
  headerRow: number;
  kind: ImportKind;
  styles: ColumnStyles;
  options: ImportOptions;
  language: Language;
}

/** A data row read: its line, what its kind read from it (packed: kinds/row-kinds.ts), and the issues reading it found. */
export type ThreadRow = [line: number, fields: unknown[], issues: ImportIssue[] | null];

export type ReadMessage =
  { type: 'rows'; rows: ThreadRow[] } | { type: 'end' } | { type: 'error'; problem?: FileProblem; vars?: Record<string, string | number>; message: string };

/** The import's reading thread, from its start to its end. */
export interface Reading {
  /** Sends the thread what to read and yields its rows, a batch at a time. */
  rows(start: ReadStart): AsyncGenerator<ThreadRow[]>;
  /** Ends the thread, whatever it was doing (the import's end, a cancel, a StopImport, an error). */
  stop(): Promise<void>;
}

/**
 * The file's data rows, read and checked in a thread of their own (read-thread.ts) while the
 * import's thread writes: parsing and normalising a million rows takes a sixth of the import's
 * time (about 4 s), and it needs nothing from the database. The thread starts here, before the
 * import's first pass, which its start-up (a fresh isolate loading the readers, ~0.25 s) then
 * overlaps; rows() tells it what that pass decided. It stays a few batches ahead of the writing.
 */
export function startReading(format: 'csv' | 'xlsx'): Reading {
  // A thread's heap grows as V8 sees fit, and two threads together went past the import's 512 MB
  // bar though a CSV's reading keeps only ~30 MB alive: the CSV's is held to 128 MB. An XLSX's is
  // not: it keeps the workbook's shared strings, as much text as the file holds (read/xlsx.ts).
  const limits = format === 'csv' ? { maxOldGenerationSizeMb: 128 } : undefined;
  const thread = startThread('read-thread', new URL('./read-thread.ts', import.meta.url), null, limits);
  const queue: ReadMessage[] = [];
  // Set by the thread's own events: an error thrown in it, or its end before 'end' was posted.
  const broken: { error: Error | null } = { error: null };
  let wake: (() => void) | null = null;
  thread.on('message', (message: ReadMessage) => {
    queue.push(message);
    wake?.();
  });
  thread.on('error', (error) => {
    broken.error = error;
    wake?.();
  });
  thread.on('exit', (code) => {
    broken.error ??= new Error(`the import's reading thread ended early (code ${code})`);
    wake?.();
  });
  return {
    async *rows(start) {
      thread.postMessage(start);
      for (;;) {
        while (queue.length === 0 && broken.error === null) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        const message = queue.shift();
        if (message === undefined) throw broken.error;
        if (message.type === 'end') return;
        if (message.type === 'error') throw message.problem ? new ImportFileError(message.problem, message.vars) : new Error(message.message);
        thread.postMessage('ack');
        yield message.rows;
      }
    },
    async stop() {
      await thread.terminate();
    },
  };
}
