import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusiness } from '../../src-cloud/admin/businesses';
import { issueEnrolCode } from '../../src-cloud/admin/enrol-codes';
import { addPushdown } from '../../src-cloud/admin/pushdowns';
import { createAdmin } from '../../src-cloud/auth/admins';
import { cellsFromGrid, DEFAULT_SEGMENT_GRID } from '../../src-shared/rfm/rules';
import { pullNow } from '../../src-main/sync/pull';
import { enrol } from '../../src-main/sync/service';
import { tokenStore } from '../../src-main/sync/token-store';
import { startTestCloud, type TestCloud } from '../cloud/cloud-server';
import { ok, shopWithOwner } from '../helpers';

let cloud: TestCloud;
let adminId: string;
beforeAll(async () => {
  cloud = await startTestCloud();
  Object.defineProperty(cloud.clock, 'now', { get: () => new Date() });
  adminId = (await createAdmin(cloud.db, { username: 'pusat', name: 'Pusat', password: 'kata-sandi-pusat', role: 'super_admin' })).id;
});
afterAll(async () => cloud.close());

const EDGES = { recencyDays: [20, 45, 90, 200], frequency: [1, 3, 6, 12], monetary: [50_000, 250_000, 750_000, 2_000_000] };

async function enrolledShop() {
  const app = await shopWithOwner();
  const { id } = await createBusiness(cloud.db, { name: 'Toko Pull' }, new Date());
  const { code } = await issueEnrolCode(cloud.db, id, null, new Date());
  await enrol(app.services, { server: cloud.url, code });
  const pull = () => pullNow({ ...app.services, token: tokenStore(app.services).get() as string });
  return { app, businessId: id, pull };
}

describe('pull: central settings come down', () => {
  it('applies the RFM defaults and an announcement once, with the cursor in the same transaction', async () => {
    const { app, businessId, pull } = await enrolledShop();
    await addPushdown(
      cloud.db,
      { businessId: null, kind: 'setting', key: 'rfm.defaults', value: { edges: EDGES, segmentCells: cellsFromGrid(DEFAULT_SEGMENT_GRID) }, adminId },
      new Date(),
    );
    await addPushdown(
      cloud.db,
      { businessId, kind: 'announcement', key: 'announcement', value: { title: 'Libur', body: 'Server libur Minggu.' }, adminId },
      new Date(),
    );
    await addPushdown(cloud.db, { businessId, kind: 'setting', key: 'ai.monthly_quota', value: { monthlyQuota: 250_000 }, adminId }, new Date());
    const first = await pull();
    expect(first.applied).toBe(3);
    const settings = await ok(app, 'settings.get', {});
    expect(settings.rfmEdges).toEqual(EDGES);
    expect(settings.aiMonthlyQuota).toEqual({ kind: 'rupiah', limit: 250_000 });
    const announcements = JSON.parse(
      (app.services.sqlite.prepare("SELECT value FROM settings WHERE key = 'cloud.announcements'").get() as { value: string }).value,
    ) as { title: string }[];
    expect(announcements.map((a) => a.title)).toEqual(['Libur']);
    const cursor = (app.services.sqlite.prepare('SELECT pull_cursor FROM sync_state').get() as { pull_cursor: number }).pull_cursor;
    expect(cursor).toBe(first.cursor);
    // Nothing new: nothing applied again.
    expect((await pull()).applied).toBe(0);
  });

  it("keeps the owner's own later change over an older pulled one, and takes a newer one", async () => {
    const { app, pull } = await enrolledShop();
    await addPushdown(
      cloud.db,
      { businessId: null, kind: 'setting', key: 'rfm.defaults', value: { edges: EDGES, segmentCells: cellsFromGrid(DEFAULT_SEGMENT_GRID) }, adminId },
      new Date(Date.now() - 60_000),
    );
    const mine = { ...EDGES, recencyDays: [10, 30, 60, 120] };
    // The owner changed the edges after the console did (the pulled stamp is a minute older).
    await ok(app, 'settings.update', { rfmEdges: mine });
    await pull();
    expect((await ok(app, 'settings.get', {})).rfmEdges).toEqual(mine);

    const later = { ...EDGES, recencyDays: [15, 40, 80, 160] };
    await addPushdown(
      cloud.db,
      { businessId: null, kind: 'setting', key: 'rfm.defaults', value: { edges: later, segmentCells: cellsFromGrid(DEFAULT_SEGMENT_GRID) }, adminId },
      new Date(Date.now() + 1_000),
    );
    await pull();
    expect((await ok(app, 'settings.get', {})).rfmEdges).toEqual(later);
    // And the laptop's clock moved past the pulled stamp: its next change sorts after it.
    await ok(app, 'settings.update', { rfmEdges: mine });
    expect((await ok(app, 'settings.get', {})).rfmEdges).toEqual(mine);
  });
});
