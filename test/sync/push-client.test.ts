import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusiness } from '../../src-cloud/admin/businesses';
import { issueEnrolCode } from '../../src-cloud/admin/enrol-codes';
import { withBusiness } from '../../src-cloud/db/scope';
import { nextBatch } from '../../src-main/sync/batch';
import { enrol, pushNow, syncStatus } from '../../src-main/sync/service';
import { readState } from '../../src-main/sync/state';
import { startTestCloud, type TestCloud } from '../cloud/cloud-server';
import { ok, testApp } from '../helpers';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
  // The laptop stamps its changes with the real clock; the cloud must agree on what "now" is.
  Object.defineProperty(cloud.clock, 'now', { get: () => new Date() });
});
afterAll(async () => cloud.close());

async function enrolledDemo() {
  const app = await testApp();
  await ok(app, 'setup.openDemo', {});
  const { id } = await createBusiness(cloud.db, { name: 'Toko Demo' }, cloud.clock.now);
  const { code } = await issueEnrolCode(cloud.db, id, null, cloud.clock.now);
  await enrol(app.services, { server: cloud.url, code });
  return { app, businessId: id };
}

async function cloudFigures(businessId: string) {
  return withBusiness(cloud.db, businessId, async (tx) => {
    const c = await tx
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('business_id', '=', businessId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    const t = await sql<{
      n: number;
      revenue: number;
    }>`SELECT count(*) AS n, coalesce(sum(amount), 0) AS revenue FROM transactions WHERE business_id = ${businessId} AND deleted_at IS NULL`.execute(tx);
    return { customers: Number(c.n), transactions: Number(t.rows[0].n), revenue: Number(t.rows[0].revenue) };
  });
}

function localFigures(app: Awaited<ReturnType<typeof testApp>>) {
  const q = (text: string) => app.services.sqlite.prepare(text).get() as Record<string, number>;
  return {
    customers: q('SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL').n,
    transactions: q('SELECT count(*) AS n FROM transactions WHERE deleted_at IS NULL').n,
    revenue: q('SELECT coalesce(sum(amount), 0) AS n FROM transactions WHERE deleted_at IS NULL').n,
  };
}

describe('sync client: the demo shop pushed to the real cloud', () => {
  it('sends the whole shop in batches of at most 500 ops, empties the outbox, and the cloud holds the same figures', async () => {
    const { app, businessId } = await enrolledDemo();
    const first = nextBatch(app.services.sqlite, { seq: 0, key: '' });
    expect(first.ops.length).toBeGreaterThan(0);
    expect(first.ops.length).toBeLessThanOrEqual(500);
    expect(first.ops.some((op) => (op.row as Record<string, unknown> | null)?.password_hash !== undefined)).toBe(false);

    // The count of waiting entries each progress report carries is kept by ranges, not recounted:
    // it must equal a full count at every step, also with changes written while the push runs.
    const mismatches: string[] = [];
    let edits = 0;
    const started = performance.now();
    const outcome = await pushNow(app.services, {
      onProgress: (o) => {
        const counted = syncStatus(app.services).pending;
        if (o.remaining !== counted) mismatches.push(`${o.requests}: ${o.remaining} ≠ ${counted}`);
        if (edits++ < 3) void ok(app, 'customers.create', { name: `Pelanggan saat kirim ${edits}`, phone: null, email: null, city: null, tags: [] });
      },
    });
    expect(mismatches).toEqual([]);
    console.log(`demo shop: ${outcome.acked} ops in ${outcome.requests} pushes, ${Math.round(performance.now() - started)} ms`);
    expect(outcome.rejected).toBe(0);
    expect(outcome.remaining).toBe(0);
    expect(outcome.requests).toBeGreaterThan(1);
    expect(await cloudFigures(businessId)).toEqual(localFigures(app));
    expect((app.services.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(0);
    expect(syncStatus(app.services)).toMatchObject({ enrolled: true, pending: 0, lastError: null });

    // Nothing new: no request at all.
    expect(await pushNow(app.services)).toMatchObject({ acked: 0, requests: 0, remaining: 0 });
  });

  it('sends one edit as one op, and the cloud shows it', async () => {
    const { app, businessId } = await enrolledDemo();
    await pushNow(app.services);
    const customer = (await ok(app, 'customers.list', { page: 1, pageSize: 5 })).rows[0];
    await ok(app, 'customers.update', { id: customer.id, name: 'Nama Baru Sekali' });
    const batch = nextBatch(app.services.sqlite, readState(app.services.sqlite)!.acked);
    expect(batch.ops.map((o) => [o.entity, o.id])).toContainEqual(['customers', customer.id]);
    expect((await pushNow(app.services)).acked).toBe(batch.ops.length);
    const name = await withBusiness(cloud.db, businessId, (tx) => tx.selectFrom('customers').select('name').where('id', '=', customer.id).executeTakeFirst());
    expect(name?.name).toBe('Nama Baru Sekali');
  });

  it('keeps every change when the server cannot be reached, and says so', async () => {
    const { app } = await enrolledDemo();
    app.services.sqlite.prepare("UPDATE sync_state SET server_url = 'http://127.0.0.1:9/'").run();
    const before = syncStatus(app.services).pending;
    await expect(pushNow(app.services, { maxFailures: 2, sleep: async () => undefined })).rejects.toThrow(/cannot be reached/);
    expect(syncStatus(app.services)).toMatchObject({ pending: before, lastError: 'the server cannot be reached' });
  });
});
