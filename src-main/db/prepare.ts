import { startThread } from '../core/threads';
import { DatabaseDamagedError } from './open-checked';

/** What the preparing thread says: done, the file is damaged, or something else went wrong. */
export type PrepareAnswer = { ok: true } | { ok: false; damaged?: string };

/**
 * Checks and migrates the shop's file on another thread, so a desktop window or the browser-mode
 * host keeps answering meanwhile (Electron's main process draws nothing while it is busy).
 * A damaged file is reported as on the main thread; any other failure answers `false`, and the
 * caller opens the file the usual way, which raises that error itself, exactly as before.
 */
export function prepareInThread(dbPath: string, now: Date): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const thread = startThread('db-prepare', new URL('./prepare-thread.ts', import.meta.url), { dbPath, nowMs: now.getTime() });
    let answered = false;
    thread.once('message', (answer: PrepareAnswer) => {
      answered = true;
      if (answer.ok) resolve(true);
      else if (answer.damaged) reject(new DatabaseDamagedError(dbPath, answer.damaged));
      else resolve(false);
    });
    thread.once('error', () => resolve(false));
    thread.once('exit', () => {
      if (!answered) resolve(false);
    });
  });
}
