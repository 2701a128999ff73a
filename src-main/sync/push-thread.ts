import { parentPort } from 'node:worker_threads';
import { openSqlite, type Sqlite } from '../db/open';
import { CloudRequestError } from './http';
import { drain } from './push';
import type { FromPushThread, ToPushThread } from './push-messages';

/**
 * The push thread's entry: reads the outbox, sends the batches and settles them on a connection of
 * its own, so building a batch (~20 ms for 500 rows) never holds the thread that answers the
 * windows. Waiting between attempts is the main thread's (it owns the clock and the backoff's
 * randomness): the thread asks and goes on when told. One push at a time; the thread lives as long
 * as its shop is open.
 */
const port = parentPort;
if (!port) throw new Error('sync/push-thread.ts must run in a worker thread');
const post = (message: FromPushThread) => port.postMessage(message);

let sqlite: Sqlite | null = null;
let abort: AbortController | null = null;
let resume: (() => void) | null = null;

port.on('message', (message: ToPushThread) => {
  if (message.type === 'abort') {
    abort?.abort();
    resume?.();
  } else if (message.type === 'resume') {
    resume?.();
  } else {
    void push(message);
  }
});

async function push(start: Extract<ToPushThread, { type: 'push' }>): Promise<void> {
  sqlite ??= openSqlite(start.dbPath);
  abort = new AbortController();
  // Stopped before it began (the app closing as the loop fires): nothing is read or sent.
  if (start.aborted) abort.abort();
  try {
    const outcome = await drain({
      sqlite,
      token: start.token,
      appVersion: start.appVersion,
      now: () => new Date(Date.now() + start.clockOffsetMs),
      timeoutMs: start.timeoutMs,
      maxOps: start.maxOps,
      maxFailures: start.maxFailures,
      signal: abort.signal,
      onProgress: (outcome) => post({ type: 'progress', outcome }),
      pause: (wait) =>
        new Promise<void>((resolve) => {
          resume = resolve;
          post({ type: 'pause', ...wait });
        }),
    });
    post({ type: 'done', outcome });
  } catch (error) {
    post({
      type: 'failed',
      failure: error instanceof CloudRequestError ? error.failure : undefined,
      message: error instanceof Error ? error.message : String(error),
    });
  } finally {
    abort = null;
    resume = null;
  }
}
