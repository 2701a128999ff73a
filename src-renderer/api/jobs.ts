import type { JobKind, JobProgress } from '../../src-shared/schemas/system';
import { ApiError, call, onEvent } from './client';

/** Jobs a follower in this window has taken, so two followers of one kind never share a job. */
const taken = new Set<string>();

/**
 * Ask the main process to stop a job. NOT_FOUND means it ended before the cancel arrived, and its
 * result stands; any other refusal (say, someone else's job) goes to `failed`.
 */
export async function cancelJob(jobId: string, failed: (error: unknown) => void): Promise<void> {
  try {
    await call('jobs.cancel', { jobId });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return;
    failed(error);
  }
}

export interface FollowHandlers {
  /** The main process named the job, before any of its progress. */
  onStarted?(jobId: string, kind: JobKind): void;
  onProgress?(progress: JobProgress): void;
  /** The cancel was refused: the button can come back, and the user be told why. */
  onCancelFailed?(error: unknown): void;
}

export interface FollowedJob {
  /** The job followed now; null until its `job.started` event has arrived. */
  readonly jobId: string | null;
  /** Stop the work: the job now, or as soon as its id is known. A second press sends nothing more. */
  cancel(): void;
  /** Stop listening, once the call that started the job has answered. */
  stop(): void;
}

/**
 * Follows the jobs of `kinds` this client starts while it listens: create it just before the call
 * that starts one. The main process announces a job to the client whose call started it
 * (`job.started`) and sends it that job's progress and finish only. One call that runs jobs one
 * after another (the demo shop, then its first analysis) is followed job by job, and a cancel
 * stops whichever is running, or the next one if it comes between them.
 */
export function followJob(kinds: readonly JobKind[], handlers: FollowHandlers = {}): FollowedJob {
  let jobId: string | null = null;
  let running = false;
  let cancelWanted = false;
  let stopped = false;

  const cancelNow = (id: string) =>
    void cancelJob(id, (error) => {
      cancelWanted = false;
      handlers.onCancelFailed?.(error);
    });

  const offs = [
    onEvent('job.started', ({ jobId: id, kind }) => {
      if (running || !kinds.includes(kind) || taken.has(id)) return;
      taken.add(id);
      jobId = id;
      running = true;
      handlers.onStarted?.(id, kind);
      if (cancelWanted) cancelNow(id);
    }),
    onEvent('job.progress', (progress) => {
      if (running && progress.jobId === jobId) handlers.onProgress?.(progress);
    }),
    onEvent('job.finished', (finished) => {
      if (finished.jobId !== jobId) return;
      running = false;
      taken.delete(finished.jobId);
    }),
  ];

  return {
    get jobId() {
      return jobId;
    },
    cancel() {
      if (cancelWanted || stopped) return;
      cancelWanted = true;
      if (running && jobId) cancelNow(jobId);
    },
    stop() {
      stopped = true;
      offs.forEach((off) => off());
      if (jobId) taken.delete(jobId);
      running = false;
    },
  };
}
