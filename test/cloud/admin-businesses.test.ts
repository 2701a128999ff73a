import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCall, adminSession, startAdminCloud } from './admin-client';
import { pushSmallShop } from './admin-shop';
import { call, type TestCloud } from './cloud-server';

let cloud: TestCloud;
let root: { id: string; session: string };
beforeAll(async () => {
  cloud = await startAdminCloud();
  root = await adminSession(cloud, 'root', 'super_admin');
});
afterAll(async () => cloud.close());

const get = (path: string) => adminCall(cloud, 'GET', path, root.session);
const post = (path: string, body: unknown = {}) => adminCall(cloud, 'POST', path, root.session, body);

/** A business made, a code issued and a laptop enrolled, all through the console API. */
async function consoleShop(name: string) {
  const created = await post('/api/admin/businesses', { name, city: 'Solo', ownerName: 'Bu Sari' });
  expect(created.status).toBe(200);
  const id = created.body.id as string;
  const issued = await post(`/api/admin/businesses/${id}/enrol-codes`);
  expect(issued.body).toEqual({ code: expect.stringMatching(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/), expiresAt: '2026-12-01T03:15:00.000Z' });
  const open = await get(`/api/admin/businesses/${id}/enrol-codes`);
  expect(open.body).toEqual({ codes: [{ createdAt: '2026-12-01T03:00:00.000Z', expiresAt: '2026-12-01T03:15:00.000Z', createdBy: 'root' }] });
  const enrol = await call(cloud, 'POST', '/api/sync/enrol', null, { code: issued.body.code, deviceName: 'Kasir', appVersion: '0.1.0' });
  expect(enrol.status).toBe(200);
  expect((await get(`/api/admin/businesses/${id}/enrol-codes`)).body).toEqual({ codes: [] });
  return { id, token: enrol.body.token as string, deviceId: enrol.body.deviceId as string };
}

