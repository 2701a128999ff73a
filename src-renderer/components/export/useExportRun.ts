import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../src-shared/contract';
import { ApiError, call } from '../../api/client';
import { downloadFile } from '../../api/files';
import { followJob, type FollowedJob } from '../../api/jobs';
import i18n from '../../i18n';

/** The calls that write a file in a job of the same name, then offer it for download. */
export type FileJob = 'export.run' | 'content.broadcast';

export interface ExportRunState<C extends FileJob = 'export.run'> {
  phase: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  /** The job's own phase: `prepare` (counting and sorting, no row yet), then `write` (and `mark` for a broadcast). */
  step: string | null;
  done: number;
  total: number;
  cancelRequested: boolean;
  result: ChannelOutput<C> | null;
  error: string | null;
}

const IDLE: ExportRunState<FileJob> = { phase: 'idle', step: null, done: 0, total: 0, cancelRequested: false, result: null, error: null };

/**
 * One file job from this window (an export, a broadcast list): progress from its job's events
 * (followJob: a cancel pressed before the job is named is sent when it is), then the download.
 * `refresh` asks again for what the job changed, whatever its outcome (an export's history row).
 */
export function useExportRun<C extends FileJob>(channel: C, refresh: (queryClient: QueryClient) => Promise<unknown>) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ExportRunState<C>>(IDLE as ExportRunState<C>);
  const job = useRef<FollowedJob | null>(null);

  const start = async (input: ChannelInput<C>) => {
    setState({ ...(IDLE as ExportRunState<C>), phase: 'running' });
    const followed = followJob([channel], {
      onProgress: (progress) => setState((s) => ({ ...s, step: progress.phase, done: progress.done, total: progress.total })),
      onCancelFailed: () => setState((s) => ({ ...s, cancelRequested: false })),
    });
    job.current = followed;
    try {
      const result = await call(channel, input);
      setState((s) => ({ ...s, phase: 'done', result, done: result.rows, total: result.rows }));
      await downloadFile(result.fileId);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CANCELLED') setState((s) => ({ ...s, phase: 'cancelled' }));
      else setState((s) => ({ ...s, phase: 'failed', error: error instanceof Error ? error.message : i18n.t('errors.unknown') }));
    } finally {
      followed.stop();
      await refresh(queryClient);
    }
  };

  const cancel = () => {
    if (!job.current) return;
    job.current.cancel();
    setState((s) => ({ ...s, cancelRequested: true }));
  };

  return { state, start, cancel, reset: () => setState(IDLE as ExportRunState<C>) };
}
