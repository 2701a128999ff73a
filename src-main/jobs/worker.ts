import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../src-shared/errors';
import type { Clock } from '../core/clock';
import { kyselyFor, openSqlite } from '../db/open';
import { jobContext } from './context';
import { jobFunctions } from '../job-functions';
import { JobCancelled, type JobCtx, type WorkerMessage, type WorkerStart } from './types';
import { sqliteErrorCode } from '../db/errors';

/** The worker thread's entry: its own SQLite connection, one job, messages back to the runner. */
async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('jobs/worker.ts must run in a worker thread');
  // A thread kept warm by the runner (runner.ts) is loaded before its job exists: the job comes as a message.
  const start = (workerData as WorkerStart | null) ?? (await new Promise<WorkerStart>((resolve) => port.once('message', resolve)));
  const post = (msg: WorkerMessage) => port.postMessage(msg);
  const cancelFlag = new Int32Array(start.cancel);
  const sqlite = openSqlite(start.dbPath);
  // A job can leave hundreds of MB in the WAL (a million-row import: 700 MB, about 2 s to copy into
  // the database). That copy is housekeeping, not part of the job: this connection does it after
  // the result is posted (below), instead of inside its COMMIT, or inside the next commit of
  // whichever connection comes after, the main thread's included.
  sqlite.pragma('wal_autocheckpoint = 0');
  const db = kyselyFor(sqlite);
  const clock: Clock = { now: () => new Date(Date.now() + start.clockOffsetMs), ms: () => Date.now() + start.clockOffsetMs };
  const ctx = jobContext({ sqlite, db, clock, userId: start.userId, post, cancelFlag });
  try {
    const fn = jobFunctions[start.kind] as (params: unknown, ctx: JobCtx) => unknown;
    const result = await fn(start.params, ctx);
    post({ type: 'done', result });
  } catch (error) {
    if (error instanceof JobCancelled) post({ type: 'error', cancelled: true, message: 'cancelled' });
    else if (error instanceof AppError) post({ type: 'error', cancelled: false, code: error.code, details: error.details, message: error.message });
    else
      post({
        type: 'error',
        cancelled: false,
        sqliteCode: sqliteErrorCode(error) ?? undefined,
        message: error instanceof Error ? error.message : String(error),
      });
  } finally {
    // Posted messages are on their way: the runner hears the result while this copies. A PASSIVE
    // checkpoint waits for no one; frames still read by another connection stay for the next one.
    // A job that changed nothing (reading a file, an export) leaves the file's bytes as they were.
    try {
      if (sqlite.prepare('SELECT total_changes()').pluck().get() !== 0) sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Not fatal: the frames stay in the WAL for the next checkpoint, and the job's result is out.
    }
    await db.destroy();
  }
}

void main();
