import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import type { ExportRunInput } from '../../../src-shared/schemas/export';
import { ApiError, call } from '../../api/client';
import { downloadFile } from '../../api/files';
import { followJob, type FollowedJob } from '../../api/jobs';
import i18n from '../../i18n';

export interface ExportRunState {
  phase: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  /** The job's own phase: `prepare` (counting and sorting, no row yet), then `write`. */
  step: string | null;
  done: number;
  total: number;
  cancelRequested: boolean;
  result: ChannelOutput<'export.run'> | null;
  error: string | null;
}

const IDLE: ExportRunState = { phase: 'idle', step: null, done: 0, total: 0, cancelRequested: false, result: null, error: null };

/**
 * One export job from this window: progress from its job's events (followJob: a cancel pressed
 * before the job is named is sent when it is), then the download.
 */
export function useExportRun() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ExportRunState>(IDLE);
  const job = useRef<FollowedJob | null>(null);

  const start = async (input: ExportRunInput) => {
    setState({ ...IDLE, phase: 'running' });
    const followed = followJob(['export.run'], {
      onProgress: (progress) => setState((s) => ({ ...s, step: progress.phase, done: progress.done, total: progress.total })),
      onCancelFailed: () => setState((s) => ({ ...s, cancelRequested: false })),
    });
    job.current = followed;
    try {
      const result = await call('export.run', input);
      setState((s) => ({ ...s, phase: 'done', result, done: result.rows, total: result.rows }));
      await downloadFile(result.fileId);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CANCELLED') setState((s) => ({ ...s, phase: 'cancelled' }));
      else setState((s) => ({ ...s, phase: 'failed', error: error instanceof Error ? error.message : i18n.t('errors.unknown') }));
    } finally {
      followed.stop();
      // The history gained a row; the preview's figures are unchanged, so it is not asked again.
      await queryClient.invalidateQueries({ queryKey: ['export.history'] });
    }
  };

  const cancel = () => {
    if (!job.current) return;
    job.current.cancel();
    setState((s) => ({ ...s, cancelRequested: true }));
  };

  return { state, start, cancel, reset: () => setState(IDLE) };
}
