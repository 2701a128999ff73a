import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '../scripts/console-build.mjs';
import { issueEnrolCode } from '../src-cloud/admin/enrol-codes';
import { adminApi } from '../src-cloud/admin/routes';
import { createAssistant, type Assistant } from '../src-cloud/assistant';
import { createAdmin } from '../src-cloud/auth/admins';
import { consoleStatic } from '../src-cloud/server/console-static';
import { adminCall, adminSession } from '../test/cloud/admin-client';
import { startTestCloud, type TestCloud } from '../test/cloud/cloud-server';
import { answer, FakeModel } from '../test/assistant/fake-model';
import { FakeWaha } from '../test/assistant/fake-waha';
import { PACKAGES, pushCatalogue } from '../test/assistant/harness';
import { fillSetupForm, openSession, SCREENSHOTS, settle, type Session } from './harness';

/**
 * Issue 23 from the shop owner's side: a customer asks "DP berapa?" on WhatsApp, the cloud's
 * assistant (fake WAHA, fake model, real signed webhook) hands the chat over, and the owner's app in
 * browser mode, enrolled with the cloud, shows it after a sync: a toast, the bell's entry and the
 * lead at Booking with the assistant's summary and campaign code; the console's handover queue shows
 * the same customer waiting.
 */

const CONSOLE_PASSWORD = 'kata-sandi-konsol-1';

let cloud: TestCloud;
let assistant: Assistant;
let waha: FakeWaha;
let model: FakeModel;
let businessId = '';
let hmacKey = '';
let session: Session | null = null;

beforeAll(async () => {
  await ensureConsoleBuilt({ quiet: true });
  waha = new FakeWaha('waha-kunci-rahasia');
  model = new FakeModel();
  await waha.start();
  await model.start();
  assistant = createAssistant({ env: { SMA_ASSISTANT_KEY: randomBytes(32).toString('hex') }, debounceMs: 120, maxWaitMs: 3000 });
  // The real clock: the laptop stamps its changes with it, and "due now" is the shop's now.
  cloud = await startTestCloud({ plugins: [adminApi, assistant.plugin, consoleStatic()] });
  Object.defineProperty(cloud.clock, 'now', { get: () => new Date() });
  await createAdmin(cloud.db, { username: 'admin', name: 'Super Admin', password: CONSOLE_PASSWORD, role: 'super_admin' });
  const { session: admin } = await adminSession(cloud, 'root', 'super_admin');
  businessId = String((await adminCall(cloud, 'POST', '/api/admin/businesses', admin, { name: 'Travel Amanah', city: 'Solo' })).body.id);
  hmacKey = `hmac-${randomBytes(12).toString('hex')}`;
  const put = await adminCall(cloud, 'PUT', `/api/admin/businesses/${businessId}/assistant/settings`, admin, {
    enabled: true, wahaBaseUrl: waha.baseUrl, wahaSession: 'default', wahaApiKey: waha.apiKey, webhookHmacKey: hmacKey,
    modelBaseUrl: model.baseUrl, modelName: 'gpt-4o-mini', modelApiKey: 'sk-model-rahasia', confidenceThreshold: 0.6, monthlyTokenLimit: null,
  });
  expect(put.status).toBe(200);
  // The package the ad's campaign code resolves to, as the shop's products are synced to the cloud.
  await pushCatalogue(cloud, businessId, [PACKAGES[0]]);
});
afterEach(async () => {
  await session?.close();
  session = null;
});
afterAll(async () => {
  await cloud?.close();
  await waha?.stop();
  await model?.stop();
});

/** A customer writes on WhatsApp through the signed webhook; resolves once every reply went out. */
async function say(phone: string, body: string) {
  const res = await waha.deliver(`${cloud.url}/api/assistant/waha/${businessId}`, hmacKey, { from: `${phone}@c.us`, body });
  expect(res.status).toBe(200);
  await assistant.idle();
}

