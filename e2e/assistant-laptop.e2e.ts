import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { issueEnrolCode } from '../src-cloud/admin/enrol-codes';
import type { TestCloud } from '../test/cloud/cloud-server';
import { answer, type FakeModel } from '../test/assistant/fake-model';
import { say as sayOn, startAssistantCloud, stopAssistantCloud, type AssistantCloud } from './assistant-cloud';
import { audit } from './axe';
import { fillSetupForm, openSession, settle, type Session } from './harness';

/**
 * Issue 23, the owner's own view: a customer chats with the cloud's assistant (fake WAHA, fake model,
 * real signed webhook); the owner's app in browser mode, enrolled with that cloud, opens "Asisten
 * WhatsApp" and sees the chat, its transcript and the analytics; before enrolling and with the cloud
 * gone it says why there is nothing to show.
 */

let world: AssistantCloud;
let cloud: TestCloud;
let model: FakeModel;
let businessId = '';
let session: Session | null = null;

beforeAll(async () => {
  world = await startAssistantCloud();
  ({ cloud, model, businessId } = world);
});
afterEach(async () => {
  await session?.close();
  session = null;
});
afterAll(async () => stopAssistantCloud(world));

const say = (phone: string, body: string) => sayOn(world, phone, body);

describe("the owner's view of the WhatsApp assistant on the laptop", () => {
  it('lists the chat made through the webhook, opens its transcript and the analytics; says when it cannot', async () => {
    session = await openSession('assistant-laptop');
    const { page, shot } = session;
    await fillSetupForm(page);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();

    // Not linked to the cloud yet: the page says so, and where to link it.
    await page.getByTestId('nav-assistant').click();
    const unavailable = page.getByTestId('assistant-unavailable');
    await unavailable.filter({ hasText: 'belum tersambung ke cloud' }).waitFor();
    await settle(page);
    await shot('01-not-linked');

    // On WhatsApp: a customer from the ad asks about the package, then the down payment; another just asks the price.
    model.script.push(answer({ reply: 'Assalamualaikum! Paket Umroh Maret 2025 Hemat: Rp 25.000.000, hotel bintang 3, 9 hari.' }));
    await say('6281234500003', 'Assalamualaikum, saya dari iklan UMR_MAR_2025_HEMAT');
    model.script.push(
      answer({ reply: 'Baik Kak, admin kami akan membantu pembayarannya.', newPhase: 'INTEREST', summary: 'Ingin DP paket Maret untuk 2 orang.' }),
    );
    await say('6281234500003', 'DP berapa? Kami berdua mau daftar');
    model.script.push(answer({ reply: 'Paket kami mulai Rp 25.000.000 per orang. Untuk bulan apa, Kak?', newPhase: 'INTEREST' }));
    await say('6281234500004', 'Berapa harganya?');

    // The owner links the laptop (the page's button opens Settings → Sinkronisasi); the sync brings the handover's lead.
    const { code } = await issueEnrolCode(cloud.db, businessId, null, new Date());
    await page.getByTestId('assistant-open-sync').click();
    await page.getByTestId('sync-server').fill(cloud.url);
    await page.getByTestId('sync-code').fill(code);
    await page.getByTestId('sync-enrol').click();
    await page.getByTestId('sync-business').filter({ hasText: 'Travel Amanah' }).waitFor();
    await page.getByTestId('sync-push').click();
    await page.locator('.mantine-Notification-root').filter({ hasText: 'Asisten WhatsApp menyerahkan percakapan' }).waitFor();

    // The list: newest first, phase, campaign code, last message, handed over with the lead's link.
    await page.getByTestId('nav-assistant').click();
    const rows = page.getByTestId('assistant-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    const handed = rows.filter({ hasText: '0812-3450-0003' });
    await expect(handed.getByTestId('assistant-phase').getAttribute('data-phase')).resolves.toBe('BOOKING');
    await expect(handed.getByTestId('assistant-code').textContent()).resolves.toBe('UMR_MAR_2025_HEMAT');
    await expect(handed.getByTestId('assistant-last').textContent()).resolves.toBe('Asisten: Baik Kak, admin kami akan membantu pembayarannya.');
    await handed.getByTestId('assistant-handed-over').waitFor();
    await handed.getByTestId('assistant-lead').waitFor();
    const other = rows.filter({ hasText: '0812-3450-0004' });
    await expect(other.getByTestId('assistant-phase').getAttribute('data-phase')).resolves.toBe('INTEREST');
    expect(await other.getByTestId('assistant-handed-over').count()).toBe(0);
    await expect(rows.first().textContent()).resolves.toContain('0812-3450-0004');
    await settle(page);
    expect(await audit(page)).toEqual([]);
    await shot('02-list');

    // The transcript: every message in and out, in order, with the handover and the assistant's summary.
    await handed.getByTestId('assistant-open').click();
    await page.getByTestId('assistant-chat-phone').filter({ hasText: '0812-3450-0003' }).waitFor();
    const messages = page.getByTestId('assistant-message');
    await messages.nth(3).waitFor();
    expect(await Promise.all([0, 1, 2, 3].map((i) => messages.nth(i).getAttribute('data-direction')))).toEqual(['in', 'out', 'in', 'out']);
    await expect(messages.nth(2).textContent()).resolves.toContain('DP berapa? Kami berdua mau daftar');
    await expect(page.getByTestId('assistant-chat-handover').textContent()).resolves.toContain('Ingin DP paket Maret untuk 2 orang.');
    await settle(page);
    expect(await audit(page)).toEqual([]);
    await shot('03-transcript');

    // Its lead on the laptop, one click away.
    await page.getByTestId('assistant-chat-lead').click();
    await page.getByTestId('lead-name').filter({ hasText: '0812-3450-0003' }).waitFor();

    // The analytics for the last 30 days: 2 chats, 1 at booking, 1 handed over, per campaign code.
    await page.getByTestId('nav-assistant').click();
    await page.getByTestId('assistant-tab-analytics').click();
    await page.getByTestId('assistant-figure-conversations-value').filter({ hasText: /^2$/ }).waitFor();
    await expect(page.getByTestId('assistant-figure-bookings-value').textContent()).resolves.toMatch(/^1\s*50\s?%$/);
    await expect(page.getByTestId('assistant-figure-escalation-value').textContent()).resolves.toMatch(/^50\s?%1 percakapan$/);
    const campaign = page.locator('[data-testid="assistant-campaign-row"][data-code="UMR_MAR_2025_HEMAT"]');
    await expect(campaign.textContent()).resolves.toMatch(/UMR_MAR_2025_HEMAT1\s*1\s*100\s?%1/);
    await page.getByTestId('assistant-questions-row').filter({ hasText: 'berapa harganya' }).waitFor();
    await settle(page);
    expect(await audit(page)).toEqual([]);
    await shot('04-analytics');

    // The same figures to Excel, one sheet, named for the range (the console's export, src-ui).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByTestId('analytics-export')
        .click()
        .then(() => page.getByTestId('analytics-export-xlsx').click()),
    ]);
    expect(download.suggestedFilename()).toMatch(/^analitik-asisten-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const saved = mkdtempSync(join(tmpdir(), 'sma-analytics-'));
    const workbook = new ExcelJS.Workbook();
    try {
      await download.saveAs(join(saved, 'analitik.xlsx'));
      await workbook.xlsx.readFile(join(saved, 'analitik.xlsx'));
    } finally {
      rmSync(saved, { recursive: true, force: true });
    }
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Analitik']);
    // Section, item, count, bookings, handovers, %: an empty cell reads as null.
    const lines = workbook.worksheets[0]
      .getSheetValues()
      .slice(2)
      .map((r) => Array.from({ length: 6 }, (_, i) => (r as unknown[])[i + 1] ?? null));
    expect(lines).toContainEqual(['Ringkasan', 'Percakapan', 2, null, null, null]);
    expect(lines).toContainEqual(['Ringkasan', 'Sampai booking', 1, null, null, 50]);
    expect(lines).toContainEqual(['Per kode kampanye', 'UMR_MAR_2025_HEMAT', 1, 1, 1, 100]);
    expect(lines).toContainEqual(['Sebaran tahap', 'Booking', 1, null, null, 50]);

    // The cloud goes away (a port nothing listens on): the page says the cloud cannot be reached.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    session.app.services.sqlite.prepare('UPDATE sync_state SET server_url = ?').run(`http://127.0.0.1:${port}`);
    await page.getByTestId('assistant-tab-conversations').click();
    await page.getByTestId('assistant-row').first().waitFor();
    await page.reload();
    await page.getByTestId('assistant-unavailable').filter({ hasText: 'Cloud tidak bisa dihubungi' }).waitFor();
    await settle(page);
    await shot('05-offline');
  });
});
