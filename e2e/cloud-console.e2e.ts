import { openConsoleBrowser } from './console-browser';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '../scripts/console-build.mjs';
import { createAdmin } from '../src-cloud/auth/admins';
import { totpCode } from '../src-cloud/auth/totp';
import { cloudPlugins } from '../src-cloud/server/plugins';
import { dateInZone } from '../src-shared/format/date';
import { formatRupiah, formatRupiahShort } from '../src-shared/format/money';
import { segmentName } from '../src-shared/i18n/segments';
import type { SegmentId } from '../src-shared/rfm/rules';
import { formatCount } from '../src-cloud/console/format';
import { startTestCloud, type TestCloud } from '../test/cloud/cloud-server';
import { SCREENSHOTS, settle } from './harness';

/**
 * The admin console in Chromium against the real cloud (a fresh database of the run's PostgreSQL):
 * a super admin signs in, adds a shop and issues a code read off the screen; a laptop (the app's
 * CLI on a demo shop) enrols with it and pushes; the console then shows that shop's figures.
 */

const PASSWORD = 'kata-sandi-konsol-1';
/** The real clock, moved on by `skew` so a second authenticator code need not wait 30 s for its step. */
let skew = 0;
const cloudNow = () => new Date(Date.now() + skew);
let cloud: TestCloud;
let dir: string;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

/** Rupiah as the console's Money writes it: in full below a billion, short (full on hover) above. */
const money = (amount: number) => (Math.abs(amount) < 1e9 ? formatRupiah(amount) : formatRupiahShort(amount));

/** Waits for a state on the page, generously: the machine may be busy. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

const shot = async (name: string) => {
  await settle(page);
  await page.screenshot({ path: join(SCREENSHOTS, `cloud-console-${name}.png`), fullPage: true });
};

beforeAll(async () => {
  // `npm run test:e2e` builds the renderer only: the console is built here when a source is newer.
  await ensureConsoleBuilt({ quiet: true });
  // The real clock: the code's countdown in the browser and the cloud's "this month" agree with it.
  cloud = await startTestCloud({ plugins: cloudPlugins(), now: cloudNow });
  await createAdmin(cloud.db, { username: 'admin', name: 'Super Admin', password: PASSWORD, role: 'super_admin' });
  dir = mkdtempSync(join(tmpdir(), 'sma-console-e2e-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  ({ context, page } = await openConsoleBrowser(dir, problems));
});

afterAll(async () => {
  await context?.close();
  await cloud?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// --- The laptop: the app's own command line on a demo shop, as a shop owner's laptop would sync ------

const ROOT = join(import.meta.dirname, '..');
const run = promisify(execFile);

/** `npm run cli -- …`, asynchronously: the cloud it talks to runs in this very process. */
async function cli(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args], { cwd: ROOT, timeout: 180_000 });
  return stdout;
}

interface Shop {
  customers: number;
  revenueThisMonth: number;
  /** The latest RFM run's segments, as the laptop recorded them. */
  segments: { segment: string; customers: number; revenue: number }[];
  topCustomer: string;
}

/** What the console should show, read straight from the laptop's own database. */
function readShop(file: string, now: Date): Shop {
  const db = new Database(file, { readonly: true });
  try {
    const today = dateInZone(now);
    const monthStart = `${today.slice(0, 8)}01`;
    const customers = (db.prepare('SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL').get() as { n: number }).n;
    const revenue = db
      .prepare('SELECT coalesce(sum(amount), 0) AS s FROM transactions WHERE deleted_at IS NULL AND transaction_date >= ? AND transaction_date <= ?')
      .get(monthStart, today) as { s: number };
    const run = db.prepare('SELECT summary FROM rfm_runs ORDER BY created_at DESC LIMIT 1').get() as { summary: string };
    const summary = JSON.parse(run.summary) as { segments: { segment: string; customers: number; revenue: number }[] };
    const top = db
      .prepare(
        'SELECT c.name FROM transactions t JOIN customers c ON c.id = t.customer_id WHERE t.deleted_at IS NULL AND c.deleted_at IS NULL GROUP BY c.id ORDER BY sum(t.amount) DESC LIMIT 1',
      )
      .get() as { name: string };
    return {
      customers,
      revenueThisMonth: revenue.s,
      segments: summary.segments.filter((s) => s.customers > 0).map((s) => ({ ...s, revenue: Math.round(s.revenue) })),
      topCustomer: top.name,
    };
  } finally {
    db.close();
  }
}

