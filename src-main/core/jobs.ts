import type { JobKind } from '../../src-shared/schemas/system';

/**
 * Each kind of job's parameters and result, by the name it is started with. Empty here: the
 * registry, which sits above the features (src-main/job-functions.ts), fills it in by declaration
 * merging, so the services every call gets can start any job with its own types while core/
 * names no feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging (see above)
export interface JobTypes {}

type Known<K extends JobKind> = K extends keyof JobTypes ? JobTypes[K] : { params: never; result: unknown };
export type JobParams<K extends JobKind> = Known<K>['params'];
export type JobResult<K extends JobKind> = Known<K>['result'];

/**
 * Who a job belongs to: the user it works for (null: nobody logged in, or the app itself) and the
 * client (window or browser) whose call started it. A job with no client is a background job (the
 * start-up analysis, the one after an import): its events go to every client.
 */
export interface JobOwner {
  userId: string | null;
  clientId: string | null;
}

export type JobStatus = 'completed' | 'failed' | 'cancelled';

/** Long work in worker threads, as the rest of the app sees it (jobs/runner.ts does it). */
export interface Jobs {
  /** Whether a job holding the write lock for its whole length is running. */
  readonly lockHeld: boolean;
  readonly busy: boolean;
  /** The app is closing: work started in the background may find the DB gone, and that is fine. */
  readonly stopped: boolean;
  isRunning(kind: JobKind): boolean;
  /** The running job's kind and owner; undefined once it has ended (or for an unknown id). */
  get(jobId: string): { kind: JobKind; owner: JobOwner } | undefined;
  /**
   * Starts a job for `userId`. `clientId` names the client whose call starts it: that client alone
   * hears its events. Without it the job is a background one and its events go to every client.
   */
  run<K extends JobKind>(kind: K, params: JobParams<K>, userId: string | null, clientId?: string): { jobId: string; done: Promise<JobResult<K>> };
  /** Flips the job's cancel flag; `onEnd` hears how it ended once it has. */
  cancel(jobId: string, notFound: string, onEnd?: (status: JobStatus) => void): void;
  /** Resolves once every job's thread has ended. */
  threadsEnded(): Promise<void>;
  /** Running jobs stop (their transactions roll back). */
  stopAll(): Promise<void>;
}