describe('businesses in the console', () => {
  it('lists each shop with figures counted from what it pushed, and shows one in detail', async () => {
    const shop = await consoleShop('Toko Sari');
    const empty = await consoleShop('Toko Kosong');
    const pushed = await pushSmallShop(cloud, shop.token);

    const list = await get('/api/admin/businesses');
    expect(list.status).toBe(200);
    const byName = Object.fromEntries((list.body.businesses as { name: string }[]).map((b) => [b.name, b]));
    expect(byName['Toko Sari']).toMatchObject({
      id: shop.id,
      city: 'Solo',
      ownerName: 'Bu Sari',
      status: 'active',
      devices: 1,
      pendingOps: 4,
      customers: 2,
      transactions: 3,
      revenue: 500_000,
      revenueThisMonth: 200_000,
      revenueLastMonth: 300_000,
      lastSyncAt: '2026-12-01T03:00:00.000Z',
      segments: [
        { segment: 'champions', customers: 1 },
        { segment: 'new_customers', customers: 1 },
      ],
    });
    expect(byName['Toko Kosong']).toMatchObject({ id: empty.id, devices: 1, customers: 0, transactions: 0, revenue: 0, segments: null });
    // Enrolment counts as reaching the cloud (admin/figures.ts): a shop that never pushed still shows when.
    expect(byName['Toko Kosong']).toMatchObject({ lastSyncAt: '2026-12-01T03:00:00.000Z' });

    const detail = await get(`/api/admin/businesses/${shop.id}`);
    expect(detail.status).toBe(200);
    const months = detail.body.months as { month: string; revenue: number; transactions: number; customers: number }[];
    expect(months).toHaveLength(12);
    expect(months.slice(-2)).toEqual([
      { month: '2026-11', transactions: 1, revenue: 300_000, customers: 1 },
      { month: '2026-12', transactions: 2, revenue: 200_000, customers: 2 },
    ]);
    expect(detail.body.topCustomers).toEqual([
      { id: pushed.ani, code: 'C-Ani', name: 'Ani', city: 'Solo', transactions: 2, revenue: 450_000 },
      { id: pushed.budi, code: 'C-Budi', name: 'Budi', city: 'Solo', transactions: 1, revenue: 50_000 },
    ]);
    expect(detail.body.rfm).toMatchObject({ analysisDate: '2026-12-01', method: 'fixed', customers: 2 });
    expect(detail.body.rejectedOps).toEqual([expect.objectContaining({ seq: 9, entity: 'customers', reason: expect.stringContaining('tags') })]);
    expect(detail.body.ai).toEqual({
      quota: null,
      callsThisMonth: 1,
      costThisMonth: 120.5,
      months: [
        { month: '2026-11', calls: 1, promptTokens: 10, completionTokens: 5, cost: 20 },
        { month: '2026-12', calls: 1, promptTokens: 100, completionTokens: 50, cost: 120.5 },
      ],
    });
    expect(detail.body.devices).toEqual([
      expect.objectContaining({ id: shop.deviceId, name: 'Kasir', appVersion: '0.1.0', lastSeq: 9, pending: 4, revokedAt: null }),
    ]);
    // Nothing of another shop's rows leaks into this one's detail.
    expect(JSON.stringify((await get(`/api/admin/businesses/${empty.id}`)).body)).not.toContain('Ani');

    const log = await get(`/api/admin/businesses/${shop.id}/sync-log?limit=1`);
    expect(log.body.items).toEqual([expect.objectContaining({ kind: 'push', ops: 9, applied: 8, rejected: 1 })]);
    const older = await get(`/api/admin/businesses/${shop.id}/sync-log?limit=1&before=${String(log.body.next)}`);
    expect(older.body).toEqual({ items: [expect.objectContaining({ kind: 'enrol' })], next: null });
  });

  it('edits, suspends and resumes a shop, and a suspended shop cannot push', async () => {
    const shop = await consoleShop('Toko Edit');
    expect((await adminCall(cloud, 'PATCH', `/api/admin/businesses/${shop.id}`, root.session, { city: 'Klaten', phone: '+6281111' })).status).toBe(200);
    expect((await post(`/api/admin/businesses/${shop.id}/suspend`)).body).toEqual({ status: 'suspended' });
    expect((await call(cloud, 'GET', '/api/sync/pull', shop.token)).status).toBe(403);
    // Refused, so not audited below.
    expect((await post(`/api/admin/businesses/${shop.id}/enrol-codes`)).body.error).toBe('SUSPENDED');
    expect((await post(`/api/admin/businesses/${shop.id}/resume`)).body).toEqual({ status: 'active' });
    expect((await call(cloud, 'GET', '/api/sync/pull', shop.token)).status).toBe(200);
    const detail = await get(`/api/admin/businesses/${shop.id}`);
    expect(detail.body.business).toMatchObject({ city: 'Klaten', phone: '+6281111', status: 'active' });
    const audit = await get(`/api/admin/audit?businessId=${shop.id}`);
    expect((audit.body.items as { action: string }[]).map((a) => a.action)).toEqual([
      'business.resume',
      'business.suspend',
      'business.edit',
      'enrol_code.issue',
      'business.create',
    ]);
  });

  it('revokes a device: its next push gets 401, and the pair must match', async () => {
    const shop = await consoleShop('Toko Cabut');
    const other = await consoleShop('Toko Lain');
    expect((await post(`/api/admin/businesses/${other.id}/devices/${shop.deviceId}/revoke`)).status).toBe(404);
    expect((await call(cloud, 'GET', '/api/sync/pull', shop.token)).status).toBe(200);
    const revoked = await post(`/api/admin/businesses/${shop.id}/devices/${shop.deviceId}/revoke`);
    expect(revoked.body).toEqual({ revokedAt: '2026-12-01T03:00:00.000Z' });
    const push = await call(cloud, 'POST', '/api/sync/push', shop.token, { after: { seq: 0, key: '' }, ops: [], pending: 0, appVersion: '0.1.0' });
    expect(push.status).toBe(401);
    expect((await get(`/api/admin/businesses/${shop.id}/devices`)).body.devices).toEqual([
      expect.objectContaining({ id: shop.deviceId, revokedAt: '2026-12-01T03:00:00.000Z' }),
    ]);
  });
});

