import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { syncRestoreOutput } from '../../src-shared/schemas/sync';
import type { Ctx } from '../core/context';
import { runRfmInBackground } from '../rfm/service';
import { CloudRequestError } from './http';
import { syncLoopOf } from './loop';
import { RestoreCancelledError, restoreFromCloud, ShopNotEmptyError } from './restore';
import { serverAddress } from './service';
import { forgetEnrolment } from './state';

type RestoreOutput = z.output<typeof syncRestoreOutput>;

/** The restore under way on each database, so that Cancel (another call) can stop it. */
const running = new WeakMap<Ctx['sqlite'], AbortController>();

/**
 * "Pulihkan dari cloud" on the first-run screen, once setup.create has made the owner.
 *
 * It runs on the main thread, not as a worker job: enrolling keeps the device token in the
 * desktop's safeStorage, which only the main process reaches. Between pages the event loop is free
 * (every other call is answered), but the restore holds SQLite's write lock on the main connection
 * from the first page to the commit, as an import does from its worker: a write by another window
 * meanwhile would join its transaction. On the first-run screen nothing else writes.
 */
export async function restoreShop(ctx: Ctx, input: { server: string; code: string }): Promise<RestoreOutput> {
  let server: string;
  try {
    server = serverAddress(input.server);
  } catch {
    throw new AppError('VALIDATION_ERROR', ctx.t('sync.badServer'), { issues: [{ path: 'server', message: ctx.t('sync.badServer') }] });
  }
  if (running.has(ctx.sqlite)) throw new AppError('CONFLICT', ctx.t('sync.restoreRunning'));
  const controller = new AbortController();
  running.set(ctx.sqlite, controller);
  let counts: RestoreOutput;
  try {
    counts = await restoreFromCloud(
      ctx,
      { server, code: input.code },
      { signal: controller.signal, onProgress: (p) => ctx.events.emit('sync.restoreProgress', p, ctx.clientId) },
    );
  } catch (error) {
    throw restoreFailure(ctx, server, error);
  } finally {
    running.delete(ctx.sqlite);
  }
  syncLoopOf(ctx)?.refresh();
  // The dashboard's segments, as the app computes them at start for a shop with sales.
  if (counts.transactions > 0) void runRfmInBackground(ctx, 'startup', ctx.userId, ctx.clientId);
  return counts;
}

export function cancelRestore(ctx: Ctx): void {
  running.get(ctx.sqlite)?.abort();
}

function restoreFailure(ctx: Ctx, server: string, error: unknown): AppError {
  if (error instanceof RestoreCancelledError) return new AppError('CONFLICT', ctx.t('sync.restoreCancelled'));
  if (error instanceof ShopNotEmptyError) return new AppError('CONFLICT', ctx.t('sync.restoreNotEmpty'));
  if (!(error instanceof CloudRequestError))
    return new AppError('INTERNAL', ctx.t('sync.restoreFailed', { reason: error instanceof Error ? error.message : String(error) }));
  const { failure } = error;
  if (failure.kind === 'offline') return new AppError('CONFLICT', ctx.t('sync.restoreOffline', { server }));
  if (failure.kind === 'unauthorised') {
    // The device of an earlier attempt was removed in the cloud: the next attempt enrols afresh.
    forgetEnrolment(ctx.sqlite);
    return codeRefused(ctx);
  }
  // 404: a wrong, used or expired code; 400: one that is not even the shape of a code.
  if (failure.kind === 'refused' && [400, 404, 410].includes(failure.status)) return codeRefused(ctx);
  return new AppError('CONFLICT', ctx.t('sync.restoreFailed', { reason: failure.message }));
}

function codeRefused(ctx: Ctx): AppError {
  return new AppError('VALIDATION_ERROR', ctx.t('sync.restoreBadCode'), { issues: [{ path: 'code', message: ctx.t('sync.restoreBadCode') }] });
}
