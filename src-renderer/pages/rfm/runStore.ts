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
  /** Known from the first progress event; a run on a small shop may finish before one arrives. */
  jobId: string | null;
  progress: JobProgress | null;
  cancelRequested: boolean;
  /** Why the last run did not finish; CANCELLED is shown calmly, anything else as an error. */
  problem: { code: string; message: string } | null;
}

const IDLE: RfmRunState = { running: false, jobId: null, progress: null, cancelRequested: false, problem: null };

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
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRfmRun(): RfmRunState {
  return useSyncExternalStore(subscribe, () => state);
}

/** Runs an analysis; resolves with the new run's id, or null when it was cancelled or failed. */
export async function startRun(input: ChannelInput<'rfm.run'>, queryClient: QueryClient): Promise<string | null> {
  if (state.running) return null;
  set({ ...IDLE, running: true });
  const off = onEvent('job.progress', (progress) => {
    if (progress.kind !== 'rfm.run' || !state.running) return;
    if (state.jobId && state.jobId !== progress.jobId) return;
    const first = !state.jobId;
    set({ jobId: progress.jobId, progress });
    // Cancel pressed before the first event told us which job to stop.
    if (first && state.cancelRequested) void sendCancel(progress.jobId);
  });
  try {
    const summary = await call('rfm.run', input);
    set({ ...IDLE });
    notifySuccess(i18n.t('rfm.run.done', { n: new Intl.NumberFormat('id-ID').format(summary.run?.customers ?? 0) }));
    await invalidateDomains(queryClient, ['rfm', 'dashboard']);
    return summary.run?.id ?? null;
  } catch (error) {
    const problem = error instanceof ApiError ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: i18n.t('errors.unknown') };
    set({ ...IDLE, problem });
    return null;
  } finally {
    off();
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
