import { AppError } from '../../src-shared/errors';
import type { Ctx } from '../core/context';
import { write } from '../core/write';

/**
 * Cancel a running job: the user it works for may, and so may an owner (say, an import left
 * running by a manager who went home); anyone else is refused. Every cancel is in the activity
 * log — who cancelled (the entry's user), whose job (`owner`), what kind and how it ended. The
 * entry is written once the job has ended: an import holds the write lock until its rollback, so
 * a write now would wait for it, on the main thread.
 */
export async function cancelJob(ctx: Ctx, jobId: string): Promise<void> {
  const notFound = ctx.t('err.notFound', { entity: ctx.t('entity.job') });
  const job = ctx.jobs.get(jobId);
  if (!job) throw new AppError('NOT_FOUND', notFound, { jobId });
  const own = job.owner.userId !== null && job.owner.userId === ctx.userId;
  if (!own && ctx.user?.role !== 'owner') throw new AppError('FORBIDDEN', ctx.t('err.jobNotYours'), { jobId, kind: job.kind });
  const ownerName = job.owner.userId
    ? ((await ctx.db.selectFrom('users').select('name').where('id', '=', job.owner.userId).executeTakeFirst())?.name ?? null)
    : null;
  ctx.jobs.cancel(jobId, notFound, (status) => {
    if (!ctx.sqlite.open) return; // the app closed with the job
    write(ctx, (w) =>
      w.log({ action: 'job.cancel', entity: 'jobs', entityId: jobId, details: { kind: job.kind, owner: job.owner.userId, ownerName, status } }),
    );
  });
}
