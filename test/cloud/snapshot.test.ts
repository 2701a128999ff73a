import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncedEntity } from '../../src-shared/sync/entities';
import type { SyncOp } from '../../src-shared/sync/protocol';
import { call, enrolledShop, startTestCloud, type TestCloud } from './cloud-server';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(async () => cloud.close());

const stamp = (ms: number) => `${String(ms).padStart(16, '0')}:0000:aaaa0001`;
const T0 = Date.parse('2026-12-01T02:00:00Z');
const times = { created_at: '2026-11-30T01:00:00.000Z', updated_at: '2026-11-30T01:00:00.000Z', deleted_at: null };

/** One row of each way the cloud stores an entity: its own table's columns, or JSON in shop_records. */
function rows(ids: Record<'customer' | 'product' | 'transaction' | 'campaign', string>, version: string) {
  return {
    customers: {
      id: ids.customer,
      code: 'C-1',
      name: `Sari ${version}`,
      phone: '+6281234567890',
      email: 'sari@example.com',
      address: 'Jl. Melati 1',
      city: 'Solo',
      tags: ['vip', version],
      notes: version,
      source: 'walk-in',
      channel_identity: null,
      ...times,
    },
    products: {
      id: ids.product,
      code: 'PKG-1',
      name: `Paket ${version}`,
      category: 'Umroh',
      price: 25_000_000,
      active: true,
      campaign_code: 'PKG_DES_2026',
      start_date: '2026-12-01',
      end_date: '2026-12-20',
      quota_status: 'limited',
      features: ['Hotel', version],
      image_url: 'https://example.com/p.jpg',
      brochure_url: null,
      assistant_offered: true,
      ...times,
    },
    transactions: {
      id: ids.transaction,
      customer_id: ids.customer,
      transaction_date: '2026-11-29',
      amount: 1_250_000,
      items: [{ product_id: null, name: 'Kain', qty: 2, price: 625_000 }],
      channel: 'wa',
      campaign_code: null,
      invoice_no: `INV-${version}`,
      notes: null,
      ...times,
    },
    campaigns: {
      id: ids.campaign,
      name: `Promo ${version}`,
      code: 'PROMO',
      segment: null,
      channel: 'wa',
      start_date: null,
      end_date: null,
      recipients: 12,
      ...times,
    },
  } satisfies Partial<Record<SyncedEntity, Record<string, unknown>>>;
}

describe('snapshot (SYNC.md restore)', () => {
  it('gives back every field of a pushed row as the laptop sent it, after an insert and after an update', async () => {
    const shop = await enrolledShop(cloud);
    const ids = { customer: uuidv7(), product: uuidv7(), transaction: uuidv7(), campaign: uuidv7() };
    let seq = 0;
    for (const version of ['satu', 'dua']) {
      const sent = rows(ids, version);
      const ops: SyncOp[] = Object.entries(sent).map(([entity, row]) => {
        seq += 1;
        return { seq, key: '', entity: entity as SyncedEntity, id: row.id, op: 'upsert', hlc: stamp(T0 + seq), row };
      });
      const pushed = await call(cloud, 'POST', '/api/sync/push', shop.token, {
        after: { seq: seq - ops.length, key: '' },
        ops,
        pending: 0,
        appVersion: '0.1.0',
      });
      expect(pushed.body).toMatchObject({ applied: ops.length, rejected: [] });

      for (const [entity, row] of Object.entries(sent)) {
        const page = await call(cloud, 'GET', `/api/sync/snapshot?entity=${entity}`, shop.token);
        expect(page.status).toBe(200);
        expect(page.body.rows, `${entity} after "${version}"`).toEqual([expect.objectContaining({ id: row.id, deleted: false, row })]);
      }
    }
  });
});
