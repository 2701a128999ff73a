import { broadcastJob } from './content/broadcast';
import { markContactedJob } from './content/contacted';
import { quickCheck } from './db/integrity';
import { generateDemoJob } from './demo/job';
import { exportJob, previewJob } from './export/job';
import { importJob, inspectJob } from './import/job';
import { undoImportJob } from './import/undo';
import { runRfm } from './rfm/run';
import { expireJob } from './loyalty/expire';
import { fitClv } from './clv/fit-job';
import type { JobKind } from '../src-shared/schemas/system';
import type { JobFn } from './jobs/types';

/**
 * Every kind of long work that runs in a worker thread, by the name the runner starts it with.
 * It names every feature with a job, so it sits above them, beside handlers.ts: only the worker
 * thread's entry (jobs/worker.ts) imports it.
 */
export const jobFunctions = {
  'demo.generate': generateDemoJob,
  'import.inspect': inspectJob,
  'import.run': importJob,
  'import.undo': undoImportJob,
  'rfm.run': runRfm,
  'clv.fit': fitClv,
  'export.preview': previewJob,
  'export.run': exportJob,
  'content.broadcast': broadcastJob,
  'content.markContacted': markContactedJob,
  'loyalty.expire': expireJob,
  'db.check': (_params: Record<string, never>, ctx) => quickCheck(ctx.sqlite),
} satisfies Record<JobKind, JobFn<never, unknown>>; // every kind has its function, and no other name

type JobFunctions = typeof jobFunctions;
type Registered = { [K in keyof JobFunctions]: { params: Parameters<JobFunctions[K]>[0]; result: Awaited<ReturnType<JobFunctions[K]>> } };

// The types core/jobs.ts leaves open: `ctx.jobs.run(kind, params)` checks each job's parameters
// and result against its function here, and core/ imports nothing of this.
declare module './core/jobs' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds Registered's members
  interface JobTypes extends Registered {}
}
