import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusiness } from '../../src-cloud/admin/businesses';
import { allBusinessFigures, businessFigures, monthBounds } from '../../src-cloud/admin/figures';
import { enrolledShop, startTestCloud, type TestCloud } from './cloud-server';
import { ShopOutbox } from './shop-ops';

let cloud: TestCloud;
let sari: { businessId: string; deviceId: string; token: string };
let maju: { businessId: string; deviceId: string; token: string };
let empty: string;
let sariOps: ShopOutbox;
const pushedAt = new Date('2026-12-01T04:00:00Z');

beforeAll(async () => {
  cloud = await startTestCloud();
  sari = await enrolledShop(cloud, 'Toko Sari');
  maju = await enrolledShop(cloud, 'Warung Maju');
  empty = (await createBusiness(cloud.db, { name: 'Toko Kosong', ownerName: 'Bu Rina' }, cloud.clock.now)).id;

  cloud.clock.now = pushedAt;
  sariOps = new ShopOutbox(cloud);
  const ani = sariOps.customer('Ani');
  const budi = sariOps.customer('Budi');
  sariOps.customer('Citra (dihapus)', { deleted_at: '2026-11-20T01:00:00.000Z' });
  const dodi = sariOps.customer('Dodi (hilang)');
  sariOps.remove('customers', dodi);
  sariOps.transaction(ani, '2026-12-01', 150_000); // this month (Jakarta)
  sariOps.transaction(budi, '2026-11-30', 200_000); // last month
  sariOps.transaction(ani, '2026-11-01', 50_000); // last month
  sariOps.transaction(ani, '2026-10-31', 70_000); // older
  sariOps.transaction(budi, '2026-12-01', 999, { deleted_at: '2026-12-01T03:30:00.000Z' });
  const gone = sariOps.transaction(budi, '2026-11-15', 12_345);
  sariOps.remove('transactions', gone);
  sariOps.rfmRun('2026-11-01', [{ segment: 'Champions', customers: 9, revenue: 1 }]);
  sariOps.rfmRun('2026-11-30', [
    { segment: 'Champions', customers: 1, revenue: 150_000 },
    { segment: 'At Risk', customers: 1, revenue: 200_000 },
  ]);
  await sariOps.push(sari.token, 7);

  const majuOps = new ShopOutbox(cloud);
  const eka = majuOps.customer('Eka');
  majuOps.transaction(eka, '2026-12-01', 1_000);
  await majuOps.push(maju.token, 0);
});
afterAll(async () => cloud.close());

describe('business figures', () => {
  it('counts only the live rows of the one business, months in Asia/Jakarta', async () => {
    const figures = await businessFigures(cloud.db, sari.businessId, pushedAt);
    expect(figures).toEqual({
      id: sari.businessId,
      name: 'Toko Sari',
      city: 'Solo',
      ownerName: null,
      status: 'active',
      devices: [
        { id: sari.deviceId, name: 'Laptop kasir', lastSeenAt: pushedAt.toISOString(), lastSeq: sariOps.seq, pending: 7, appVersion: '0.1.0', revokedAt: null },
      ],
      customers: 2,
      transactions: 4,
      revenue: 150_000 + 200_000 + 50_000 + 70_000,
      revenueThisMonth: 150_000,
      revenueLastMonth: 250_000,
      lastSyncAt: pushedAt.toISOString(),
      pendingOps: 7,
      segments: [
        { segment: 'Champions', customers: 1 },
        { segment: 'At Risk', customers: 1 },
      ],
    });
  });

  it('turns the month at midnight in Jakarta, not in UTC', async () => {
    const lastMinuteOfNovember = await businessFigures(cloud.db, sari.businessId, new Date('2026-11-30T16:59:59Z'));
    expect(lastMinuteOfNovember).toMatchObject({ revenueThisMonth: 250_000, revenueLastMonth: 70_000 });
    const firstMinuteOfDecember = await businessFigures(cloud.db, sari.businessId, new Date('2026-11-30T17:00:00Z'));
    expect(firstMinuteOfDecember).toMatchObject({ revenueThisMonth: 150_000, revenueLastMonth: 250_000 });
    expect(monthBounds(new Date('2027-01-10T00:00:00Z'))).toEqual({ lastMonth: '2026-12-01', thisMonth: '2027-01-01', nextMonth: '2027-02-01' });
  });

  it('gives zeros and no segments for a shop that has not synced', async () => {
    expect(await businessFigures(cloud.db, empty, pushedAt)).toEqual({
      id: empty,
      name: 'Toko Kosong',
      city: null,
      ownerName: 'Bu Rina',
      status: 'active',
      devices: [],
      customers: 0,
      transactions: 0,
      revenue: 0,
      revenueThisMonth: 0,
      revenueLastMonth: 0,
      lastSyncAt: null,
      pendingOps: 0,
      segments: null,
    });
  });

  it('answers null for an unknown or malformed id', async () => {
    expect(await businessFigures(cloud.db, '0190a3c4-0000-7000-8000-000000000000', pushedAt)).toBeNull();
    expect(await businessFigures(cloud.db, 'not-an-id', pushedAt)).toBeNull();
  });

  it('gives every business the same figures as one at a time', async () => {
    const all = await allBusinessFigures(cloud.db, pushedAt);
    expect(all.map((b) => b.name)).toEqual(['Toko Sari', 'Warung Maju', 'Toko Kosong']);
    for (const one of all) expect(one).toEqual(await businessFigures(cloud.db, one.id, pushedAt));
    expect(all[1]).toMatchObject({ customers: 1, transactions: 1, revenue: 1_000, revenueThisMonth: 1_000, revenueLastMonth: 0, segments: null });
  });
});
