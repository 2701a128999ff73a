import { openConsoleBrowser } from './console-browser';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '../scripts/console-build.mjs';
import { adminApi } from '../src-cloud/admin/routes';
import { createAssistant, type Assistant } from '../src-cloud/assistant';
import { createAdmin } from '../src-cloud/auth/admins';
import { consoleStatic } from '../src-cloud/server/console-static';
import { adminCall, adminSession } from '../test/cloud/admin-client';
import { startTestCloud, type TestCloud } from '../test/cloud/cloud-server';
import { answer } from '../test/assistant/fake-model';
import { FakeModel } from '../test/assistant/fake-model';
import { FakeWaha } from '../test/assistant/fake-waha';
import { PACKAGES, pushCatalogue } from '../test/assistant/harness';
import { audit, describeFindings, LOADED, type Finding } from './axe';
import { SCREENSHOTS, settle } from './harness';

/**
 * The console's WhatsApp assistant pages in Chromium against the real cloud: conversations made
 * through the signed WAHA webhook with a fake WAHA and a fake OpenAI-compatible model, then the
 * all-shops overview, the handover queue and a hand-back, the conversation list and its audit trail,
 * the analytics and their export, a prompt version and the model's price; axe on every screen shot.
 */

const PASSWORD = 'kata-sandi-konsol-1';
let cloud: TestCloud;
let assistant: Assistant;
let waha: FakeWaha;
let model: FakeModel;
let dir: string;
let context: BrowserContext;
let page: Page;
let businessId = '';
let hmacKey = '';
const problems: string[] = [];

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });
/** axe's serious and critical findings per screen, asserted empty at the end. */
const findings = new Map<string, Finding[]>();
const shot = async (name: string) => {
  await settle(page);
  await poll(() => page.evaluate(LOADED)).toBe(true);
  const found = await audit(page);
  if (found.length) findings.set(name, found);
  await page.screenshot({ path: join(SCREENSHOTS, `assistant-console-${name}.png`), fullPage: true });
};

const attrs = async (list: Locator, name: string) => Promise.all((await list.all()).map((l) => l.getAttribute(name)));

/** A customer writes on WhatsApp; resolves once every reply it caused went out. */
async function say(phone: string, body: string) {
  const res = await waha.deliver(`${cloud.url}/api/assistant/waha/${businessId}`, hmacKey, { from: `${phone}@c.us`, body });
  expect(res.status).toBe(200);
  await assistant.idle();
}

