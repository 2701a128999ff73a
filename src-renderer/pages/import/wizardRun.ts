import type { QueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../src-shared/contract';
import type { ImportReport } from '../../../src-shared/schemas/import';
import { call } from '../../api/client';
import { invalidateDomains } from '../../api/hooks';
import { followJob, type FollowedJob } from '../../api/jobs';
import { notifyError } from '../../components/notify';
import { fileGone, problemOf, setWizard as set, STEP, wizard, type RunState, type WizardState } from './wizardStore';

/**
 * The import wizard's runs: the dry run (validate) and the import itself (commit), each a job
 * followed for its progress and cancelled on request, its report kept in the wizard. Apart from the
 * store (wizardStore.ts) because one run at a time holds the job, and the page may be left and
 * opened again while it goes on.
 */

function runInput(): ChannelInput<'import.validate'> {
  const { file, inspect: facts, kind, mapping, options } = wizard();
  if (!file || !facts) throw new Error('import run without an inspected file');
  return { fileId: file.fileId, kind, sheet: facts.format === 'xlsx' ? facts.sheet : undefined, headerRow: facts.headerRow, mapping, options };
}

/** The job of the validate or commit in flight. */
let job: FollowedJob | null = null;

async function runJob(mode: RunState['mode']): Promise<ImportReport | null> {
  if (wizard().run) return null;
  const input = runInput();
  const store = (report: ImportReport | null): Partial<WizardState> => (mode === 'validate' ? { report } : { result: report });
  set({ run: { mode, progress: null, cancelRequested: false }, runProblem: null, ...store(null) });
  const followed = followJob(['import.run'], {
    onProgress: (progress) => {
      const run = wizard().run;
      if (run) set({ run: { ...run, progress } });
    },
    // Refused (not "already over"): the button comes back so the user can press it again.
    onCancelFailed: (error) => {
      const run = wizard().run;
      if (run) set({ run: { ...run, cancelRequested: false } });
      notifyError(error);
    },
  });
  job = followed;
  try {
    const report = await call(mode === 'validate' ? 'import.validate' : 'import.commit', input);
    set({ run: null, ...store(report) });
    return report;
  } catch (error) {
    set({
      run: null,
      runProblem: problemOf(error),
      ...(fileGone(error) ? { file: null, inspect: null, step: STEP.file, fileError: problemOf(error).message } : {}),
    });
    return null;
  } finally {
    followed.stop();
    job = null;
  }
}

export function validate(): void {
  if (wizard().run) return;
  set({ step: STEP.check });
  void runJob('validate');
}

export async function commit(queryClient: QueryClient): Promise<void> {
  const state = wizard();
  if (state.run || !state.report) return;
  set({ step: STEP.done });
  const report = await runJob('commit');
  // A stopped import is written to the history too; a completed one changes every list.
  await invalidateDomains(queryClient, report?.status === 'completed' ? ['customers', 'transactions', 'products', 'leads', 'import'] : ['import']);
}

export function cancelRun(): void {
  const state = wizard();
  const run = state.run;
  if (!run || run.cancelRequested) return;
  set({ run: { ...run, cancelRequested: true } });
  job?.cancel();
}
