import { parentPort, workerData } from 'node:worker_threads';
import { migrate } from './migrate';
import { DatabaseDamagedError, openChecked } from './open-checked';
import type { PrepareAnswer } from './prepare';

/**
 * The slow part of opening a shop, on a thread of its own: the integrity check (about 2 s at a
 * million sales) and any pending migration (with its backup). The connection is closed after;
 * the main thread then opens the file already checked and up to date.
 */
const { dbPath, nowMs } = workerData as { dbPath: string; nowMs: number };

async function prepare(): Promise<PrepareAnswer> {
  try {
    const sqlite = openChecked(dbPath);
    try {
      await migrate(sqlite, dbPath, undefined, () => new Date(nowMs));
    } finally {
      sqlite.close();
    }
    return { ok: true };
  } catch (error) {
    return error instanceof DatabaseDamagedError ? { ok: false, damaged: error.detail } : { ok: false };
  }
}

void prepare().then((answer) => parentPort?.postMessage(answer));
