import type { Worker } from 'node:worker_threads';
import type { AppServices } from '../core/context';
import { startThread } from '../core/threads';
import { CloudRequestError } from './http';
import type { PushOutcome } from './push';
import type { FromPushThread, ToPushThread } from './push-messages';

type Services = Pick<AppServices, 'sqlite' | 'dbPath' | 'clock' | 'version'>;

export interface ThreadPushOptions {
  token: string;
  maxFailures: number;
  timeoutMs?: number;
  maxOps?: number;
  signal?: AbortSignal;
  onProgress?: (outcome: PushOutcome) => void;
  /** The wait before the next attempt, as the drain asks for it (backoff or Retry-After). */
  pause: (wait: { failures: number; retryAfterMs?: number }) => Promise<void>;
}

/** Each open shop's push thread, started at its first push. */
const threads = new WeakMap<Services['sqlite'], Worker>();

function threadOf(services: Services): Worker {
  let worker = threads.get(services.sqlite);
  if (!worker) {
    // A small young generation: the thread makes a ~1 MB batch at a time and should collect it
    // soon, not let garbage grow the process by tens of MB (SYNC.md T5: < 100 MB for 10,000 ops).
    worker = startThread('sync-push', new URL('./push-thread.ts', import.meta.url), null, { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 });
    // Idle, the thread keeps no process alive (the CLI exits, the app closes); a push refs it.
    worker.unref();
    const started = worker;
    started.once('exit', () => {
      if (threads.get(services.sqlite) === started) threads.delete(services.sqlite);
    });
    threads.set(services.sqlite, worker);
  }
  return worker;
}

/**
 * Runs one drain of the outbox in the shop's push thread. Failures come back as the same
 * CloudRequestError the drain threw there, so every caller's retry rule reads them as before.
 */
export function drainInThread(services: Services, options: ThreadPushOptions): Promise<PushOutcome> {
  const worker = threadOf(services);
  const send = (message: ToPushThread) => worker.postMessage(message);
  return new Promise<PushOutcome>((resolve, reject) => {
    const onAbort = () => send({ type: 'abort' });
    const finish = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      options.signal?.removeEventListener('abort', onAbort);
      worker.unref();
    };
    const onMessage = (message: FromPushThread) => {
      if (message.type === 'progress') options.onProgress?.(message.outcome);
      else if (message.type === 'pause')
        void options.pause(message).then(
          () => send({ type: 'resume' }),
          () => send({ type: 'abort' }),
        );
      else {
        finish();
        if (message.type === 'done') resolve(message.outcome);
        else reject(message.failure ? new CloudRequestError(message.failure) : new Error(message.message));
      }
    };
    const onError = (error: Error) => {
      finish();
      reject(error);
    };
    const onExit = (code: number) => {
      finish();
      reject(new Error(`the push thread stopped (exit code ${code})`));
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.ref();
    send({
      type: 'push',
      dbPath: services.dbPath,
      token: options.token,
      appVersion: services.version,
      maxFailures: options.maxFailures,
      timeoutMs: options.timeoutMs,
      maxOps: options.maxOps,
      clockOffsetMs: services.clock.ms() - Date.now(),
      // An abort event fires only once: a signal already aborted must be said in the message.
      aborted: options.signal?.aborted ?? false,
    });
  });
}

/** At close: the thread's connection goes with it. */
export async function stopPushThread(services: Pick<Services, 'sqlite'>): Promise<void> {
  const worker = threads.get(services.sqlite);
  threads.delete(services.sqlite);
  if (worker) await worker.terminate();
}
