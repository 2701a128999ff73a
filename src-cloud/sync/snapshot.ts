import type { SyncedEntity } from '../../src-shared/sync/entities';
import type { CloudDb } from '../db/connect';
import { withBusiness } from '../db/scope';
import type { DeviceIdentity } from './device-auth';
import { fromColumns, isTypedTable } from './typed-tables';

export interface SnapshotPage {
  rows: { id: string; hlc: string; deleted: boolean; row: Record<string, unknown> }[];
  next: string | null;
}

/**
 * One page of a shop's rows of one entity in id order, for restoring onto a new laptop. Keyset
 * paging (after the last id), so a page costs the same at the end of a million rows as at the start.
 */
export async function snapshotPage(db: CloudDb, device: DeviceIdentity, entity: SyncedEntity, after: string, limit: number): Promise<SnapshotPage> {
  return withBusiness(db, device.businessId, async (tx) => {
    let rows: SnapshotPage['rows'];
    if (isTypedTable(entity)) {
      const found = await tx
        .selectFrom(entity)
        .selectAll()
        .where('business_id', '=', device.businessId)
        .where('id', '>', after || '00000000-0000-0000-0000-000000000000')
        .orderBy('id')
        .limit(limit)
        .execute();
      rows = found.map(({ business_id: _b, device_id: _d, hlc, ...row }) => ({
        id: row.id,
        hlc,
        deleted: row.deleted_at !== null,
        row: fromColumns(entity, row),
      }));
    } else {
      const found = await tx
        .selectFrom('shop_records')
        .selectAll()
        .where('business_id', '=', device.businessId)
        .where('entity', '=', entity)
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute();
      rows = found.map((r) => ({ id: r.id, hlc: r.hlc, deleted: r.deleted, row: r.data as Record<string, unknown> }));
    }
    return { rows, next: rows.length === limit ? (rows.at(-1)?.id ?? null) : null };
  });
}
