import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { ChannelInput } from '../../../src-shared/contract';
import type { JobProgress } from '../../../src-shared/schemas/system';
import { ApiError, call, onEvent } from '../../api/client';
import { invalidateDomains } from '../../api/hooks';
import { notifyError, notifySuccess } from '../../components/notify';
import i18n from '../../i18n';

export interface RfmRunState {
  running: boolean;
  /** Started from this window; otherwise a run seen through its events (after an import, at start-up, another window). */
  own: boolean;
  /** Known from the first progress event; a run on a small shop may finish before one arrives. */
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

/**
 * Follows every RFM job through its events, also one this window did not start: only one run goes
 * at a time, so a run already going (say, after an import) is shown with its bar and Cancel rather
 * than refused when the owner presses Run.
 */
function watchRuns(): void {
  if (watching) return;
  watching = true;
  onEvent('job.progress', (progress) => {
    if (progress.kind !== 'rfm.run' || settled.has(progress.jobId)) return;
    if (!state.running) {
      set({ ...IDLE, running: true, jobId: progress.jobId, progress });
      return;
    }
    if (state.jobId && state.jobId !== progress.jobId) return;
    const first = !state.jobId;
    set({ jobId: progress.jobId, progress });
    // Cancel pressed before the first event told us which job to stop.
    if (first && state.cancelRequested) void sendCancel(progress.jobId);
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
  try {
    const summary = await call('rfm.run', input);
    if (state.jobId) settled.add(state.jobId);
    set({ ...IDLE });
    notifySuccess(i18n.t('rfm.run.done', { n: new Intl.NumberFormat('id-ID').format(summary.run?.customers ?? 0) }));
    await invalidateDomains(queryClient, ['rfm', 'dashboard']);
    return summary.run?.id ?? null;
  } catch (error) {
    const problem = error instanceof ApiError ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: i18n.t('errors.unknown') };
    if (state.jobId) settled.add(state.jobId);
    set({ ...IDLE, problem });
    return null;
  }
}

async function sendCancel(jobId: string): Promise<void> {
  try {
    await call('jobs.cancel', { jobId });
  } catch (error) {
    // NOT_FOUND: the run finished before the cancel arrived, and its result stands.
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return;
    if (state.jobId === jobId) set({ cancelRequested: false });
    notifyError(error);
  }
}

export function cancelRun(): void {
  if (!state.running || state.cancelRequested) return;
  set({ cancelRequested: true });
  if (state.jobId) void sendCancel(state.jobId);
}

export function dismissProblem(): void {
  set({ problem: null });
}

/**
 * Runs nobody on this screen started (after an import, at start-up, from another window) also
 * change the figures: refresh the analysis and the dashboard when any RFM job completes.
 */
export function useRefreshAfterRfmRuns(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onEvent('job.finished', (finished) => {
        if (finished.kind === 'rfm.run' && finished.status === 'completed') void invalidateDomains(queryClient, ['rfm', 'dashboard']);
      }),
    [queryClient],
  );
}
