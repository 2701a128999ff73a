import { sql, type Insertable } from 'kysely';
import type { SyncedEntity } from '../../src-shared/sync/entities';
import type { CloudDatabase } from '../db/schema';
import type { Tx } from '../db/scope';
import { HLC_ORDER_CHARS } from './hlc';
import { isTypedTable, SYNCED_COLUMNS, toColumns } from './typed-tables';

/** One change ready to write: validated, its stamp clamped. */
export interface RowChange {
  entity: SyncedEntity;
  id: string;
  hlc: string;
  /** null: the row no longer exists on the laptop. */
  row: Record<string, unknown> | null;
}

/**
 * Last writer wins per row: a change lands only when its stamp orders after the stored one, ties
 * broken by device id, so every replica that sees the same changes ends with the same row whatever
 * order they came in. The incoming stamp is the row that failed to insert (`excluded`) on an upsert,
 * the delete's own on a tombstone.
 */
const newer = (table: string, hlc: unknown = sql.ref('excluded.hlc'), deviceId: unknown = sql.ref('excluded.device_id')) =>
  sql<boolean>`(left(${hlc}, ${HLC_ORDER_CHARS}), ${deviceId}::text) > (left(${sql.ref(`${table}.hlc`)}, ${HLC_ORDER_CHARS}), ${sql.ref(`${table}.device_id`)}::text)`;

/** Keeps the newest change per row of a batch: one INSERT … ON CONFLICT may touch a row once. */
function newestPerRow(changes: RowChange[]): RowChange[] {
  const byId = new Map<string, RowChange>();
  for (const change of changes) {
    const seen = byId.get(change.id);
    if (!seen || change.hlc.slice(0, HLC_ORDER_CHARS) >= seen.hlc.slice(0, HLC_ORDER_CHARS)) byId.set(change.id, change);
  }
  return [...byId.values()];
}

export async function applyChanges(tx: Tx, businessId: string, deviceId: string, changes: RowChange[], nowIso: string): Promise<void> {
  const byEntity = new Map<SyncedEntity, RowChange[]>();
  for (const change of changes) {
    const list = byEntity.get(change.entity) ?? [];
    list.push(change);
    byEntity.set(change.entity, list);
  }
  for (const [entity, list] of byEntity) {
    const latest = newestPerRow(list);
    const upserts = latest.filter((c) => c.row !== null);
    const deletes = latest.filter((c) => c.row === null);
    if (upserts.length > 0) await upsert(tx, entity, businessId, deviceId, upserts);
    for (const gone of deletes) await tombstone(tx, entity, businessId, deviceId, gone, nowIso);
  }
}

async function upsert(tx: Tx, entity: SyncedEntity, businessId: string, deviceId: string, changes: RowChange[]): Promise<void> {
  const base = (c: RowChange) => ({ business_id: businessId, id: c.id, hlc: c.hlc, device_id: deviceId });
  // The incoming row replaces every column but the key (`excluded` is the row that failed to insert).
  const replaceAll = (columns: readonly string[]) =>
    Object.fromEntries([...columns, 'hlc', 'device_id'].map((column) => [column, sql.ref(`excluded.${column}`)]));
  if (isTypedTable(entity)) {
    const values = changes.map((c) => ({ ...base(c), ...toColumns(entity, c.row as Record<string, unknown>) }));
    await tx
      .insertInto(entity)
      .values(values as Insertable<CloudDatabase[typeof entity]>[])
      .onConflict((oc) => oc.columns(['business_id', 'id']).doUpdateSet(replaceAll(SYNCED_COLUMNS[entity])).where(newer(entity)))
      .execute();
  } else {
    const values = changes.map((c) => ({ ...base(c), entity, data: JSON.stringify(c.row), deleted: (c.row as { deleted_at?: unknown }).deleted_at != null }));
    await tx
      .insertInto('shop_records')
      .values(values)
      .onConflict((oc) =>
        oc
          .columns(['business_id', 'entity', 'id'])
          .doUpdateSet(replaceAll(['data', 'deleted']))
          .where(newer('shop_records')),
      )
      .execute();
  }
}

/** A row gone from the laptop: marked deleted here (if the cloud has it), under the same rule. */
async function tombstone(tx: Tx, entity: SyncedEntity, businessId: string, deviceId: string, change: RowChange, nowIso: string): Promise<void> {
  if (isTypedTable(entity)) {
    await tx
      .updateTable(entity)
      .set((eb) => ({ deleted_at: eb.fn.coalesce('deleted_at', eb.val(nowIso)), hlc: change.hlc, device_id: deviceId }))
      .where('business_id', '=', businessId)
      .where('id', '=', change.id)
      .where(newer(entity, change.hlc, deviceId))
      .execute();
  } else {
    await tx
      .updateTable('shop_records')
      .set({ deleted: true, hlc: change.hlc, device_id: deviceId })
      .where('business_id', '=', businessId)
      .where('entity', '=', entity)
      .where('id', '=', change.id)
      .where(newer('shop_records', change.hlc, deviceId))
      .execute();
  }
}
