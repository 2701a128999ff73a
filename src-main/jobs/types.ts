import type { JobKind } from '../../src-shared/schemas/system';
import type { WriteCtx } from '../core/context';

/** What a job function gets inside its worker thread. */
export interface JobCtx extends WriteCtx {
  /** Report progress; the runner forwards it as a `job.progress` event (throttled). */
  progress(phase: string, done: number, total: number): void;
  /** Throws `JobCancelled` once the user pressed cancel; call it between batches. */
  throwIfCancelled(): void;
}

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

export type JobFn<P, R> = (params: P, ctx: JobCtx) => R | Promise<R>;

export interface WorkerStart {
  jobId: string;
  kind: JobKind;
  params: unknown;
  dbPath: string;
  userId: string | null;
  cancel: SharedArrayBuffer;
  /** The app's clock minus the system clock: a worker keeps the time the app keeps (tests move it). */
  clockOffsetMs: number;
}

export type WorkerMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'done'; result: unknown }
  /** `code`: an AppError's; `details` go with it. `sqliteCode`: SQLite's (a lock it waited for in vain,
   * a unique key), so dispatch answers as it does for the same error on the main thread. */
  | { type: 'error'; cancelled: boolean; code?: string; details?: Record<string, unknown>; sqliteCode?: string; message: string };
