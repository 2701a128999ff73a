import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBusiness } from '../src-cloud/admin/businesses';
import { issueEnrolCode } from '../src-cloud/admin/enrol-codes';
import { enrol, pushNow } from '../src-main/sync/service';
import { startTestCloud, type TestCloud } from '../test/cloud/cloud-server';
import { ok, testApp } from '../test/helpers';
import { openSession, settle, type Session } from './harness';

let cloud: TestCloud;
let session: Session | null = null;
beforeAll(async () => {
  cloud = await startTestCloud();
  // The laptop stamps its changes with the real clock; the cloud must agree on what "now" is.
  Object.defineProperty(cloud.clock, 'now', { get: () => new Date() });
});
afterEach(async () => {
  await session?.close();
  session = null;
});
afterAll(async () => cloud?.close());

/**
 * The cloud behind a door that holds the first page of sales until the test opens it: the progress
 * screen stays up, with the customers counted, long enough to be seen and photographed.
 */
async function gatedCloud(target: string) {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.url?.includes('entity=transactions')) await opened;
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k === 'authorization' || k === 'content-type')) as Record<
          string,
          string
        >;
        const answer = await fetch(new URL(req.url ?? '/', target), {
          method: req.method,
          headers,
          body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
        });
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await answer.arrayBuffer()));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    open: () => open(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('Pulihkan dari cloud on the first-run screen', () => {
  it('a fresh laptop: owner and code, a wrong code said plainly, then progress and the restored dashboard', async () => {
    // The shop's old laptop: the demo shop, pushed to the cloud.
    const donor = await testApp();
    await ok(donor, 'setup.openDemo', {});
    // The profile the old laptop keeps (and pushes) is what the restored one shows.
    const { type, phone, email, address, city } = await ok(donor, 'business.get', {});
    await ok(donor, 'business.update', { type, phone, email, address, city, name: 'Toko Pulih Cloud' });
    const { id } = await createBusiness(cloud.db, { name: 'Toko Pulih Cloud' }, new Date());
    await enrol(donor.services, { server: cloud.url, code: (await issueEnrolCode(cloud.db, id, null, new Date())).code });
    await pushNow(donor.services);
    const expected = await ok(donor, 'dashboard.get', {});
    const gate = await gatedCloud(cloud.url);

    try {
      session = await openSession('sync-restore');
      const { page, shot } = session;
      await page.getByTestId('setup-restore').waitFor();
      await settle(page);
      await shot('01-welcome');

      await page.getByTestId('setup-restore').click();
      await page.getByTestId('restore-server').fill(gate.url);
      await page.getByTestId('restore-code').fill('SALAH-0000-0000');
      await page.getByTestId('restore-owner-name').fill('Sari Wulandari');
      await page.getByTestId('restore-owner-username').fill('sari');
      await page.getByTestId('restore-owner-password').fill('rahasia-toko-123');
      await page.getByTestId('restore-owner-confirm').fill('rahasia-toko-123');
      await settle(page);
      await shot('02-form');
      await page.getByTestId('restore-submit').click();

      // A wrong code: said plainly, the owner kept, only the code asked again.
      await page.getByTestId('restore-failure').filter({ hasText: 'Kode pemulihan salah' }).waitFor();
      expect(await page.getByTestId('restore-owner-name').count()).toBe(0);
      await settle(page);
      await shot('03-wrong-code');

      await page.getByTestId('restore-code').fill((await issueEnrolCode(cloud.db, id, null, new Date())).code);
      await page.getByTestId('restore-submit').click();
      await page
        .getByTestId('restore-count-customers')
        .filter({ hasText: /^[1-9][\d.]*$/ })
        .waitFor();
      await shot('04-progress');
      gate.open();

      await page.getByTestId('business-name').filter({ hasText: 'Toko Pulih Cloud' }).waitFor();
      const revenue = Math.round(expected.current.revenue);
      await page
        .getByTestId('kpi-revenue-value')
        .filter({ hasText: /^Rp [\d.]+$/ })
        .waitFor();
      const shown = await page.getByTestId('kpi-revenue-value').textContent();
      expect(Number(shown?.replace(/\D/g, ''))).toBe(revenue);
      expect(revenue).toBeGreaterThan(0);
      await page.getByTestId('user-menu').waitFor();
      await settle(page);
      await shot('05-dashboard');
    } finally {
      await gate.close();
    }
  }, 300_000);

  it('Cancel leaves the shop empty; the owner opens it and restores later from Settings → Sinkronisasi', async () => {
    const donor = await testApp();
    await ok(donor, 'setup.openDemo', {});
    // The profile the old laptop keeps (and pushes) is what the restored one shows.
    const { type, phone, email, address, city } = await ok(donor, 'business.get', {});
    await ok(donor, 'business.update', { type, phone, email, address, city, name: 'Toko Coba Lagi' });
    const { id } = await createBusiness(cloud.db, { name: 'Toko Coba Lagi' }, new Date());
    await enrol(donor.services, { server: cloud.url, code: (await issueEnrolCode(cloud.db, id, null, new Date())).code });
    await pushNow(donor.services);
    const expected = await ok(donor, 'dashboard.get', {});
    const gate = await gatedCloud(cloud.url);

    try {
      session = await openSession('sync-restore-retry');
      const { page, shot } = session;
      await page.getByTestId('setup-restore').click();
      await page.getByTestId('restore-server').fill(gate.url);
      await page.getByTestId('restore-code').fill((await issueEnrolCode(cloud.db, id, null, new Date())).code);
      await page.getByTestId('restore-owner-name').fill('Sari Wulandari');
      await page.getByTestId('restore-owner-username').fill('sari');
      await page.getByTestId('restore-owner-password').fill('rahasia-toko-123');
      await page.getByTestId('restore-owner-confirm').fill('rahasia-toko-123');
      await page.getByTestId('restore-submit').click();
      await page
        .getByTestId('restore-count-customers')
        .filter({ hasText: /^[1-9][\d.]*$/ })
        .waitFor();
      await page.getByTestId('restore-cancel').click();
      // The held page of sales arrives; the restore stops there and rolls back.
      gate.open();
      await page.getByTestId('restore-failure').filter({ hasText: 'dibatalkan' }).waitFor();
      expect(session.app.services.sqlite.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 0 });
      await settle(page);
      await shot('01-cancelled');

      await page.getByTestId('restore-skip').click();
      await page.getByTestId('user-menu').waitFor();
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-tab-sync').click();
      // Enrolled by the cancelled attempt: no new code needed.
      await page.getByTestId('sync-restore').waitFor();
      await settle(page);
      await shot('02-settings-card');
      await page.getByTestId('sync-restore').click();
      await page.getByTestId('business-name').filter({ hasText: 'Toko Coba Lagi' }).waitFor();
      // The card goes once the shop holds data.
      await page.getByTestId('sync-restore').waitFor({ state: 'detached' });
      await page.getByTestId('nav-dashboard').click();
      await page
        .getByTestId('kpi-revenue-value')
        .filter({ hasText: /^Rp [\d.]+$/ })
        .waitFor();
      expect(Number((await page.getByTestId('kpi-revenue-value').textContent())?.replace(/\D/g, ''))).toBe(Math.round(expected.current.revenue));
      await settle(page);
      await shot('03-dashboard');
    } finally {
      await gate.close();
    }
  }, 300_000);
});
