import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '../scripts/console-build.mjs';
import { createBusiness } from '../src-cloud/admin/businesses';
import { adminApi } from '../src-cloud/admin/routes';
import { createAdmin } from '../src-cloud/auth/admins';
import { consoleStatic } from '../src-cloud/server/console-static';
import { PACKAGES, pushCatalogue } from '../test/assistant/harness';
import { startTestCloud, type TestCloud } from '../test/cloud/cloud-server';
import { openConsoleBrowser } from './console-browser';
import { SCREENSHOTS, settle } from './harness';

/**
 * The console's catalogue tab in Chromium: the packages a shop's laptop pushed, read-only, for a
 * support account. The cloud runs without the assistant's key: the catalogue is shop data.
 */
const PASSWORD = 'kata-sandi-konsol-1';
let cloud: TestCloud;
let dir: string;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  await ensureConsoleBuilt({ quiet: true });
  cloud = await startTestCloud({ plugins: [adminApi, consoleStatic()], now: () => new Date() });
  await createAdmin(cloud.db, { username: 'cs', name: 'Dewi Support', password: PASSWORD, role: 'support' });
  dir = mkdtempSync(join(tmpdir(), 'sma-console-catalogue-e2e-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  ({ context, page } = await openConsoleBrowser(dir, problems));
});

afterAll(async () => {
  await context?.close();
  await cloud?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the console's catalogue of a shop", () => {
  it('lists what the laptop offered, empty until it has', async () => {
    const amanah = await createBusiness(cloud.db, { name: 'Travel Amanah', city: 'Solo' }, new Date());
    const barokah = await createBusiness(cloud.db, { name: 'Travel Barokah', city: 'Solo' }, new Date());
    // The enrol code the push uses is dated by the test clock: now, as the server's.
    cloud.clock.now = new Date();
    await pushCatalogue(cloud, amanah.id, PACKAGES);

    await page.goto(cloud.url);
    await page.getByLabel('Nama pengguna').fill('cs');
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-businesses').waitFor();

    await page.goto(`${cloud.url}/businesses/${amanah.id}?tab=catalogue`);
    const rows = page.getByTestId('catalogue-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    const first = (await rows.first().textContent()) ?? '';
    for (const part of [
      'UMR_APR_2025_PLUS',
      'Paket Umroh April 2025 Plus',
      'Rp 32.500.000',
      '10/04/2025 – 21/04/2025',
      'Terbatas',
      'City tour Thaif',
      'Gambar',
      'Brosur',
    ])
      expect(first).toContain(part);
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-catalogue-01-packages.png'), fullPage: true });

    await page.goto(`${cloud.url}/businesses/${barokah.id}?tab=catalogue`);
    await page.getByText('Belum ada paket').waitFor();
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-catalogue-02-empty.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);
});
