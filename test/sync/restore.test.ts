import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusiness } from '../../src-cloud/admin/businesses';
import { issueEnrolCode } from '../../src-cloud/admin/enrol-codes';
import { withBusiness } from '../../src-cloud/db/scope';
import { backupDatabase } from '../../src-main/db/backup';
import { restoreBackup } from '../../src-main/db/restore';
import { restoreFromCloud, RestoreCancelledError, ShopNotEmptyError } from '../../src-main/sync/restore';
import { enrol, pushNow, syncStatus } from '../../src-main/sync/service';
import { startTestCloud, type TestCloud } from '../cloud/cloud-server';
import { ok, shopWithOwner, testApp } from '../helpers';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
  Object.defineProperty(cloud.clock, 'now', { get: () => new Date() });
});
afterAll(async () => cloud.close());

const code = async (businessId: string) => (await issueEnrolCode(cloud.db, businessId, null, new Date())).code;

function figures(app: Awaited<ReturnType<typeof testApp>>) {
  const q = (text: string) => (app.services.sqlite.prepare(text).get() as { n: number }).n;
  return {
    customers: q('SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL'),
    transactions: q('SELECT count(*) AS n FROM transactions WHERE deleted_at IS NULL'),
    revenue: q('SELECT coalesce(sum(amount), 0) AS n FROM transactions WHERE deleted_at IS NULL'),
  };
}

async function cloudRows(businessId: string) {
  return withBusiness(cloud.db, businessId, async (tx) => {
    const c = await tx
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const t = await tx
      .selectFrom('transactions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { customers: Number(c.n), transactions: Number(t.n) };
  });
}

describe('restore onto a new laptop, and from a local backup (SYNC.md T6)', () => {
  it('downloads the shop page by page, with a fresh device, and pushing afterwards duplicates nothing', async () => {
    const original = await testApp();
    await ok(original, 'setup.openDemo', {});
    const { id } = await createBusiness(cloud.db, { name: 'Toko Pindah' }, new Date());
    await enrol(original.services, { server: cloud.url, code: await code(id) });
    await pushNow(original.services);
    const inCloud = await cloudRows(id);

    const fresh = await shopWithOwner();
    const progress: string[] = [];
    const counts = await restoreFromCloud(fresh.services, { server: cloud.url, code: await code(id) }, { onProgress: (p) => progress.push(p.entity) });
    expect(counts.customers).toBe(inCloud.customers);
    expect(counts.transactions).toBe(inCloud.transactions);
    expect(progress).toContain('transactions');
    expect(figures(fresh)).toEqual(figures(original));
    expect(syncStatus(fresh.services).deviceId).not.toBe(syncStatus(original.services).deviceId);

    await pushNow(fresh.services);
    expect(await cloudRows(id)).toEqual(inCloud);
    // The restored shop works as any other: its lists read the restored rows.
    expect((await ok(fresh, 'customers.list', { page: 1, pageSize: 5 })).total).toBe(figures(original).customers);
  }, 180_000);

  it("takes the shop's profile from the cloud, and pushing afterwards leaves the cloud's profile whole", async () => {
    const original = await shopWithOwner();
    const profile = {
      name: 'Toko Batik Laras',
      type: 'Fashion',
      phone: '+6281234567890',
      email: 'laras@contoh.id',
      address: 'Jl. Slamet Riyadi 12',
      city: 'Solo',
      currency: 'IDR' as const,
      timezone: 'Asia/Jakarta' as const,
    };
    const before = await ok(original, 'business.update', profile);
    const { id } = await createBusiness(cloud.db, { name: 'Toko Batik Laras' }, new Date());
    await enrol(original.services, { server: cloud.url, code: await code(id) });
    await pushNow(original.services);

    // The new laptop's first-run form made a profile of its own, newer than the cloud's.
    const fresh = await shopWithOwner();
    await restoreFromCloud(fresh.services, { server: cloud.url, code: await code(id) });
    const after = await ok(fresh, 'business.get', {});
    expect(after).toEqual(before);
    await pushNow(fresh.services);
    const records = await withBusiness(cloud.db, id, (tx) => tx.selectFrom('shop_records').select(['id', 'data']).where('entity', '=', 'business').execute());
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: before.id, data: { address: 'Jl. Slamet Riyadi 12', phone: '+6281234567890' } });
  }, 120_000);

  it('refuses a shop that already has data, and a cancelled restore leaves the shop empty', async () => {
    const { id } = await createBusiness(cloud.db, { name: 'Toko Batal' }, new Date());
    const full = await testApp();
    await ok(full, 'setup.openDemo', {});
    await expect(restoreFromCloud(full.services, { server: cloud.url, code: await code(id) })).rejects.toBeInstanceOf(ShopNotEmptyError);

    const donor = await testApp();
    await ok(donor, 'setup.openDemo', {});
    await enrol(donor.services, { server: cloud.url, code: await code(id) });
    await pushNow(donor.services);
    const empty = await shopWithOwner();
    const controller = new AbortController();
    await expect(
      restoreFromCloud(
        empty.services,
        { server: cloud.url, code: await code(id) },
        { signal: controller.signal, onProgress: (p) => p.entity === 'transactions' && controller.abort() },
      ),
    ).rejects.toBeInstanceOf(RestoreCancelledError);
    expect(figures(empty)).toEqual({ customers: 0, transactions: 0, revenue: 0 });
  }, 180_000);

  it('T6: a restored day-old backup reuses no seq the cloud has seen, and loses nothing', async () => {
    const app = await testApp();
    const demo = await ok(app, 'setup.openDemo', {});
    const { id } = await createBusiness(cloud.db, { name: 'Toko Cadangan' }, new Date());
    await enrol(app.services, { server: cloud.url, code: await code(id) });
    await pushNow(app.services);
    const backup = await backupDatabase(app.services.sqlite, app.services.dbPath, 'manual');

    const [first, second] = (await ok(app, 'customers.list', { page: 1, pageSize: 5 })).rows;
    await ok(app, 'customers.update', { id: first.id, name: 'Diubah setelah cadangan' });
    await pushNow(app.services);

    await restoreBackup(app.services.sqlite, app.services.dbPath, backup.file, new Date());
    const reopened = await testApp({ dbPath: app.services.dbPath });
    await ok(reopened, 'auth.login', { username: demo.user.username, password: demo.password });
    await ok(reopened, 'customers.update', { id: second.id, name: 'Diubah setelah pemulihan' });
    await pushNow(reopened.services);

    const names = await withBusiness(cloud.db, id, (tx) =>
      tx.selectFrom('customers').select(['id', 'name']).where('id', 'in', [first.id, second.id]).execute(),
    );
    expect(Object.fromEntries(names.map((n) => [n.id, n.name]))).toEqual({ [first.id]: 'Diubah setelah cadangan', [second.id]: 'Diubah setelah pemulihan' });
  }, 180_000);
});