// --- The console -----------------------------------------------------------------------------------

describe('the admin console', () => {
  let code = '';
  let laptopDb = '';
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

  it('lets a laptop with the demo shop enrol with the code read off the screen and push it all', async () => {
    laptopDb = join(dir, 'toko.sqlite');
    await cli('init', '--demo', '--db', laptopDb);
    expect(await cli('sync', 'enrol', '--db', laptopDb, '--server', cloud.url, '--code', code)).toContain('Toko Batik Sari');
    const pushed = JSON.parse(await cli('sync', 'push', '--db', laptopDb, '--json')) as { acked: number; rejected: number; remaining: number };
    expect(pushed).toMatchObject({ rejected: 0, remaining: 0 });
    expect(pushed.acked).toBeGreaterThan(10_000);
    shop = readShop(laptopDb, new Date());
    expect(shop.revenueThisMonth).toBeGreaterThan(0);
  });

  it("shows that shop's customers, revenue and segments in the list", async () => {
    await page.getByRole('link', { name: 'Semua toko' }).click();
    const row = page.locator('[data-testid="business-row"][data-business="Toko Batik Sari"]');
    await row.waitFor();
    await poll(() => row.getByTestId('col-customers').textContent()).toBe(formatCount(shop.customers));
    expect(await row.getByTestId('col-revenue-this-month').textContent()).toBe(money(shop.revenueThisMonth));
    const bar = row.getByTestId('segment-bar');
    const label = (await bar.getAttribute('aria-label')) ?? '';
    for (const s of shop.segments) expect(label).toContain(`${segmentName(s.segment as SegmentId, 'id')} ${s.customers}`);
    await shot('03-businesses');

    // A search that matches nothing says so; clearing it brings the shop back.
    const search = page.getByRole('textbox', { name: 'Cari' });
    await search.fill('tidak ada toko begini');
    await page.getByText('Tidak ada yang cocok').waitFor();
    await search.fill('batik');
    await row.waitFor();

    // The table as shown, to Excel in the browser.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByTestId('export-menu')
        .click()
        .then(() => page.getByTestId('export-xlsx').click()),
    ]);
    const file = join(dir, 'toko.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const values = (sheet.getRow(2).values as unknown[]).slice(1);
    const cell = (header: string) => values[headers.indexOf(header)];
    expect(cell('Nama')).toBe('Toko Batik Sari');
    expect(cell('Pelanggan')).toBe(shop.customers);
    expect(cell('Omzet bulan ini')).toBe(shop.revenueThisMonth);
    expect(sheet.rowCount).toBe(2);
  });

  it('opens the shop: figures, chart, segments, top customers, device and sync log', async () => {
    await page.locator('[data-testid="business-row"][data-business="Toko Batik Sari"]').getByTestId('business-link').click();
    await poll(() => page.getByTestId('stat-customers').textContent()).toBe(formatCount(shop.customers));
    expect(await page.getByTestId('stat-revenue-this-month').textContent()).toBe(money(shop.revenueThisMonth));
    // The queue the laptop reported with its last push (it counts entries that stay on the laptop too).
    const reported = await cloud.db.selectFrom('devices').select(['pending']).executeTakeFirstOrThrow();
    expect(await page.getByTestId('stat-pending').textContent()).toBe(formatCount(Number(reported.pending)));
    await page.getByTestId('months-chart').waitFor();
    await page.getByTestId('segments-table').waitFor();
    for (const s of shop.segments)
      expect(await page.getByTestId('segments-table').locator(`tr[data-segment="${s.segment}"]`).textContent()).toContain(money(s.revenue));
    await poll(() => page.getByTestId('top-customers').locator('tbody tr').first().textContent()).toContain(shop.topCustomer);
    await shot('04-business');

    await page.getByTestId('tab-devices').click();
    const device = page.getByTestId('device-row');
    // Named by the laptop (its host name), with the app version it runs.
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    await poll(() => device.textContent()).toContain(version);
    await shot('05-devices');

    await page.getByTestId('tab-sync').click();
    await page.locator('[data-testid="sync-log-row"][data-kind="push"]').first().waitFor();
    await page.getByTestId('rejected-empty').waitFor();
    await shot('06-sync-log');
  });

  it('revokes the device after a confirmation', async () => {
    await page.getByTestId('tab-devices').click();
    await page.getByTestId('device-revoke').click();
    await page.getByTestId('confirm-revoke').click();
    await poll(() => page.getByTestId('device-row').textContent()).toContain('Dicabut');
    const device = await cloud.db.selectFrom('devices').select(['revoked_at']).executeTakeFirstOrThrow();
    expect(device.revoked_at).not.toBeNull();
  });

  it('suspends the shop after a confirmation and resumes it', async () => {
    await page.getByTestId('business-suspend').click();
    await page.getByTestId('confirm-suspend').click();
    await poll(() => page.getByTestId('business-status').textContent()).toBe('Dibekukan');
    expect(await page.getByTestId('issue-code').isDisabled()).toBe(true);
    await shot('07-suspended');
    await page.getByTestId('business-resume').click();
    await poll(() => page.getByTestId('business-status').textContent()).toBe('Aktif');
  });

  it('asks a support account with two-step sign-in for its code, and shows it no write buttons', async () => {
    await createAdmin(cloud.db, { username: 'dukungan', name: 'Tim Dukungan', password: PASSWORD, role: 'support' });
    // Two-step sign-in turned on through the API, as its owner would from an authenticator app.
    const login = await fetch(`${cloud.url}/api/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dukungan', password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const write = { 'content-type': 'application/json', 'x-sma-console': '1', cookie };
    const begun = (await (await fetch(`${cloud.url}/api/admin/me/totp`, { method: 'POST', headers: write, body: '{}' })).json()) as { secret: string };
    const confirmed = await fetch(`${cloud.url}/api/admin/me/totp/confirm`, {
      method: 'POST',
      headers: write,
      body: JSON.stringify({ code: totpCode(begun.secret, cloudNow()) }),
    });
    expect(confirmed.status).toBe(200);
    skew += 30_000;

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByLabel('Nama pengguna').fill('dukungan');
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    const code = page.getByTestId('login-totp');
    await code.waitFor();
    const wrong = totpCode(begun.secret, cloudNow()) === '000000' ? '111111' : '000000';
    await code.locator('input').first().fill(wrong);
    await page.getByTestId('login-submit').click();
    await poll(() => page.getByTestId('login-error').textContent()).toContain('Kode autentikator salah');
    await shot('11-totp');
    await code.locator('input').first().fill(totpCode(begun.secret, cloudNow()));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
    await poll(() => page.getByTestId('user-menu').textContent()).toContain('Dukungan (hanya lihat)');
    await page.getByTestId('nav-businesses').click();
    await page.locator('[data-testid="business-row"]').first().waitFor();
    expect(await page.getByTestId('business-create').count()).toBe(0);
  });

  it('shows the audit log, the health page, and switches to English', async () => {
    await page.getByTestId('nav-audit').click();
    await page.locator('[data-testid="audit-row"]').first().waitFor();
    await shot('08-audit');

    await page.getByTestId('nav-health').click();
    await poll(() => page.getByTestId('health-status').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('health-version').textContent()).toBe('test');
    await shot('09-health');

    await page.getByTestId('language-switch').getByText('EN').click();
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Server health');
    await page.getByTestId('nav-businesses').click();
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Shops');
    await shot('10-english');
    await page.getByTestId('language-switch').getByText('ID').click();
    expect(problems.join('\n')).toBe('');
  });
});
