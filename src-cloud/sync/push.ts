import { SYNCED_ENTITIES, rowKey } from '../../src-shared/sync/entities';
import { comparePositions, type PushRequest, type PushResponse, type RejectedOp, type SyncPosition } from '../../src-shared/sync/protocol';
import type { CloudDb } from '../db/connect';
import { withBusiness } from '../db/scope';
import { CloudError } from '../server/errors';
import { applyChanges, type RowChange } from './apply-rows';
import { clampHlc } from './hlc';
import type { DeviceIdentity } from './device-auth';

/**
 * One push, in one transaction (SYNC.md): the device row is locked, ops at or before its position are
 * replays and skipped, a batch that starts after a position the cloud has not reached is a gap (409),
 * valid rows are written last-writer-wins, an invalid op is recorded as rejected and still advances
 * the position, and the position moves in the same transaction as the rows, so a crash after the
 * commit and before the answer makes the resend a harmless replay.
 */
export async function applyPush(db: CloudDb, device: DeviceIdentity, body: PushRequest, now: Date): Promise<PushResponse> {
  assertOrdered(body);
  const started = performance.now();
  return withBusiness(db, device.businessId, async (tx) => {
    const row = await tx
      .selectFrom('devices')
      .select(['last_seq', 'last_key', 'revoked_at'])
      .where('id', '=', device.deviceId)
      .where('business_id', '=', device.businessId)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.revoked_at) throw new CloudError('UNAUTHENTICATED', 'This device was removed from its shop; enrol it again.');
    const last: SyncPosition = { seq: Number(row.last_seq), key: row.last_key };
    if (comparePositions(body.after, last) > 0) {
      await tx
        .insertInto('sync_log')
        .values({ business_id: device.businessId, device_id: device.deviceId, kind: 'gap', ops: body.ops.length, acked_seq: last.seq })
        .execute();
      throw new CloudError('SEQ_GAP', `The cloud has this device's changes up to ${last.seq}; send from there.`, { expected: last });
    }

    const nowMs = now.getTime();
    const nowIso = now.toISOString();
    const changes: RowChange[] = [];
    const rejected: RejectedOp[] = [];
    let skipped = 0;
    let through = last;
    for (const op of body.ops) {
      const position = { seq: op.seq, key: op.key };
      if (comparePositions(position, last) <= 0) {
        skipped += 1;
        continue;
      }
      through = position;
      const reason = invalidReason(op);
      if (reason) {
        rejected.push({ seq: op.seq, key: op.key, entity: op.entity, id: op.id, reason });
        continue;
      }
      changes.push({ entity: op.entity, id: op.id, hlc: clampHlc(op.hlc, nowMs), row: op.op === 'upsert' ? op.row : null });
    }

    if (changes.length > 0) await applyChanges(tx, device.businessId, device.deviceId, changes, nowIso);
    if (rejected.length > 0) {
      await tx
        .insertInto('rejected_ops')
        .values(
          rejected.map((r) => ({
            business_id: device.businessId,
            device_id: device.deviceId,
            seq: r.seq,
            key: r.key,
            entity: r.entity,
            entity_id: r.id,
            reason: r.reason,
          })),
        )
        .execute();
    }
    await tx
      .updateTable('devices')
      .set({ last_seq: through.seq, last_key: through.key, pending: body.pending, app_version: body.appVersion, last_seen_at: now, last_push_at: now })
      .where('id', '=', device.deviceId)
      .execute();
    await tx
      .insertInto('sync_log')
      .values({
        business_id: device.businessId,
        device_id: device.deviceId,
        kind: 'push',
        ops: body.ops.length,
        applied: changes.length,
        skipped,
        rejected: rejected.length,
        acked_seq: through.seq,
        duration_ms: Math.round(performance.now() - started),
      })
      .execute();
    return { ackedThrough: through, applied: changes.length, skipped, rejected, serverTime: nowIso };
  });
}

/** Ops follow `after` in strictly increasing position: a client that breaks this has a bug to show, not hide. */
function assertOrdered(body: PushRequest): void {
  let previous = body.after;
  for (const [i, op] of body.ops.entries()) {
    const position = { seq: op.seq, key: op.key };
    if (comparePositions(position, previous) <= 0) {
      throw new CloudError(
        'VALIDATION_ERROR',
        `ops[${i}] (seq ${op.seq}) does not follow the position before it: ops must come after "after", in increasing order.`,
      );
    }
    previous = position;
  }
}

/** Why an op cannot be stored, or null. Checked per op so one bad row does not hold up the batch. */
function invalidReason(op: PushRequest['ops'][number]): string | null {
  if (op.op === 'delete') return op.row === null ? null : 'a delete carries no row';
  if (op.row === null) return 'an upsert carries the row';
  const parsed = SYNCED_ENTITIES[op.entity].safeParse(op.row);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${op.entity}.${issue.path.join('.') || '(row)'}: ${issue.message}`;
  }
  if (rowKey(op.entity, parsed.data as Record<string, unknown>) !== op.id) return `${op.entity}: the row's id is not the op's id`;
  return null;
}
