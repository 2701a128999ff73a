import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncOp } from '../../src-shared/sync/protocol';
import { call, enrolledShop, startTestCloud, type TestCloud } from './cloud-server';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(async () => cloud.close());

const stamp = (ms: number, counter = 0, node = 'aaaa0001') => `${String(ms).padStart(16, '0')}:${counter.toString(36).padStart(4, '0')}:${node}`;
const T0 = Date.parse('2026-12-01T02:00:00Z');

function customer(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    code: `C-${id.slice(-4)}`,
    name,
    phone: '+6281234567890',
    email: null,
    address: null,
    city: 'Solo',
    tags: ['vip'],
    notes: null,
    source: null,
    channel_identity: null,
    created_at: '2026-11-30T01:00:00.000Z',
    updated_at: '2026-11-30T01:00:00.000Z',
    deleted_at: null,
    ...extra,
  };
}
const upsert = (seq: number, id: string, row: Record<string, unknown>, hlc = stamp(T0 + seq), entity: SyncOp['entity'] = 'customers'): SyncOp => ({
  seq,
  key: '',
  entity,
  id,
  op: 'upsert',
  hlc,
  row,
});
const push = (token: string, after: { seq: number; key: string }, ops: SyncOp[]) =>
  call(cloud, 'POST', '/api/sync/push', token, { after, ops, pending: 0, appVersion: '0.1.0' });