beforeAll(async () => {
  await ensureConsoleBuilt({ quiet: true });
  waha = new FakeWaha('waha-kunci-rahasia');
  model = new FakeModel();
  await waha.start();
  await model.start();
  assistant = createAssistant({ env: { SMA_ASSISTANT_KEY: randomBytes(32).toString('hex') }, debounceMs: 120, maxWaitMs: 3000 });
  // The real clock: "5 minutes ago" in the browser and the cloud's "this month" agree with it.
  cloud = await startTestCloud({ plugins: [adminApi, assistant.plugin, consoleStatic()], now: () => new Date() });
  await createAdmin(cloud.db, { username: 'admin', name: 'Super Admin', password: PASSWORD, role: 'super_admin' });

  // The shop and its assistant, set up through the console's API by another admin.
  const { session } = await adminSession(cloud, 'root', 'super_admin');
  businessId = String((await adminCall(cloud, 'POST', '/api/admin/businesses', session, { name: 'Travel Amanah', city: 'Solo' })).body.id);
  hmacKey = `hmac-${randomBytes(12).toString('hex')}`;
  const put = await adminCall(cloud, 'PUT', `/api/admin/businesses/${businessId}/assistant/settings`, session, {
    enabled: true,
    wahaBaseUrl: waha.baseUrl,
    wahaSession: 'default',
    wahaApiKey: waha.apiKey,
    webhookHmacKey: hmacKey,
    modelBaseUrl: model.baseUrl,
    modelName: 'gpt-4o-mini',
    modelApiKey: 'sk-model-rahasia',
    confidenceThreshold: 0.6,
    monthlyTokenLimit: null,
  });
  expect(put.status).toBe(200);
  // The packages the campaign codes resolve to, as a laptop pushes them (its enrol code dated now).
  cloud.clock.now = new Date();
  await pushCatalogue(cloud, businessId, PACKAGES);

  // Three customers: one from an ad asking about facilities, one who wants to pay, one who asks for a person.
  model.script.push(
    answer({
      reply: 'Assalamualaikum! Paket Umroh Maret 2025 Hemat: Rp 25.000.000, berangkat 15 Maret 2025.',
      media: [{ type: 'image', url: PACKAGES[0].imageUrl, caption: null }],
    }),
  );
  await say('6281234500001', 'Halo, saya dari iklan UMR_MAR_2025_HEMAT');
  model.script.push(
    answer({
      reply: 'Fasilitasnya hotel bintang 3, 9 hari, pesawat langsung. Brosurnya kami kirim ya.',
      newPhase: 'INTEREST',
      media: [{ type: 'file', url: PACKAGES[0].brochureUrl, caption: 'Brosur' }],
    }),
  );
  await say('6281234500001', 'Fasilitasnya apa saja?');
  model.script.push(answer({ reply: 'Waalaikumsalam! Berapa orang yang berangkat dan bulan apa yang diinginkan?' }));
  await say('6281234500002', 'Assalamualaikum, mau tanya umroh');
  model.script.push(
    answer({
      reply: 'Baik Kak, admin kami akan membantu pembayarannya.',
      newPhase: 'BOOKING',
      confidence: 0.85,
      summary: 'Pelanggan ingin membayar DP untuk 2 orang, paket Maret.',
    }),
  );
  await say('6281234500002', 'DP berapa? Kami berdua mau daftar');
  model.script.push(answer({ reply: 'Baik, kami sambungkan ke admin ya Kak.', summary: 'Pelanggan minta bicara dengan admin.' }));
  await say('6281234500003', 'saya mau bicara dengan admin');

  dir = mkdtempSync(join(tmpdir(), 'sma-assistant-console-e2e-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  ({ context, page } = await openConsoleBrowser(dir, problems));
});

afterAll(async () => {
  await context?.close();
  await cloud?.close();
  await waha?.stop();
  await model?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the console's WhatsApp assistant pages", () => {
  it('shows every shop using the assistant with the customers waiting for a person', async () => {
    await page.goto(cloud.url);
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-assistant').click();
    const row = page.locator('[data-testid="overview-row"][data-name="Travel Amanah"]');
    await poll(() => row.getByTestId('overview-open').textContent()).toBe('2');
    await shot('01-overview');
  });

  it('queues the handovers oldest first with reason and summary, and hands one back to the bot', async () => {
    await page.locator('[data-testid="overview-row"][data-name="Travel Amanah"]').getByRole('link').click();
    const items = page.getByTestId('handover-item');
    await poll(() => items.count()).toBe(2);
    expect(await Promise.all((await items.all()).map(async (l) => [await l.getAttribute('data-phone'), await l.getAttribute('data-reason')]))).toEqual([
      ['+62812•••••002', 'payment_intent'],
      ['+62812•••••003', 'person_request'],
    ]);
    await expect.poll(() => items.first().textContent()).toContain('Pelanggan ingin membayar DP untuk 2 orang, paket Maret.');
    expect(await items.first().textContent()).toContain('Mau bayar');
    await shot('02-handover-queue');

    await items.nth(1).getByTestId('hand-back').click();
    await page.getByTestId('confirm-hand-back').click();
    await poll(() => items.count()).toBe(1);
    await page.getByText('Percakapan dikembalikan ke asisten.').waitFor();
    expect(await items.first().getAttribute('data-phone')).toBe('+62812•••••002');
  });

  it('lists the conversations masked, with phase, last message, code and the handover flag', async () => {
    await page.getByTestId('assistant-views').getByText('Percakapan', { exact: true }).click();
    const rows = page.getByTestId('conversation-row');
    await poll(() => rows.count()).toBe(3);
    expect(await attrs(rows, 'data-phone')).toEqual(['+62812•••••003', '+62812•••••002', '+62812•••••001']);
    const paying = page.locator('[data-testid="conversation-row"][data-phone="+62812•••••002"]');
    expect(await paying.textContent()).toContain('Booking');
    expect(await paying.getByTestId('handed-over').count()).toBe(1);
    expect(await page.locator('[data-testid="conversation-row"][data-phone="+62812•••••003"]').getByTestId('handed-over').count()).toBe(0);
    const fromAd = page.locator('[data-testid="conversation-row"][data-phone="+62812•••••001"]');
    expect(await fromAd.textContent()).toContain('UMR_MAR_2025_HEMAT');
    expect(await fromAd.textContent()).toContain('Minat');
    // Nowhere on the page is a whole number.
    expect(await page.content()).not.toContain('6281234500001');
    await shot('03-conversations');

    await page.getByTestId('conversation-handover-filter').click();
    await poll(() => rows.count()).toBe(1);
    await page.getByTestId('conversation-handover-filter').click();
    await poll(() => rows.count()).toBe(3);
  });

  it("opens a conversation's audit trail: messages, phases, media, confidence, prompt version, trigger", async () => {
    await page.locator('[data-testid="conversation-row"][data-phone="+62812•••••001"]').getByRole('link').click();
    await poll(() => page.getByTestId('trail-title').textContent()).toBe('Percakapan +62812•••••001');
    const messages = page.getByTestId('trail-message');
    await poll(() => messages.count()).toBe(6);
    expect(await attrs(messages, 'data-direction')).toEqual(['in', 'out', 'out', 'in', 'out', 'out']);
    expect(await page.getByTestId('trail-media').allTextContents()).toEqual([
      `Media terkirim: image · ${PACKAGES[0].imageUrl}`,
      `Media terkirim: file · ${PACKAGES[0].brochureUrl}`,
    ]);
    expect(await messages.nth(4).textContent()).toContain('Fase Leads → Minat');
    expect(await messages.nth(4).textContent()).toContain('Keyakinan 0,9');
    expect(await messages.nth(4).textContent()).toContain('Prompt v0');
    await shot('04-trail');

    // The one that wanted to pay: its trigger, its handover, and the hand-back from here.
    await page.goBack();
    await page.locator('[data-testid="conversation-row"][data-phone="+62812•••••002"]').getByRole('link').click();
    await poll(() => page.getByTestId('trail-title').textContent()).toBe('Percakapan +62812•••••002');
    expect(await page.getByTestId('trail-trigger').textContent()).toBe('Pemicu eskalasi: payment_intent: DP berapa? Kami berdua mau daftar');
    await page.getByTestId('trail-hand-back').click();
    await page.getByTestId('confirm-hand-back').click();
    await poll(() => page.getByTestId('trail-returned').textContent()).toContain('oleh admin');
    expect(await page.getByTestId('trail-hand-back').count()).toBe(0);
    await shot('05-trail-handed-back');
  });

  it('shows the analytics and exports them', async () => {
    await page.goto(`${cloud.url}/businesses/${businessId}?tab=assistant&view=analytics`);
    await poll(() => page.getByTestId('analytics-conversations').textContent()).toBe('3');
    expect(await page.getByTestId('analytics-bookings').textContent()).toBe('1');
    expect(await page.getByTestId('analytics-escalation').textContent()).toBe('66,7%');
    expect(await page.locator('[data-testid="campaign-row"][data-code="UMR_MAR_2025_HEMAT"]').textContent()).toContain('UMR_MAR_2025_HEMAT');
    expect(await page.getByTestId('analytics-funnel').textContent()).toContain('33,3%');
    await shot('06-analytics');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByTestId('analytics-export')
        .click()
        .then(() => page.getByTestId('analytics-export-xlsx').click()),
    ]);
    const file = join(dir, 'analitik.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const rows = workbook.worksheets[0]
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1, 4));
    expect(rows).toContainEqual(['Per kode kampanye', 'UMR_MAR_2025_HEMAT', 1]);
    expect(rows).toContainEqual(['Sebaran fase', 'Booking', 1]);
  });

  it('saves a new prompt version with who saved it, and a price for the model against the quota', async () => {
    await page.getByTestId('assistant-views').getByText('Prompt', { exact: true }).click();
    await page.getByTestId('prompt-base').fill('Anda konsultan umroh Travel Amanah yang santun dan singkat.');
    await page.getByTestId('prompt-save').click();
    await page.getByText('Prompt disimpan sebagai versi 1.').waitFor();
    const version = page.locator('[data-testid="prompt-version"][data-version="1"]');
    await poll(() => version.textContent()).toContain('admin');
    await shot('07-prompts');

    await page.getByTestId('assistant-views').getByText('Pengaturan & biaya', { exact: true }).click();
    await page.getByTestId('cost-unpriced').waitFor();
    await shot('08-settings-unpriced');
    await page.getByTestId('price-add').click();
    await page.getByRole('textbox', { name: 'Rp / 1.000 token' }).fill('250');
    await page.getByTestId('settings-save').click();
    await page.getByText('Pengaturan asisten disimpan.').waitFor();
    await page.getByTestId('cost-unpriced').waitFor({ state: 'detached' });
    await shot('09-settings-cost');
  });

  it("switches the shop to Meta's WhatsApp Cloud API, whose handshake then answers the verify token typed", async () => {
    const verifyToken = `verifikasi-${randomBytes(8).toString('hex')}`;
    await page.getByTestId('settings-provider').getByText('WhatsApp Cloud API (Meta)').click();
    await page.getByTestId('settings-cloud-phone-id').fill('106540352242922');
    await page.getByLabel(/^Token akses/).fill(`EAAG${randomBytes(20).toString('hex')}`);
    await page.getByLabel(/^App secret/).fill(randomBytes(16).toString('hex'));
    await page.getByLabel(/^Token verifikasi/).fill(verifyToken);
    await page.getByTestId('settings-save').click();
    await page.getByText('Pengaturan asisten disimpan.').waitFor();
    // Saved and read back: the form shows the stored secrets as kept and Meta's callback URL.
    await poll(() => page.getByTestId('settings-webhook').textContent()).toContain(`/api/assistant/cloud-api/${businessId}`);
    await poll(() => page.getByLabel(/^Token verifikasi/).getAttribute('placeholder')).toBe('Tersimpan — kosongkan untuk tetap memakai yang lama');
    await shot('10-settings-cloud-api');
    const handshake = await fetch(
      `${cloud.url}/api/assistant/cloud-api/${businessId}?hub.mode=subscribe&hub.challenge=8675309&hub.verify_token=${verifyToken}`,
    );
    expect([handshake.status, await handshake.text()]).toEqual([200, '8675309']);
    expect(problems).toEqual([]);
    expect(describeFindings(findings)).toBe('');
  });
});
