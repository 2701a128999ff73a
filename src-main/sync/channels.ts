import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { syncRejectedRow, syncStatusOutput } from '../../src-shared/schemas/sync';
import type { Ctx } from '../core/context';
import { newId } from '../core/ids';
import { write } from '../core/write';
import { CloudRequestError } from './http';
import { syncLoopOf } from './loop';
import { enrol, lastFailureKind, leave, NotEnrolledError, pushNow, serverAddress, syncStatus } from './service';
import { readState, setPaused } from './state';

type StatusOutput = z.output<typeof syncStatusOutput>;
type RejectedRow = z.output<typeof syncRejectedRow>;

/** 1.240 in Bahasa Indonesia, 1,240 in English. */
function count(ctx: Ctx, n: number): string {
  return new Intl.NumberFormat(ctx.language === 'en' ? 'en-US' : 'id-ID').format(n);
}

/** A failure of the cloud as what it means for the owner, with the changes that wait meanwhile. */
function failureSentence(ctx: Ctx, kind: string, reason: string, pending: number): string {
  const vars = { pending: count(ctx, pending), reason };
  if (kind === 'offline') return ctx.t('sync.offline', vars);
  if (kind === 'unauthorised') return ctx.t('sync.unauthorised', vars);
  if (kind === 'suspended') return ctx.t('sync.suspended', vars);
  return ctx.t('sync.refused', vars);
}

export function statusFor(ctx: Ctx): StatusOutput {
  const status = syncStatus(ctx);
  const kind = lastFailureKind(ctx.sqlite);
  const problem = status.lastError && kind ? (kind === 'gap' ? null : kind) : null;
  return {
    enrolled: status.enrolled,
    serverUrl: status.serverUrl,
    businessName: status.businessName,
    pending: status.pending,
    rejected: status.rejected,
    paused: status.paused,
    lastSuccessAt: status.lastSuccessAt,
    // After a restart the kind of the last failure is not known until the next attempt.
    lastError: status.lastError
      ? problem
        ? failureSentence(ctx, problem, status.lastError, status.pending)
        : ctx.t('sync.lastFailed', { reason: status.lastError })
      : null,
    problem,
    clockOffsetMs: status.clockOffsetMs,
    online: kind === undefined ? null : kind !== 'offline',
  };
}

function requireEnrolled(ctx: Ctx) {
  const state = readState(ctx.sqlite);
  if (!state) throw new AppError('CONFLICT', ctx.t('sync.notEnrolled'));
  return state;
}

export async function enrolShop(ctx: Ctx, input: { server: string; code: string }): Promise<StatusOutput> {
  let server: string;
  try {
    server = serverAddress(input.server);
  } catch {
    throw new AppError('VALIDATION_ERROR', ctx.t('sync.badServer'), { issues: [{ path: 'server', message: ctx.t('sync.badServer') }] });
  }
  try {
    await enrol(ctx, { server, code: input.code });
  } catch (error) {
    if (!(error instanceof CloudRequestError)) throw error;
    const { failure } = error;
    if (failure.kind === 'offline') throw new AppError('CONFLICT', ctx.t('sync.enrolOffline', { server }));
    if (failure.kind === 'suspended') throw new AppError('FORBIDDEN', ctx.t('sync.suspended', { pending: count(ctx, 0), reason: failure.message }));
    // 404: a wrong, used or expired code; 400: one that is not even the shape of a code.
    if (failure.kind === 'refused' && (failure.status === 404 || failure.status === 400 || failure.status === 410)) {
      throw new AppError('VALIDATION_ERROR', ctx.t('sync.badCode'), { issues: [{ path: 'code', message: ctx.t('sync.badCode') }] });
    }
    throw new AppError('CONFLICT', ctx.t('sync.enrolRefused', { reason: failure.message }));
  }
  syncLoopOf(ctx)?.refresh();
  return statusFor(ctx);
}

export async function pushChanges(ctx: Ctx): Promise<{ acked: number; rejected: number; remaining: number }> {
  requireEnrolled(ctx);
  try {
    // One attempt: the owner pressed the button and waits; the loop retries with backoff anyway.
    const outcome = await pushNow(ctx, { maxFailures: 1 });
    return { acked: outcome.acked, rejected: outcome.rejected, remaining: outcome.remaining };
  } catch (error) {
    if (error instanceof NotEnrolledError) throw new AppError('CONFLICT', ctx.t('sync.notEnrolled'));
    if (!(error instanceof CloudRequestError)) throw error;
    const pending = syncStatus(ctx).pending;
    throw new AppError(error.failure.kind === 'suspended' ? 'FORBIDDEN' : 'CONFLICT', failureSentence(ctx, error.failure.kind, error.message, pending));
  } finally {
    syncLoopOf(ctx)?.refresh();
  }
}

export function setSyncPaused(ctx: Ctx, paused: boolean): StatusOutput {
  requireEnrolled(ctx);
  setPaused(ctx.sqlite, paused);
  syncLoopOf(ctx)?.refresh();
  return statusFor(ctx);
}

/** The shop's data and its outbox stay: enrolling again later sends everything still waiting. */
export async function leaveCloud(ctx: Ctx): Promise<StatusOutput> {
  requireEnrolled(ctx);
  await leave(ctx);
  syncLoopOf(ctx)?.refresh();
  return statusFor(ctx);
}

export function listRejected(ctx: Ctx): RejectedRow[] {
  return ctx.sqlite.prepare('SELECT seq, key, entity, entity_id AS id, reason, at FROM sync_rejected ORDER BY seq, key').all() as RejectedRow[];
}

function findRejected(ctx: Ctx, input: { seq: number; key: string }): { entity: string; entity_id: string } {
  const row = ctx.sqlite.prepare('SELECT entity, entity_id FROM sync_rejected WHERE seq = ? AND key = ?').get(input.seq, input.key) as
    { entity: string; entity_id: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', ctx.t('sync.rejectedGone'));
  return row;
}

/**
 * A fresh outbox entry for the refused row, in the same transaction as its removal from the list:
 * the push reads the row as it is now (the owner may have fixed it) and sends it with its own
 * clock, so a newer version already in the cloud still wins; a row deleted since goes as a tombstone.
 */
export function retryRejected(ctx: Ctx, input: { seq: number; key: string }): void {
  write(ctx, () => {
    const row = findRejected(ctx, input);
    ctx.sqlite
      .prepare("INSERT INTO outbox (op_id, entity, entity_id, op, hlc, created_at) VALUES (?, ?, ?, 'update', ?, ?)")
      .run(newId(), row.entity, row.entity_id, ctx.hlc.next(), ctx.clock.now().toISOString());
    ctx.sqlite.prepare('DELETE FROM sync_rejected WHERE seq = ? AND key = ?').run(input.seq, input.key);
  });
  syncLoopOf(ctx)?.changed();
}

export function dismissRejected(ctx: Ctx, input: { seq: number; key: string }): void {
  findRejected(ctx, input);
  ctx.sqlite.prepare('DELETE FROM sync_rejected WHERE seq = ? AND key = ?').run(input.seq, input.key);
  syncLoopOf(ctx)?.refresh();
}