describe('settings sent down', () => {
  it('sends RFM defaults to all, an AI quota and an announcement to one shop, through pull', async () => {
    const a = await consoleShop('Toko Pull A');
    const b = await consoleShop('Toko Pull B');
    const cells = {
      champions: ['5-4', '5-5'],
      loyal: ['3-4', '3-5', '4-4', '4-5'],
      potential_loyalist: ['4-2', '4-3', '5-2', '5-3'],
      new_customers: ['5-1'],
      promising: ['4-1'],
      need_attention: ['3-3'],
      about_to_sleep: ['3-1', '3-2'],
      at_risk: ['1-3', '1-4', '2-3', '2-4'],
      cant_lose_them: ['1-5', '2-5'],
      hibernating: ['2-1', '2-2'],
      lost: ['1-1', '1-2'],
    };
    const edges = { recencyDays: [30, 60, 90, 180], frequency: [1, 2, 5, 10], monetary: [100_000, 500_000, 1_000_000, 5_000_000] };
    const bad = await adminCall(cloud, 'PUT', '/api/admin/settings/rfm', root.session, { edges, segmentCells: { ...cells, lost: ['1-1'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('1-2');
    expect(
      (await adminCall(cloud, 'PUT', '/api/admin/settings/rfm', root.session, { edges: { ...edges, frequency: [5, 2, 1, 10] }, segmentCells: cells })).status,
    ).toBe(400);
    const rfm = await adminCall(cloud, 'PUT', '/api/admin/settings/rfm', root.session, { edges, segmentCells: cells });
    expect(rfm.status).toBe(200);
    expect((await get('/api/admin/settings')).body).toEqual({ rfmDefaults: { edges, segmentCells: cells }, rfmDefaultsVersion: rfm.body.version });

    expect((await adminCall(cloud, 'PUT', `/api/admin/businesses/${a.id}/ai-quota`, root.session, { monthlyQuota: 300 })).status).toBe(200);
    expect((await post('/api/admin/announcements', { businessId: a.id, title: 'Libur', body: 'Server libur Minggu.' })).status).toBe(200);
    expect((await post('/api/admin/announcements', { businessId: null, title: 'Semua', body: 'Versi baru.' })).status).toBe(200);

    const pullA = await call(cloud, 'GET', '/api/sync/pull', a.token);
    const pullB = await call(cloud, 'GET', '/api/sync/pull', b.token);
    const keys = (p: typeof pullA) => (p.body.items as { key: string; value: unknown }[]).map((i) => [i.key, i.value]);
    expect(keys(pullA)).toEqual([
      ['rfm.defaults', { edges, segmentCells: cells }],
      ['ai.monthly_quota', { monthlyQuota: 300 }],
      ['announcement', { title: 'Libur', body: 'Server libur Minggu.' }],
      ['announcement', { title: 'Semua', body: 'Versi baru.' }],
    ]);
    expect(keys(pullB)).toEqual([
      ['rfm.defaults', { edges, segmentCells: cells }],
      ['announcement', { title: 'Semua', body: 'Versi baru.' }],
    ]);
    expect((await get(`/api/admin/businesses/${a.id}`)).body.ai).toMatchObject({ quota: 300 });
    const list = await get('/api/admin/announcements');
    expect((list.body.announcements as { title: string; businessName: string | null }[]).map((x) => [x.title, x.businessName])).toEqual([
      ['Semua', null],
      ['Libur', 'Toko Pull A'],
    ]);
  });

  it('pages the audit log backwards', async () => {
    const first = await get('/api/admin/audit?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await get(`/api/admin/audit?limit=2&before=${String(first.body.next)}`);
    expect((second.body.items as { id: number }[])[0].id).toBeLessThan((first.body.items as { id: number }[])[1].id);
    const logins = await get('/api/admin/audit?action=login.ok');
    expect(logins.body.items).toEqual([expect.objectContaining({ adminUsername: 'root', ip: '127.0.0.1', details: { username: 'root' } })]);
  });
});