async function customerRow(businessId: string, id: string) {
  return cloud.db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('sma.business_id', ${businessId}, true)`.execute(tx);
    return tx.selectFrom('customers').select(['name', 'hlc', 'device_id', 'deleted_at']).where('id', '=', id).executeTakeFirst();
  });
}

describe('push (SYNC.md at the API)', () => {
  it('applies a batch, skips its replay, and answers a gap with 409 and the expected position', async () => {
    const shop = await enrolledShop(cloud);
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    const ops = ids.map((id, i) => upsert(i + 1, id, customer(id, `Pelanggan ${i + 1}`)));
    const first = await push(shop.token, { seq: 0, key: '' }, ops);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ackedThrough: { seq: 3, key: '' }, applied: 3, skipped: 0, rejected: [] });

    const replay = await push(shop.token, { seq: 0, key: '' }, ops);
    expect(replay.body).toMatchObject({ ackedThrough: { seq: 3, key: '' }, applied: 0, skipped: 3 });

    const id4 = uuidv7();
    const gap = await push(shop.token, { seq: 5, key: '' }, [upsert(6, id4, customer(id4, 'Lompat'))]);
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ error: 'SEQ_GAP', expected: { seq: 3, key: '' } });
    expect(await customerRow(shop.businessId, id4)).toBeUndefined();

    // Local seqs may skip numbers (an empty import entry is removed): `after` says nothing lies between.
    const afterGap = await push(shop.token, { seq: 3, key: '' }, [upsert(7, id4, customer(id4, 'Sesudah celah'))]);
    expect(afterGap.body).toMatchObject({ ackedThrough: { seq: 7, key: '' }, applied: 1 });
  });

  it('records an invalid op as rejected and still advances past it', async () => {
    const shop = await enrolledShop(cloud);
    const good = uuidv7();
    const bad = uuidv7();
    const res = await push(shop.token, { seq: 0, key: '' }, [
      upsert(1, bad, { ...customer(bad, 'Rusak'), tags: 'bukan daftar' }),
      upsert(2, good, customer(good, 'Baik')),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.ackedThrough).toEqual({ seq: 2, key: '' });
    expect(res.body.rejected).toEqual([expect.objectContaining({ seq: 1, id: bad, reason: expect.stringContaining('customers.tags') })]);
    expect(await customerRow(shop.businessId, bad)).toBeUndefined();
    expect((await customerRow(shop.businessId, good))?.name).toBe('Baik');
    const logged = await cloud.db.transaction().execute(async (tx) => {
      await sql`SELECT set_config('sma.business_id', ${shop.businessId}, true)`.execute(tx);
      return tx.selectFrom('rejected_ops').select(['seq', 'entity_id']).execute();
    });
    expect(logged).toEqual([{ seq: 1, entity_id: bad }]);
  });

  it('pages an import entry by row id inside one seq, and resumes inside it', async () => {
    const shop = await enrolledShop(cloud);
    const rows = Array.from({ length: 4 }, () => uuidv7()).sort();
    const op = (id: string): SyncOp => ({ seq: 1, key: id, entity: 'customers', id, op: 'upsert', hlc: stamp(T0), row: customer(id, `Impor ${id.slice(-4)}`) });
    const a = await push(shop.token, { seq: 0, key: '' }, rows.slice(0, 2).map(op));
    expect(a.body.ackedThrough).toEqual({ seq: 1, key: rows[1] });
    const wrongResume = await push(shop.token, { seq: 1, key: rows[2] }, rows.slice(3).map(op));
    expect(wrongResume.status).toBe(409);
    const b = await push(shop.token, { seq: 1, key: rows[1] }, rows.slice(2).map(op));
    expect(b.body).toMatchObject({ ackedThrough: { seq: 1, key: rows[3] }, applied: 2 });
  });

  it('keeps the highest HLC per row whatever the order, ties broken by device id', async () => {
    const shop = await enrolledShop(cloud);
    const id = uuidv7();
    await push(shop.token, { seq: 0, key: '' }, [upsert(1, id, customer(id, 'Baru'), stamp(T0 + 5000))]);
    // An older change arriving later loses.
    await push(shop.token, { seq: 1, key: '' }, [upsert(2, id, customer(id, 'Lama'), stamp(T0 + 1000))]);
    expect((await customerRow(shop.businessId, id))?.name).toBe('Baru');

    // A second laptop of the same shop, same stamp: the larger device id wins on both orders.
    const { issueEnrolCode } = await import('../../src-cloud/admin/enrol-codes');
    const { code } = await issueEnrolCode(cloud.db, shop.businessId, null, cloud.clock.now);
    const second = (await call(cloud, 'POST', '/api/sync/enrol', null, { code, deviceName: 'Laptop 2', appVersion: '0.1.0' })).body as {
      token: string;
      deviceId: string;
    };
    await push(second.token, { seq: 0, key: '' }, [upsert(1, id, customer(id, 'Dari laptop 2'), stamp(T0 + 5000, 0, 'bbbb0002'))]);
    const winner = second.deviceId > shop.deviceId ? 'Dari laptop 2' : 'Baru';
    expect((await customerRow(shop.businessId, id))?.name).toBe(winner);
  });

  it('clamps a stamp far in the future to the server clock, so a fast laptop does not win forever', async () => {
    const shop = await enrolledShop(cloud);
    const id = uuidv7();
    const nowMs = cloud.clock.now.getTime();
    const dayAhead = stamp(nowMs + 24 * 3600_000);
    await push(shop.token, { seq: 0, key: '' }, [upsert(1, id, customer(id, 'Jam maju'), dayAhead)]);
    const stored = await customerRow(shop.businessId, id);
    expect(stored?.hlc.slice(0, 16)).toBe(String(nowMs).padStart(16, '0'));
    // A change made a minute later on a laptop with a true clock wins.
    await push(shop.token, { seq: 1, key: '' }, [upsert(2, id, customer(id, 'Jam benar'), stamp(nowMs + 60_000))]);
    expect((await customerRow(shop.businessId, id))?.name).toBe('Jam benar');
  });

  it('tombstones a row gone from the laptop', async () => {
    const shop = await enrolledShop(cloud);
    const id = uuidv7();
    await push(shop.token, { seq: 0, key: '' }, [upsert(1, id, customer(id, 'Akan hilang'))]);
    await push(shop.token, { seq: 1, key: '' }, [{ seq: 2, key: '', entity: 'customers', id, op: 'delete', hlc: stamp(T0 + 9000), row: null }]);
    expect((await customerRow(shop.businessId, id))?.deleted_at).not.toBeNull();
  });

  it('refuses a body over the limits and unknown fields, writing nothing', async () => {
    const shop = await enrolledShop(cloud);
    const id = uuidv7();
    const tooMany = Array.from({ length: 501 }, (_, i) => upsert(i + 1, id, customer(id, 'x')));
    expect((await push(shop.token, { seq: 0, key: '' }, tooMany)).status).toBe(400);
    const extra = await call(cloud, 'POST', '/api/sync/push', shop.token, {
      after: { seq: 0, key: '' },
      ops: [upsert(1, id, customer(id, 'x'))],
      pending: 0,
      appVersion: '1',
      businessId: shop.businessId,
    });
    expect(extra.status).toBe(400);
    const big = await call(cloud, 'POST', '/api/sync/push', shop.token, {
      after: { seq: 0, key: '' },
      ops: [upsert(1, id, customer(id, 'x'.repeat(1_200_000)))],
      pending: 0,
      appVersion: '1',
    });
    expect(big.status).toBe(413);
    expect(await customerRow(shop.businessId, id)).toBeUndefined();
  });

  it('hides every row from a query that is not scoped to a business (row-level security)', async () => {
    const shop = await enrolledShop(cloud);
    const id = uuidv7();
    await push(shop.token, { seq: 0, key: '' }, [upsert(1, id, customer(id, 'Rahasia'))]);
    const unscoped = await cloud.db.selectFrom('customers').select('id').execute();
    expect(unscoped).toEqual([]);
    expect((await customerRow(shop.businessId, id))?.name).toBe('Rahasia');
  });

  it('answers 401 without a token or with a made-up one', async () => {
    expect((await push('', { seq: 0, key: '' }, [])).status).toBe(401);
    expect(
      (
        await call(cloud, 'POST', '/api/sync/push', 'smadev_made-up', {
          after: { seq: 0, key: '' },
          ops: [upsert(1, uuidv7(), customer(uuidv7(), 'x'))],
          pending: 0,
          appVersion: '1',
        })
      ).status,
    ).toBe(401);
  });
});
