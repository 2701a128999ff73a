import type { Worker } from 'node:worker_threads';
import { AppError } from '../../src-shared/errors';
import type { JobKind } from '../../src-shared/schemas/system';
import { systemClock, type Clock } from '../core/clock';
import type { EventBus } from '../core/events';
import { newId } from '../core/ids';
import type { JobOwner, JobParams, JobResult, Jobs, JobStatus } from '../core/jobs';
import { startThread } from '../core/threads';
import type { WorkerMessage, WorkerStart } from './types';

const WORKER_SOURCE = new URL('./worker.ts', import.meta.url);

/**
 * Jobs that hold the database's write lock from start to end (one all-or-nothing transaction):
 * half a minute for a million-row import or its undo.
 */
const LOCK_HOLDERS: ReadonlySet<JobKind> = new Set(['demo.generate', 'import.run', 'import.undo']);

/**
 * Jobs someone waits for with the page open, again and again: once one has run, a thread with the
 * job code loaded is kept ready for the next (loading it is most of a short job's time: 0.2–0.4 s
 * of an RFM run through dispatch).
 */
const KEEP_WARM: ReadonlySet<JobKind> = new Set(['rfm.run']);

interface Running {
  kind: JobKind;
  owner: JobOwner;
  worker: Worker;
  cancel: Int32Array;
  /** Told how the job ended, before its caller hears (the activity log of a cancel). */
  onEnd: ((status: JobStatus) => void)[];
}

export class JobFailed extends Error {
  constructor(
    message: string,
    readonly cancelled: boolean,
    readonly code?: string,
    readonly details?: Record<string, unknown>,
    readonly sqliteCode?: string,
  ) {
    super(message);
  }
}

/**
 * Runs long work (demo shop, import, RFM, export) in worker threads so the main process keeps
 * answering. Each job opens its own DB connection; progress arrives as `job.progress` events; a
 * cancel flips a shared flag the job checks between batches, and the job's transaction rolls back.
 */
export class JobRunner implements Jobs {
  private readonly running = new Map<string, Running>();
  /** Every job's thread until it exits: after its result it still checkpoints the WAL (jobs/worker.ts). */
  private readonly threads = new Set<Promise<void>>();
  /** A loaded thread waiting for its job (KEEP_WARM); not counted as running. */
  private spare: Worker | null = null;

  /**
   * `onLockHeld` hears when the first job that holds the write lock for its whole length starts
   * (true) and when the last one ends (false).
   */
  constructor(
    private readonly dbPath: string,
    private readonly events: EventBus,
    private readonly clock: Clock = systemClock,
    private readonly onLockHeld?: (held: boolean) => void,
  ) {}

  /** Whether a job holding the write lock for its whole length is running (LOCK_HOLDERS). */
  get lockHeld(): boolean {
    return this.holdersRunning() > 0;
  }

  private holdersRunning(): number {
    return [...this.running.values()].filter((job) => LOCK_HOLDERS.has(job.kind)).length;
  }

  get busy(): boolean {
    return this.running.size > 0;
  }

  isRunning(kind: JobKind): boolean {
    return [...this.running.values()].some((job) => job.kind === kind);
  }

  /** The running job's kind and owner; undefined once it has ended (or for an unknown id). */
  get(jobId: string): { kind: JobKind; owner: JobOwner } | undefined {
    const job = this.running.get(jobId);
    return job && { kind: job.kind, owner: job.owner };
  }

