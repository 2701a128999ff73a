import { sql } from 'kysely';
import type { SyncedEntity } from '../../src-shared/sync/entities';
import type { SyncedRow } from '../../src-shared/sync/entities';
import type { Tx } from '../db/scope';
import { HLC_ORDER_CHARS } from './hlc';

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
 * order they came in.
 */
const newer = (table: string) =>
  sql<boolean>`(left(excluded.hlc, ${HLC_ORDER_CHARS}), excluded.device_id::text) > (left(${sql.ref(`${table}.hlc`)}, ${HLC_ORDER_CHARS}), ${sql.ref(`${table}.device_id`)}::text)`;

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
  if (entity === 'customers') {
    const values = changes.map((c) => {
      const r = c.row as SyncedRow<'customers'>;
      return {
        ...base(c),
        code: r.code,
        name: r.name,
        phone: r.phone,
        email: r.email,
        address: r.address,
        city: r.city,
        tags: JSON.stringify(r.tags),
        notes: r.notes,
        source: r.source,
        channel_identity: r.channel_identity,
        created_at: r.created_at,
        updated_at: r.updated_at,
        deleted_at: r.deleted_at,
      };
    });
    await tx
      .insertInto('customers')
      .values(values)
      .onConflict((oc) =>
        oc
          .columns(['business_id', 'id'])
          .doUpdateSet((eb) => ({
            code: eb.ref('excluded.code'),
            name: eb.ref('excluded.name'),
            phone: eb.ref('excluded.phone'),
            email: eb.ref('excluded.email'),
            address: eb.ref('excluded.address'),
            city: eb.ref('excluded.city'),
            tags: eb.ref('excluded.tags'),
            notes: eb.ref('excluded.notes'),
            source: eb.ref('excluded.source'),
            channel_identity: eb.ref('excluded.channel_identity'),
            created_at: eb.ref('excluded.created_at'),
            updated_at: eb.ref('excluded.updated_at'),
            deleted_at: eb.ref('excluded.deleted_at'),
            hlc: eb.ref('excluded.hlc'),
            device_id: eb.ref('excluded.device_id'),
          }))
          .where(newer('customers')),
      )
      .execute();
  } else if (entity === 'products') {
    const values = changes.map((c) => {
      const r = c.row as SyncedRow<'products'>;
      return {
        ...base(c),
        code: r.code,
        name: r.name,
        category: r.category,
        price: r.price,
        active: r.active,
        campaign_code: r.campaign_code,
        start_date: r.start_date,
        end_date: r.end_date,
        quota_status: r.quota_status,
        features: JSON.stringify(r.features),
        image_url: r.image_url,
        brochure_url: r.brochure_url,
        assistant_offered: r.assistant_offered,
        created_at: r.created_at,
        updated_at: r.updated_at,
        deleted_at: r.deleted_at,
      };
    });
    await tx
      .insertInto('products')
      .values(values)
      .onConflict((oc) =>
        oc
          .columns(['business_id', 'id'])
          .doUpdateSet((eb) => ({
            code: eb.ref('excluded.code'),
            name: eb.ref('excluded.name'),
            category: eb.ref('excluded.category'),
            price: eb.ref('excluded.price'),
            active: eb.ref('excluded.active'),
            campaign_code: eb.ref('excluded.campaign_code'),
            start_date: eb.ref('excluded.start_date'),
            end_date: eb.ref('excluded.end_date'),
            quota_status: eb.ref('excluded.quota_status'),
            features: eb.ref('excluded.features'),
            image_url: eb.ref('excluded.image_url'),
            brochure_url: eb.ref('excluded.brochure_url'),
            assistant_offered: eb.ref('excluded.assistant_offered'),
            created_at: eb.ref('excluded.created_at'),
            updated_at: eb.ref('excluded.updated_at'),
            deleted_at: eb.ref('excluded.deleted_at'),
            hlc: eb.ref('excluded.hlc'),
            device_id: eb.ref('excluded.device_id'),
          }))
          .where(newer('products')),
      )
      .execute();
  } else if (entity === 'transactions') {
    const values = changes.map((c) => {
      const r = c.row as SyncedRow<'transactions'>;
      return {
        ...base(c),
        customer_id: r.customer_id,
        transaction_date: r.transaction_date,
        amount: r.amount,
        items: JSON.stringify(r.items),
        channel: r.channel,
        campaign_code: r.campaign_code,
        invoice_no: r.invoice_no,
        notes: r.notes,
        created_at: r.created_at,
        updated_at: r.updated_at,
        deleted_at: r.deleted_at,
      };
    });
    await tx
      .insertInto('transactions')
      .values(values)
      .onConflict((oc) =>
        oc
          .columns(['business_id', 'id'])
          .doUpdateSet((eb) => ({
            customer_id: eb.ref('excluded.customer_id'),
            transaction_date: eb.ref('excluded.transaction_date'),
            amount: eb.ref('excluded.amount'),
            items: eb.ref('excluded.items'),
            channel: eb.ref('excluded.channel'),
            campaign_code: eb.ref('excluded.campaign_code'),
            invoice_no: eb.ref('excluded.invoice_no'),
            notes: eb.ref('excluded.notes'),
            created_at: eb.ref('excluded.created_at'),
            updated_at: eb.ref('excluded.updated_at'),
            deleted_at: eb.ref('excluded.deleted_at'),
            hlc: eb.ref('excluded.hlc'),
            device_id: eb.ref('excluded.device_id'),
          }))
          .where(newer('transactions')),
      )
      .execute();
  } else {
    const values = changes.map((c) => ({ ...base(c), entity, data: JSON.stringify(c.row), deleted: (c.row as { deleted_at?: unknown }).deleted_at != null }));
    await tx
      .insertInto('shop_records')
      .values(values)
      .onConflict((oc) =>
        oc
          .columns(['business_id', 'entity', 'id'])
          .doUpdateSet((eb) => ({
            data: eb.ref('excluded.data'),
            deleted: eb.ref('excluded.deleted'),
            hlc: eb.ref('excluded.hlc'),
            device_id: eb.ref('excluded.device_id'),
          }))
          .where(newer('shop_records')),
      )
      .execute();
  }
}

/** A row gone from the laptop: marked deleted here (if the cloud has it), under the same rule. */
async function tombstone(tx: Tx, entity: SyncedEntity, businessId: string, deviceId: string, change: RowChange, nowIso: string): Promise<void> {
  const isNewer = (table: 'customers' | 'products' | 'transactions' | 'shop_records') =>
    sql<boolean>`(left(${change.hlc}, ${HLC_ORDER_CHARS}), ${deviceId}::text) > (left(${sql.ref(`${table}.hlc`)}, ${HLC_ORDER_CHARS}), ${sql.ref(`${table}.device_id`)}::text)`;
  if (entity === 'customers' || entity === 'products' || entity === 'transactions') {
    await tx
      .updateTable(entity)
      .set((eb) => ({ deleted_at: eb.fn.coalesce('deleted_at', eb.val(nowIso)), hlc: change.hlc, device_id: deviceId }))
      .where('business_id', '=', businessId)
      .where('id', '=', change.id)
      .where(isNewer(entity))
      .execute();
  } else {
    await tx
      .updateTable('shop_records')
      .set({ deleted: true, hlc: change.hlc, device_id: deviceId })
      .where('business_id', '=', businessId)
      .where('entity', '=', entity)
      .where('id', '=', change.id)
      .where(isNewer('shop_records'))
      .execute();
  }
}
