import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import type { ExportRunInput } from '../../../src-shared/schemas/export';
import { ApiError, call, onEvent } from '../../api/client';
import { downloadFile } from '../../api/files';
import i18n from '../../i18n';

export interface ExportRunState {
  phase: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  cancelRequested: boolean;
  result: ChannelOutput<'export.run'> | null;
  error: string | null;
}

const IDLE: ExportRunState = { phase: 'idle', done: 0, total: 0, cancelRequested: false, result: null, error: null };

/**
 * One export job from this window: progress from its `job.progress` events (the first one names
 * the job, so a cancel pressed before it is sent when it arrives), then the download.
 */
export function useExportRun() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ExportRunState>(IDLE);
  const job = useRef<{ id: string | null; cancel: boolean }>({ id: null, cancel: false });

  const sendCancel = async (jobId: string) => {
    try {
      await call('jobs.cancel', { jobId });
    } catch (error) {
      // NOT_FOUND: it finished first, and its file downloads as usual.
      if (!(error instanceof ApiError && error.code === 'NOT_FOUND')) setState((s) => ({ ...s, cancelRequested: false }));
    }
  };

  const start = async (input: ExportRunInput) => {
    job.current = { id: null, cancel: false };
    setState({ ...IDLE, phase: 'running' });
    const off = onEvent('job.progress', (progress) => {
      if (progress.kind !== 'export.run' || (job.current.id && job.current.id !== progress.jobId)) return;
      if (!job.current.id) {
        job.current.id = progress.jobId;
        if (job.current.cancel) void sendCancel(progress.jobId);
      }
      setState((s) => ({ ...s, done: progress.done, total: progress.total }));
    });
    try {
      const result = await call('export.run', input);
      setState((s) => ({ ...s, phase: 'done', result, done: result.rows, total: result.rows }));
      await downloadFile(result.fileId);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CANCELLED') setState((s) => ({ ...s, phase: 'cancelled' }));
      else setState((s) => ({ ...s, phase: 'failed', error: error instanceof Error ? error.message : i18n.t('errors.unknown') }));
    } finally {
      off();
      // The history gained a row; the preview's figures are unchanged, so it is not asked again.
      await queryClient.invalidateQueries({ queryKey: ['export.history'] });
    }
  };

  const cancel = () => {
    if (job.current.cancel) return;
    job.current.cancel = true;
    setState((s) => ({ ...s, cancelRequested: true }));
    if (job.current.id) void sendCancel(job.current.id);
  };

  return { state, start, cancel, reset: () => setState(IDLE) };
}
