import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../src-cloud/auth/admins';
import { CONSOLE_DIR } from '../src-cloud/server/console-static';
import { cloudPlugins } from '../src-cloud/server/plugins';
import { dateInZone } from '../src-shared/format/date';
import { formatRupiah } from '../src-shared/format/money';
import { segmentName } from '../src-shared/i18n/segments';
import type { SyncOp } from '../src-shared/sync/protocol';
import { startTestCloud, type TestCloud } from '../test/cloud/cloud-server';
import { SCREENSHOTS, settle } from './harness';

/**
 * The admin console in Chromium against the real cloud (a fresh database of the run's PostgreSQL):
 * a super admin signs in, adds a shop and issues a code read off the screen; a laptop enrols with
 * it and pushes its customers, sales and RFM run; the console then shows that shop's figures.
 */

const PASSWORD = 'kata-sandi-konsol-1';
let cloud: TestCloud;
let dir: string;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

/** Waits for a state on the page, generously: the machine may be busy. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

const shot = async (name: string) => {
  await settle(page);
  await page.screenshot({ path: join(SCREENSHOTS, `cloud-console-${name}.png`), fullPage: true });
};

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** `npm run test:e2e` builds the renderer only: the console is built here when a source is newer than it. */
async function ensureConsoleBuilt(): Promise<void> {
  const index = join(CONSOLE_DIR, 'index.html');
  const root = join(import.meta.dirname, '..');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built > Math.max(newestMtime(join(root, 'src-cloud', 'console')), newestMtime(join(root, 'src-shared')))) return;
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.cloud.config.ts'), logLevel: 'warn' });
}

beforeAll(async () => {
  await ensureConsoleBuilt();
  // The real clock: the code's countdown in the browser and the cloud's "this month" agree with it.
  cloud = await startTestCloud({ plugins: cloudPlugins, now: () => new Date() });
  await createAdmin(cloud.db, { username: 'admin', name: 'Super Admin', password: PASSWORD, role: 'super_admin' });
  dir = mkdtempSync(join(tmpdir(), 'sma-console-e2e-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1366, height: 860 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    acceptDownloads: true,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    // The login page's own wrong-password answer is a 401 the browser logs; everything else counts.
    if (msg.type() === 'error' && !/status of 401/.test(msg.text())) problems.push(`console error: ${msg.text()}`);
  });
});

