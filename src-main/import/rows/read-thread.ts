import { parentPort } from 'node:worker_threads';
import { translator } from '../../../src-shared/i18n/messages';
import type { ImportIssue } from '../../../src-shared/schemas/import';
import { rowKinds } from '../kinds/row-kinds';
import { ImportFileError } from '../read/errors';
import { openTable } from '../read/table';
import { isEmptyRow } from './empty';
import { IssueLog } from './issues';
import { RowReader } from './reader';
import type { ReadMessage, ReadStart, ThreadRow } from './read-ahead';

/** Rows per message, and messages the import may have waiting before this thread pauses. */
const BATCH = 1000;
const WINDOW = 8;

/**
 * The import's reading thread (see read-ahead.ts): reads the file's data rows and each row's
 * fields, normalised and checked, while the job's thread writes the rows before them.
 */
async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('read-thread.ts must run in a worker thread');
  // The thread starts before the import's first pass has decided how to read (read-ahead.ts): that comes first.
  const start = await new Promise<ReadStart>((resolve) => port.once('message', resolve));
  const post = (message: ReadMessage) => port.postMessage(message);
  let credit = WINDOW;
  let resume: (() => void) | null = null;
  port.on('message', () => {
    credit += 1;
    resume?.();
  });
  try {
    const log = new IssueLog(translator(start.language));
    const reader = new RowReader(start.styles, log);
    const { read, pack } = rowKinds[start.kind];
    const table = await openTable(start.path, start.sheet);
    let index = -1;
    let rows: ThreadRow[] = [];
    const send = async () => {
      post({ type: 'rows', rows });
      rows = [];
      credit -= 1;
      while (credit === 0) await new Promise<void>((wake) => (resume = wake));
      resume = null;
    };
    for await (const batch of table.batches()) {
      for (const row of batch) {
        index += 1;
        if (index <= start.headerRow || isEmptyRow(row.cells)) continue;
        const fields = pack(read(reader.reset(row.line, row.cells), start.options));
        const issues: ImportIssue[] | null = log.kept.length > 0 ? log.kept.splice(0) : null;
        rows.push([row.line, fields, issues]);
        if (rows.length === BATCH) await send();
      }
    }
    if (rows.length > 0) await send();
    post({ type: 'end' });
  } catch (error) {
    if (error instanceof ImportFileError) post({ type: 'error', problem: error.problem, vars: error.vars, message: error.message });
    else post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  } finally {
    port.removeAllListeners('message'); // nothing else keeps the thread alive: it ends
  }
}

void main();
