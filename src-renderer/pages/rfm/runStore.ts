import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { ChannelInput } from '../../../src-shared/contract';
import type { JobProgress } from '../../../src-shared/schemas/system';
import { ApiError, call, onEvent } from '../../api/client';
import { invalidateDomains } from '../../api/hooks';
import { cancelJob, followJob, type FollowedJob } from '../../api/jobs';
import { notifyError, notifySuccess } from '../../components/notify';
import i18n from '../../i18n';

export interface RfmRunState {
  running: boolean;
  /**
   * Started from this window; otherwise a run seen through its events: one in the background (after
   * an import, at start-up) or one this client started elsewhere (another tab of this browser).
   */
  own: boolean;
  /** Known from the job's `job.started` event (own run) or its first progress event (one seen). */
  jobId: string | null;
  progress: JobProgress | null;
  cancelRequested: boolean;
  /** Why the last run did not finish; CANCELLED is shown calmly, anything else as an error. */
  problem: { code: string; message: string } | null;
}

const IDLE: RfmRunState = { running: false, own: false, jobId: null, progress: null, cancelRequested: false, problem: null };

/**
 * Lives outside React, like the import wizard, so a run keeps its progress bar when the owner opens
 * another page meanwhile (the dashboard and the RFM page both start and show it).
 */
let state: RfmRunState = IDLE;
const listeners = new Set<() => void>();

function set(patch: Partial<RfmRunState>): void {
  state = { ...state, ...patch };
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  watchRuns();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let watching = false;
/** Jobs known to be over: a progress event arriving after the answer must not show a bar again. */
const settled = new Set<string>();
/** The run this window started, while its call is out. */
let ownJob: FollowedJob | null = null;

/**
 * Shows an RFM run this window did not start but hears of (its own runs are followed by startRun):
 * only one run goes at a time, so a run already going (say, after an import) is shown with its bar
 * and Cancel rather than refused when the owner presses Run. Another client's runs are not heard
 * of: the main process sends a job's events to the client that started it.
 */
function watchRuns(): void {
  if (watching) return;
  watching = true;
  onEvent('job.progress', (progress) => {
    if (progress.kind !== 'rfm.run' || settled.has(progress.jobId) || state.own) return;
    if (!state.running) set({ ...IDLE, running: true, jobId: progress.jobId, progress });
    else if (state.jobId === progress.jobId) set({ progress });
  });
  onEvent('job.finished', (finished) => {
    if (finished.kind !== 'rfm.run') return;
    settled.add(finished.jobId);
    // A run started here settles through its own call (startRun); one seen from afar, here.
    if (state.own || state.jobId !== finished.jobId) return;
    const cancelled = finished.status === 'cancelled' && state.cancelRequested;
    set({ ...IDLE, problem: cancelled ? { code: 'CANCELLED', message: '' } : null });
  });
}

export function useRfmRun(): RfmRunState {
  return useSyncExternalStore(subscribe, () => state);
}

/** Runs an analysis; resolves with the new run's id, or null when it was cancelled or failed. */
export async function startRun(input: ChannelInput<'rfm.run'>, queryClient: QueryClient): Promise<string | null> {
  if (state.running) return null;
  watchRuns();
  set({ ...IDLE, running: true, own: true });
  const job = followJob(['rfm.run'], {
    onStarted: (jobId) => set({ jobId }),
    onProgress: (progress) => set({ progress }),
    onCancelFailed: cancelFailed,
  });
  ownJob = job;
  const over = () => {
    job.stop();
    ownJob = null;
    if (job.jobId) settled.add(job.jobId);
  };
  try {
    const summary = await call('rfm.run', input);
    over();
    set({ ...IDLE });
    notifySuccess(i18n.t('rfm.run.done', { n: new Intl.NumberFormat('id-ID').format(summary.run?.customers ?? 0) }));
    await invalidateDomains(queryClient, ['rfm', 'dashboard']);
    return summary.run?.id ?? null;
  } catch (error) {
    const problem = error instanceof ApiError ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: i18n.t('errors.unknown') };
    over();
    set({ ...IDLE, problem });
    return null;
  }
}

/** A refused cancel (another user's run, say): the button comes back and the user is told why. */
function cancelFailed(error: unknown): void {
  set({ cancelRequested: false });
  notifyError(error);
}

export function cancelRun(): void {
  if (!state.running || state.cancelRequested) return;
  set({ cancelRequested: true });
  if (state.own) ownJob?.cancel();
  else if (state.jobId) void cancelJob(state.jobId, cancelFailed);
}

export function dismissProblem(): void {
  set({ problem: null });
}

/**
 * Runs nobody on this screen started (after an import, at start-up, the demo shop's first) also
 * change the figures: refresh the analysis and the dashboard when any RFM job it hears of completes,
 * and again when the lifetime-value fit that follows it does (P(alive) bands, worth a call).
 */
export function useRefreshAfterRfmRuns(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onEvent('job.finished', (finished) => {
        if ((finished.kind === 'rfm.run' || finished.kind === 'clv.fit') && finished.status === 'completed')
          void invalidateDomains(queryClient, ['rfm', 'dashboard', 'clv']);
      }),
    [queryClient],
  );
}