afterAll(async () => {
  await context?.close();
  await cloud?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// --- The laptop: a shop's rows as the sync client sends them (src-shared/sync/protocol.ts) ---------

const stamp = (ms: number, counter: number) => `${String(ms).padStart(16, '0')}:${counter.toString(36).padStart(4, '0')}:laptop01`;

interface Shop {
  ops: SyncOp[];
  customers: { id: string; name: string; revenue: number }[];
  revenueThisMonth: number;
  segments: { segment: string; customers: number; revenue: number }[];
}

function laptopShop(now: Date): Shop {
  const today = dateInZone(now);
  const monthStart = `${today.slice(0, 8)}01`;
  const at = now.toISOString();
  const people = [
    { name: 'Sari Wulandari', city: 'Solo', sales: [1_250_000, 730_000] },
    { name: 'Budi Santoso', city: 'Klaten', sales: [415_500] },
    { name: 'Dewi Lestari', city: 'Solo', sales: [98_000, 120_000, 64_000] },
  ];
  const ops: SyncOp[] = [];
  const push = (entity: SyncOp['entity'], id: string, row: Record<string, unknown>) => ops.push({ seq: ops.length + 1, key: '', entity, id, op: 'upsert', hlc: stamp(now.getTime(), ops.length), row });
  const customers: Shop['customers'] = [];
  people.forEach((person, i) => {
    const id = uuidv7();
    push('customers', id, {
      id, code: `CUST-00${i + 1}`, name: person.name, phone: null, email: null, address: null, city: person.city, tags: [], notes: null,
      source: null, channel_identity: null, created_at: at, updated_at: at, deleted_at: null,
    });
    customers.push({ id, name: person.name, revenue: person.sales.reduce((a, b) => a + b, 0) });
    for (const amount of person.sales) {
      const tid = uuidv7();
      // Sales on the first of this month (Jakarta): "this month" whatever day the test runs.
      push('transactions', tid, {
        id: tid, customer_id: id, transaction_date: monthStart, amount, items: [{ product_id: null, name: 'Kain batik', qty: 1, price: amount }],
        channel: 'offline', campaign_code: null, invoice_no: null, notes: null, created_at: at, updated_at: at, deleted_at: null,
      });
    }
  });
  const segments = [
    { segment: 'champions', customers: 1, revenue: customers[0].revenue },
    { segment: 'promising', customers: 1, revenue: customers[2].revenue },
    { segment: 'at_risk', customers: 1, revenue: customers[1].revenue },
  ];
  const runId = uuidv7();
  push('rfm_runs', runId, { id: runId, analysis_date: today, method: 'fixed', customers: 3, segments, created_at: at, updated_at: at });
  return { ops, customers, revenueThisMonth: customers.reduce((sum, c) => sum + c.revenue, 0), segments };
}

async function post(path: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${cloud.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

// --- The console -----------------------------------------------------------------------------------

describe('the admin console', () => {
  let code = '';
  let token = '';
  let shop: Shop;

  it('signs a super admin in, adds a shop and issues a code shown once with its QR and countdown', async () => {
    await page.goto(cloud.url);
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill('salah-sekali-123');
    await page.getByTestId('login-submit').click();
    await poll(() => page.getByTestId('login-error').textContent()).toContain('Nama pengguna atau kata sandi salah');
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('businesses-empty').waitFor();
    await shot('01-empty');

    await page.getByTestId('business-create').first().click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Nama toko').fill('Toko Batik Sari');
    await form.getByLabel('Kota').fill('Solo');
    await form.getByLabel('Nama pemilik').fill('Sari Wulandari');
    await form.getByTestId('business-save').click();
    await poll(() => page.getByTestId('business-title').textContent()).toBe('Toko Batik Sari');
    expect(new URL(page.url()).pathname).toMatch(/^\/businesses\/[0-9a-f-]{36}$/);

    await page.getByTestId('issue-code').click();
    const shown = page.getByTestId('enrol-code');
    await shown.waitFor();
    code = (await shown.textContent())?.trim() ?? '';
    expect(code.length).toBeGreaterThanOrEqual(6);
    await page.getByTestId('enrol-qr').waitFor();
    await poll(() => page.getByTestId('enrol-expiry').textContent()).toMatch(/Berlaku 1[45]:\d\d lagi/);
    await shot('02-enrol-code');
    await page.getByTestId('enrol-done').click();
    await shown.waitFor({ state: 'detached' });
  });

  it('lets a laptop enrol with the code read off the screen and push its shop', async () => {
    const enrol = await post('/api/sync/enrol', { code, deviceName: 'Laptop kasir', appVersion: '0.1.0' });
    expect(enrol.status).toBe(200);
    token = String(enrol.body.token);
    shop = laptopShop(new Date());
    const pushed = await post('/api/sync/push', { after: { seq: 0, key: '' }, ops: shop.ops, pending: 4, appVersion: '0.1.0' }, token);
    expect(pushed.status).toBe(200);
    expect(pushed.body).toMatchObject({ applied: shop.ops.length, rejected: [] });
  });

  it("shows that shop's customers, revenue and segments in the list", async () => {
    await page.getByRole('link', { name: 'Semua toko' }).click();
    const row = page.locator('[data-testid="business-row"][data-business="Toko Batik Sari"]');
    await row.waitFor();
    await poll(() => row.getByTestId('col-customers').textContent()).toBe('3');
    expect(await row.getByTestId('col-revenue-this-month').textContent()).toBe(formatRupiah(shop.revenueThisMonth));
    const bar = row.getByTestId('segment-bar');
    const label = (await bar.getAttribute('aria-label')) ?? '';
    for (const s of shop.segments) expect(label).toContain(`${segmentName(s.segment as 'champions', 'id')} ${s.customers}`);
    await shot('03-businesses');

    // The table as shown, to Excel in the browser.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-menu').click().then(() => page.getByTestId('export-xlsx').click())]);
    const file = join(dir, 'toko.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const values = (sheet.getRow(2).values as unknown[]).slice(1);
    const cell = (header: string) => values[headers.indexOf(header)];
    expect(cell('Nama')).toBe('Toko Batik Sari');
    expect(cell('Pelanggan')).toBe(3);
    expect(cell('Omzet bulan ini')).toBe(shop.revenueThisMonth);
    expect(sheet.rowCount).toBe(2);
  });

  it('opens the shop: figures, chart, segments, top customers, device and sync log', async () => {
    await page.locator('[data-testid="business-row"][data-business="Toko Batik Sari"]').getByTestId('business-link').click();
    await poll(() => page.getByTestId('stat-customers').textContent()).toBe('3');
    expect(await page.getByTestId('stat-revenue-this-month').textContent()).toBe(formatRupiah(shop.revenueThisMonth));
    expect(await page.getByTestId('stat-pending').textContent()).toBe('4');
    await page.getByTestId('months-chart').waitFor();
    const segmentRows = page.getByTestId('segments-table').locator('tbody tr');
    await poll(() => segmentRows.count()).toBe(shop.segments.length);
    for (const s of shop.segments) expect(await page.getByTestId('segments-table').locator(`tr[data-segment="${s.segment}"]`).textContent()).toContain(formatRupiah(s.revenue));
    const top = [...shop.customers].sort((a, b) => b.revenue - a.revenue);
    await poll(() => page.getByTestId('top-customers').locator('tbody tr').first().textContent()).toContain(top[0].name);
    await shot('04-business');

    await page.getByTestId('tab-devices').click();
    const device = page.getByTestId('device-row');
    await poll(() => device.textContent()).toContain('Laptop kasir');
    await shot('05-devices');

    await page.getByTestId('tab-sync').click();
    await page.locator('[data-testid="sync-log-row"][data-kind="push"]').first().waitFor();
    await page.getByTestId('rejected-empty').waitFor();
    await shot('06-sync-log');
  });

  it('revokes the device after a confirmation, and its next push is refused', async () => {
    await page.getByTestId('tab-devices').click();
    await page.getByTestId('device-revoke').click();
    await page.getByTestId('confirm-revoke').click();
    await poll(() => page.getByTestId('device-row').textContent()).toContain('Dicabut');
    const again = await post('/api/sync/push', { after: { seq: shop.ops.length, key: '' }, ops: shop.ops.slice(0, 1).map((op) => ({ ...op, seq: shop.ops.length + 1 })), pending: 0, appVersion: '0.1.0' }, token);
    expect(again.status).toBe(401);
  });

  it('shows the audit log, the health page, and switches to English', async () => {
    await page.getByTestId('nav-audit').click();
    await page.locator('[data-testid="audit-row"]').first().waitFor();
    await shot('07-audit');

    await page.getByTestId('nav-health').click();
    await poll(() => page.getByTestId('health-status').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('health-version').textContent()).toBe('test');
    await shot('08-health');

    await page.getByTestId('language-switch').getByText('EN').click();
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Server health');
    await page.getByTestId('nav-businesses').click();
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Shops');
    await shot('09-english');
    await page.getByTestId('language-switch').getByText('ID').click();
    expect(problems).toEqual([]);
  });
});
