import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '../scripts/console-build.mjs';
import { issueEnrolCode } from '../src-cloud/admin/enrol-codes';
import { createAdmin } from '../src-cloud/auth/admins';
import { consoleStatic } from '../src-cloud/server/console-static';
import type { TestCloud } from '../test/cloud/cloud-server';
import { answer, type FakeModel } from '../test/assistant/fake-model';
import { say as sayOn, startAssistantCloud, stopAssistantCloud, type AssistantCloud } from './assistant-cloud';
import { fillSetupForm, openSession, SCREENSHOTS, settle, type Session } from './harness';

/**
 * Issue 23 from the shop owner's side: a customer asks "DP berapa?" on WhatsApp, the cloud's
 * assistant (fake WAHA, fake model, real signed webhook) hands the chat over, and the owner's app in
 * browser mode, enrolled with the cloud, shows it after a sync: a toast, the bell's entry and the
 * lead at Booking with the assistant's summary and campaign code; the console's handover queue shows
 * the same customer waiting.
 */

const CONSOLE_PASSWORD = 'kata-sandi-konsol-1';

let world: AssistantCloud;
let cloud: TestCloud;
let model: FakeModel;
let businessId = '';
let session: Session | null = null;

beforeAll(async () => {
  await ensureConsoleBuilt({ quiet: true });
  world = await startAssistantCloud([consoleStatic()]);
  ({ cloud, model, businessId } = world);
  await createAdmin(cloud.db, { username: 'admin', name: 'Super Admin', password: CONSOLE_PASSWORD, role: 'super_admin' });
});
afterEach(async () => {
  await session?.close();
  session = null;
});
afterAll(async () => stopAssistantCloud(world));

const say = (phone: string, body: string) => sayOn(world, phone, body);

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
    model.script.push(
      answer({ reply: 'Baik Kak, admin kami akan membantu pembayarannya.', newPhase: 'INTEREST', summary: 'Ingin DP paket Maret untuk 2 orang.' }),
    );
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