describe('a chat the WhatsApp assistant hands over reaches the owner on the laptop', () => {
  it('after a sync: a toast, the bell entry linking to the lead, and the lead at Booking in the leads page', async () => {
    session = await openSession('assistant-handover');
    const { page, shot } = session;
    await fillSetupForm(page);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();

    // The owner enrols the shop with the cloud (Settings → Sinkronisasi).
    const { code } = await issueEnrolCode(cloud.db, businessId, null, new Date());
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-sync').click();
    await page.getByTestId('sync-server').fill(cloud.url);
    await page.getByTestId('sync-code').fill(code);
    await page.getByTestId('sync-enrol').click();
    await page.getByTestId('sync-business').filter({ hasText: 'Travel Amanah' }).waitFor();
    await page.locator('[data-testid="sync-indicator"][data-pending="0"][data-state="synced"]').waitFor({ timeout: 30_000 });
    // Nothing to do yet: the bell has no count.
    expect(await page.getByTestId('bell-count').count()).toBe(0);

    // Meanwhile on WhatsApp: the customer asks about a package, then how much the down payment is.
    model.script.push(answer({ reply: 'Assalamualaikum! Paket Umroh Maret 2025 Hemat: Rp 25.000.000.' }));
    await say('6281234500002', 'Assalamualaikum, saya dari iklan UMR_MAR_2025_HEMAT');
    model.script.push(answer({ reply: 'Baik Kak, admin kami akan membantu pembayarannya.', newPhase: 'INTEREST', summary: 'Ingin DP paket Maret untuk 2 orang.' }));
    await say('6281234500002', 'DP berapa? Kami berdua mau daftar');

    // A sync (the button here; the background loop does the same every few minutes) brings it down.
    await page.getByTestId('sync-push').click();
    const toast = page.locator('.mantine-Notification-root').filter({ hasText: 'Asisten WhatsApp menyerahkan percakapan' });
    await toast.waitFor();
    await expect(toast.textContent()).resolves.toContain('0812-3450-0002: pelanggan ingin membayar. Balas pelanggan ini sekarang.');
    await shot('01-toast');

    // The bell counts it and lists it, with the assistant's summary as the next step.
    await page.getByTestId('bell-count').filter({ hasText: /^1$/ }).waitFor();
    await settle(page);
    await page.getByTestId('bell').click();
    const item = page.getByTestId('bell-item').filter({ hasText: '0812-3450-0002' });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('Balas di WhatsApp: Ingin DP paket Maret untuk 2 orang.');
    await shot('02-bell');

    // Its link opens the lead: Booking, from WhatsApp, with the activity saying who handed it over and why.
    await item.getByTestId('bell-item-link').click();
    await page.getByTestId('lead-name').filter({ hasText: '0812-3450-0002' }).waitFor();
    await expect(page.getByTestId('lead-stage').first().textContent()).resolves.toBe('Booking');
    await expect(page.getByTestId('lead-info').textContent()).resolves.toContain('WhatsApp');
    await expect(page.getByTestId('lead-info').textContent()).resolves.toContain('UMR_MAR_2025_HEMAT');
    await expect(page.getByTestId('lead-info').textContent()).resolves.toContain('Ingin DP paket Maret untuk 2 orang.');
    await page.getByTestId('lead-activities').getByText('Diserahkan oleh asisten WhatsApp: pelanggan ingin membayar.', { exact: false }).waitFor();
    await settle(page);
    await shot('03-lead');

    // And the leads page has it in the Booking column.
    await page.getByTestId('nav-leads').click();
    const booking = page.locator('[data-testid="board-column"][data-stage-id="booking"]');
    await booking.getByTestId('lead-card').filter({ hasText: '0812-3450-0002' }).waitFor();
    await settle(page);
    await shot('04-leads');

    // A second sync brings nothing new: still one lead, one entry in the bell.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-sync').click();
    await page.getByTestId('sync-push').click();
    await page.locator('[data-testid="sync-indicator"][data-pending="0"][data-state="synced"]').waitFor();
    const leads = session.app.services.sqlite.prepare("SELECT count(*) FROM leads WHERE phone = '+6281234500002'").pluck().get();
    expect(leads).toBe(1);
    await expect(page.getByTestId('bell-count').textContent()).resolves.toBe('1');

    // The console's handover queue shows the same customer waiting, masked, with the reason.
    const queuePage = await session.context.newPage();
    await queuePage.goto(cloud.url);
    await queuePage.getByLabel('Nama pengguna').fill('admin');
    await queuePage.getByLabel('Kata sandi').fill(CONSOLE_PASSWORD);
    await queuePage.getByTestId('login-submit').click();
    await queuePage.getByTestId('nav-assistant').click();
    await queuePage.locator('[data-testid="overview-row"][data-name="Travel Amanah"]').getByRole('link').click();
    const queued = queuePage.locator('[data-testid="handover-item"][data-phone="+62812•••••002"][data-reason="payment_intent"]');
    await queued.waitFor();
    await expect(queued.textContent()).resolves.toContain('Ingin DP paket Maret untuk 2 orang.');
    await settle(queuePage);
    await queuePage.screenshot({ path: join(SCREENSHOTS, 'assistant-handover-05-console-queue.png'), fullPage: true });
    await queuePage.close();
  });
});
