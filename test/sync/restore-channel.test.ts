import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusiness } from '../../src-cloud/admin/businesses';
import { issueEnrolCode } from '../../src-cloud/admin/enrol-codes';
import type { App } from '../../src-main/app';
import { enrol, pushNow } from '../../src-main/sync/service';
import { startTestCloud, type TestCloud } from '../cloud/cloud-server';
import { fails, ok, rowCount, testApp } from '../helpers';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
  Object.defineProperty(cloud.clock, 'now', { get: () => new Date() });
});
afterAll(async () => cloud.close());

const code = async (businessId: string) => (await issueEnrolCode(cloud.db, businessId, null, new Date())).code;

/** The first-run screen's path: the new owner, with a placeholder shop name the restore replaces. */
async function newLaptop(): Promise<App> {
  const app = await testApp();
  await ok(app, 'setup.create', { owner: { name: 'Sari Wulandari', username: 'sari', password: 'rahasia-toko-123' }, business: { name: 'Toko dari cloud' } });
  return app;
}

const empty = (app: App) => ({ customers: rowCount(app, 'customers'), products: rowCount(app, 'products'), transactions: rowCount(app, 'transactions') });
const dashboard = (app: App) => ok(app, 'dashboard.get', { period: 'this_year' });

describe('sync.restore: "Pulihkan dari cloud" on the first-run screen, through the real handlers', () => {
  it('says plainly when the code is wrong or the server unreachable; a cancel leaves the shop empty; trying again restores it all', async () => {
    const donor = await testApp();
    await ok(donor, 'setup.openDemo', {});
    const { id } = await createBusiness(cloud.db, { name: 'Toko Pindah Laptop' }, new Date());
    await enrol(donor.services, { server: cloud.url, code: await code(id) });
    await pushNow(donor.services);

    // Before anyone is logged in, nobody may restore into the shop.
    const before = await testApp();
    expect((await fails(before, 'sync.restore', { server: cloud.url, code: 'x' })).code).toBe('UNAUTHENTICATED');

    const app = await newLaptop();
    const wrong = await fails(app, 'sync.restore', { server: cloud.url, code: 'BUKAN-KODE' });
    expect(wrong.message).toMatch(/Kode pemulihan salah.*tetap kosong/);
    // No code and no earlier enrolment to fall back on: the same sentence, on the code's field.
    expect(await fails(app, 'sync.restore', { server: cloud.url })).toMatchObject({ code: 'VALIDATION_ERROR', details: { issues: [{ path: 'code' }] } });
    const unreachable = await fails(app, 'sync.restore', { server: 'http://127.0.0.1:9', code: await code(id) });
    expect(unreachable.message).toMatch(/tidak bisa dihubungi/);
    expect((await fails(app, 'sync.restore', { server: 'http://', code: 'x' })).message).toMatch(/Alamat server tidak valid/);

    // Cancel from another call once the sales start arriving.
    const seen: { entity: string; rows: number }[] = [];
    let cancelOnSales = true;
    const stop = app.services.events.subscribe((event) => {
      if (event.name !== 'sync.restoreProgress' || event.clientId !== 'owner') return;
      const progress = event.payload as { entity: string; rows: number };
      seen.push(progress);
      if (progress.entity === 'transactions' && cancelOnSales) {
        cancelOnSales = false;
        void ok(app, 'sync.restoreCancel', {});
      }
    });
    const spent = await code(id);
    const cancelled = await fails(app, 'sync.restore', { server: cloud.url, code: spent });
    expect(cancelled.message).toMatch(/dibatalkan.*tetap kosong/);
    expect(empty(app)).toEqual({ customers: 0, products: 0, transactions: 0 });

    // Trying again, from Settings without a code, or from the first-run screen with the same code
    // (spent by the first attempt's enrolment), brings everything.
    seen.length = 0;
    const counts = await ok(app, 'sync.restore', { server: cloud.url });
    stop();
    expect(counts.customers).toBe(rowCount(donor, 'customers'));
    expect(counts.transactions).toBe(rowCount(donor, 'transactions'));
    expect(seen.some((p) => p.entity === 'customers' && p.rows > 0)).toBe(true);
    expect(seen.at(-1)?.entity).toBe('settings');
    // The profile the donor laptop sent, not the name the first-run form or the console gave.
    expect((await ok(app, 'app.status', {})).business?.name).toBe((await ok(donor, 'app.status', {})).business?.name);
    expect((await dashboard(app)).current).toEqual((await dashboard(donor)).current);

    // Once the shop holds data, a restore is refused instead of mixing two shops.
    expect((await fails(app, 'sync.restore', { server: cloud.url, code: await code(id) })).message).toMatch(/sudah berisi data/);
  }, 240_000);
});
