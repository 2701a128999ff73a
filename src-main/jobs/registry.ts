import { quickCheck } from '../db/integrity';
import { generateDemoJob } from '../demo/job';
import { exportJob, previewJob } from '../export/job';
import { importJob, inspectJob } from '../import/job';
import { undoImportJob } from '../import/undo';
import { runRfm } from '../rfm/run';
import { expireJob } from '../loyalty/expire';
import { fitClv } from '../clv/fit-job';
import type { JobFn } from './types';

/** Every kind of long work that runs in a worker thread, by the name the runner starts it with. */
export const jobFunctions = {
  'demo.generate': generateDemoJob,
  'import.inspect': inspectJob,
  'import.run': importJob,
  'import.undo': undoImportJob,
  'rfm.run': runRfm,
  'clv.fit': fitClv,
  'export.preview': previewJob,
  'export.run': exportJob,
  'loyalty.expire': expireJob,
  'db.check': (_params: Record<string, never>, ctx) => quickCheck(ctx.sqlite),
} satisfies Record<string, JobFn<never, unknown>>;

export type JobFunctions = typeof jobFunctions;
export type JobParams<K extends keyof JobFunctions> = Parameters<JobFunctions[K]>[0];
export type JobResult<K extends keyof JobFunctions> = Awaited<ReturnType<JobFunctions[K]>>;