  /**
   * Starts a job for `userId`. `clientId` names the client whose call starts it: that client alone
   * hears `job.started` (before any progress), the progress and the finish. Without it the job is a
   * background one and its progress and finish go to every client.
   */
  run<K extends JobKind>(kind: K, params: JobParams<K>, userId: string | null, clientId?: string): { jobId: string; done: Promise<JobResult<K>> } {
    const jobId = newId();
    const owner: JobOwner = { userId, clientId: clientId ?? null };
    const cancel = new SharedArrayBuffer(4);
    const start: WorkerStart = { jobId, kind, params, dbPath: this.dbPath, userId, cancel, clockOffsetMs: this.clock.now().getTime() - Date.now() };
    const worker = this.takeSpare(start) ?? startThread('worker', WORKER_SOURCE, start);
    const onEnd: Running['onEnd'] = [];
    this.running.set(jobId, { kind, owner, worker, cancel: new Int32Array(cancel), onEnd });
    // The worker's messages arrive on a later turn of the event loop: this comes before any progress.
    if (clientId) this.events.emit('job.started', { jobId, kind }, clientId);
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.threads.add(exited);
    void exited.then(() => this.threads.delete(exited));
    if (LOCK_HOLDERS.has(kind) && this.holdersRunning() === 1) this.onLockHeld?.(true);
    const done = new Promise<JobResult<K>>((resolve, reject) => {
      let settled = false;
      const finish = (status: JobStatus, message?: string) => {
        this.running.delete(jobId);
        if (LOCK_HOLDERS.has(kind) && this.holdersRunning() === 0) this.onLockHeld?.(false);
        for (const listener of onEnd) {
          try {
            listener(status);
          } catch (error) {
            console.error(`[jobs] after ${kind} ended:`, error);
          }
        }
        this.events.emit('job.finished', { jobId, kind, status, message }, clientId);
        if (KEEP_WARM.has(kind)) this.warmUp();
      };
      worker.on('message', (msg: WorkerMessage) => {
        if (msg.type === 'progress') {
          this.events.emit('job.progress', { jobId, kind, phase: msg.phase, done: msg.done, total: msg.total }, clientId);
        } else if (msg.type === 'done') {
          settled = true;
          finish('completed');
          resolve(msg.result as JobResult<K>);
        } else {
          settled = true;
          finish(msg.cancelled ? 'cancelled' : 'failed', msg.message);
          reject(new JobFailed(msg.message, msg.cancelled, msg.code, msg.details, msg.sqliteCode));
        }
      });
      worker.on('error', (error) => {
        if (settled) return;
        settled = true;
        finish('failed', error.message);
        reject(new JobFailed(error.message, false));
      });
      worker.on('exit', (code) => {
        if (settled) return;
        settled = true;
        // Stopped with the app (stopAll): the job's transaction never committed, as with a cancel.
        const stopped = this.stopping;
        finish(stopped ? 'cancelled' : 'failed', `worker exited with code ${code}`);
        reject(new JobFailed(stopped ? 'stopped with the app' : `worker exited with code ${code}`, stopped));
      });
    });
    return { jobId, done };
  }

  /**
   * Flips the job's cancel flag; it stops at its next check. Who may cancel is the caller's rule
   * (jobs/cancel.ts). `onEnd` hears how the job ended once it has: a job holding the write lock has
   * let go of it by then.
   */
  cancel(jobId: string, notFound: string, onEnd?: (status: JobStatus) => void): void {
    const job = this.running.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', notFound, { jobId });
    if (onEnd) job.onEnd.push(onEnd);
    Atomics.store(job.cancel, 0, 1);
  }

  private stopping = false;

  /** The app is closing: work started in the background may find the DB gone, and that is fine. */
  get stopped(): boolean {
    return this.stopping;
  }

  /** Resolves once every job's thread has ended, checkpoint included. */
  async threadsEnded(): Promise<void> {
    await Promise.all([...this.threads]);
  }

  /** Hands a job to the thread kept warm, if there is one. */
  private takeSpare(start: WorkerStart): Worker | null {
    const spare = this.spare;
    this.spare = null;
    if (!spare) return null;
    spare.ref();
    spare.postMessage(start);
    return spare;
  }

  /** Loads a thread for the next job, unless one waits already; it does not keep the process alive. */
  private warmUp(): void {
    if (this.spare || this.stopping) return;
    const spare = startThread('worker', WORKER_SOURCE, null);
    spare.unref();
    const forget = () => {
      if (this.spare === spare) this.spare = null;
    };
    spare.once('exit', forget);
    spare.once('error', forget);
    this.spare = spare;
  }

  /** Running jobs stop (their transactions roll back); finished ones end their checkpoint first. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    const spare = this.spare;
    this.spare = null;
    await spare?.terminate();
    await Promise.all([...this.running.values()].map((job) => job.worker.terminate()));
    this.running.clear();
    await this.threadsEnded();
  }
}
