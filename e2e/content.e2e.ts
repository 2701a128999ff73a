import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeOpenAI } from '../test/content/fake-openai';
import { openDemoShop, openSession, SCREENSHOTS, type Session, settle } from './harness';

let session: Session | null = null;
let fake: FakeOpenAI | null = null;
afterEach(async () => {
  await session?.close();
  await fake?.stop();
  session = null;
  fake = null;
});

const OFFER = 'diskon 15% untuk belanja berikutnya';
const EDITED = 'Halo Kak {nama} di {kota}, lama tak jumpa!\nTunjukkan kode {kode_kampanye} dan dapatkan {penawaran}.';
const CODE = 'WINBACK_NOV_2026_HEMAT';

async function pick(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).click();
}

/** The `text` parameter of a wa.me link, decoded: what WhatsApp will have typed in. */
function waText(link: string): string {
  const url = new URL(link);
  expect(url.origin).toBe('https://wa.me');
  return url.searchParams.get('text') ?? '';
}

describe('AI content, sending and campaigns on the demo shop', () => {
  it('generates through an OpenAI-compatible server, edits, personalises with wa.me links and a broadcast file, and counts a campaign conversion', async () => {
    fake = new FakeOpenAI();
    await fake.start();
    // The host reads the key from its environment, as browser mode does; OPENAI_BASE_URL would win over Settings.
    session = await openSession('content', { env: { OPENAI_API_KEY: 'sk-e2e-test-key', OPENAI_BASE_URL: undefined } });
    const { page, shot, context } = session;
    const db = session.app.services.sqlite;
    await context.route('https://wa.me/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>WhatsApp</title>' }));

    await openDemoShop(page);
    // The demo opens with its first analysis done.
    await page.getByTestId('nav-rfm').click();
    await page.getByTestId('segment-table').waitFor();
    const atRisk = Number(await page.getByTestId('segment-row-at_risk').getAttribute('data-customers'));
    expect(atRisk).toBeGreaterThan(0);

    // Settings → AI: the key comes from the environment; the base URL points at the local server.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-ai').click();
    await page.locator('[data-testid="ai-key-status"][data-source="env"]').waitFor();
    await page.getByTestId('ai-key-browser').waitFor();
    await page.getByTestId('ai-base-url').fill('not a url');
    await page.getByTestId('ai-base-url').blur();
    await page.getByText(/^Alamat tidak valid/).waitFor();
    await page.getByTestId('ai-base-url').fill(fake.baseUrl);
    await page.getByTestId('ai-save').click();
    await page.getByText('Pengaturan AI disimpan.').waitFor();
    await settle(page);
    await shot('01-settings-ai');

    // Konten AI: At Risk on WhatsApp with an offer, three variants from the server.
    await page.getByTestId('nav-content').click();
    await expect(page.getByTestId('content-segment').inputValue()).resolves.toBe(`Berisiko · ${atRisk} pelanggan`);
    await page.getByTestId('content-segment-hint').filter({ hasText: 'Hubungi secara pribadi' }).waitFor();
    await page.getByTestId('content-offer').fill(OFFER);
    await page.getByTestId('content-generate').click();
    await page.locator('[data-testid="content-source"][data-source="ai"]').waitFor();
    expect(await page.getByTestId('variant-card').count()).toBe(3);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].auth).toBe('Bearer sk-e2e-test-key');
    await page.getByTestId('content-figures').filter({ hasText: '600 token' }).waitFor();

    await page.getByTestId('content-show-prompt').click();
    await expect(page.getByTestId('prompt-system').textContent()).resolves.toContain('{kode_kampanye}');
    await expect(page.getByTestId('prompt-user').textContent()).resolves.toContain(OFFER);
    await page.keyboard.press('Escape');
    await page.getByTestId('prompt-modal').waitFor({ state: 'detached' });

    // Edit the first variant and save it: the library holds the new text.
    const first = page.locator('[data-testid="variant-card"][data-variant="1"]');
    const contentId = (await first.getAttribute('data-id')) ?? '';
    await first.getByTestId('variant-body').fill(EDITED);
    await first.getByTestId('variant-unsaved').waitFor();
    await first.getByTestId('variant-save').click();
    await first.getByTestId('variant-unsaved').waitFor({ state: 'detached' });
    expect(db.prepare('SELECT body FROM ai_generated_content WHERE id = ?').get(contentId)).toEqual({ body: EDITED });
    await settle(page);
    await shot('02-variants');

    // The same request again is served from the saved result, without a call.
    await page.getByTestId('content-generate').click();
    await page.locator('[data-testid="content-source"][data-source="cache"]').waitFor();
    expect(fake.requests).toHaveLength(1);

    // Personalise for the segment: the message uses {kode_kampanye}, so nothing goes out until a
    // code is given; then each row's wa.me link carries that customer's own message.
    await first.getByTestId('variant-send').click();
    await page.locator(`[data-testid="send-total"][data-total="${atRisk}"]`).waitFor();
    await page.getByTestId('send-code-missing').waitFor();
    await page.getByTestId('send-row-blocked').first().waitFor();
    expect(await page.getByTestId('send-row-wa').count()).toBe(0);
    const suggested = (await page.getByTestId('send-code-suggest').getAttribute('data-code')) ?? '';
    expect(suggested).toMatch(/^BERISIKO_[A-Z]{3}_20\d\d_DISKON$/);
    await page.getByTestId('send-code-suggest').click();
    await page.getByTestId('send-code-given').waitFor();
    await page.getByTestId('send-row-wa').first().waitFor();
    const row = page
      .getByTestId('send-row')
      .filter({ has: page.getByTestId('send-row-wa') })
      .first();
    const name = (await row.getByTestId('send-row-name').textContent()) ?? '';
    const message = (await row.getByTestId('send-row-message').textContent()) ?? '';
    expect(message).toContain(`Halo Kak ${name} di `);
    expect(message).toContain(`dapatkan ${OFFER}.`);
    expect(message).toContain(`kode ${suggested} dan`);
    expect(message).not.toMatch(/\{[a-z_]+\}/);
    const link = (await row.getByTestId('send-row-wa').getAttribute('href')) ?? '';
    expect(waText(link)).toBe(message);
    const [popup] = await Promise.all([context.waitForEvent('page'), row.getByTestId('send-row-wa').click()]);
    expect(waText(popup.url())).toBe(message);
    await popup.close();
    await expect(row.getByTestId('send-row-check').isChecked()).resolves.toBe(true);
    await page.getByTestId('send-mark-contacted').click();
    await page.getByText('1 pelanggan ditandai sudah dihubungi.').waitFor();
    await row.getByTestId('send-row-contacted').filter({ hasNotText: 'Belum pernah' }).waitFor();

    // The WhatsApp broadcast list, written in a job like an export: one row per recipient with a
    // phone, messages filled in, and everyone on it recorded as contacted (the box is ticked).
    const contacts = () => (db.prepare('SELECT COUNT(*) AS n FROM customer_communications').get() as { n: number }).n;
    const contactedBefore = contacts();
    await page.getByTestId('broadcast-menu').click();
    await page.getByTestId('broadcast-whatsapp-csv').click();
    await page.getByTestId('broadcast-start').waitFor();
    await expect(page.getByTestId('broadcast-mark').isChecked()).resolves.toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('broadcast-start').click()]);
    const csv = Papa.parse<string[]>(readFileSync((await download.path()) ?? '', 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const withPhone = db
      .prepare(
        `SELECT COUNT(*) AS n FROM rfm_analysis a JOIN customers c ON c.id = a.customer_id WHERE a.run_id = (SELECT id FROM rfm_runs ORDER BY created_at DESC LIMIT 1) AND a.segment = 'at_risk' AND c.phone IS NOT NULL`,
      )
      .get() as { n: number };
    expect(csv[0]).toEqual(['No HP', 'Nama', 'Pesan']);
    expect(csv).toHaveLength(withPhone.n + 1);
    expect(csv.find((line) => line[1] === name)?.[2]).toBe(message);
    const n = new Intl.NumberFormat('id-ID').format(withPhone.n);
    await page
      .getByTestId('broadcast-done')
      .filter({ hasText: `${n} baris, ${n} pelanggan dicatat sudah dihubungi.` })
      .waitFor();
    expect(contacts()).toBe(contactedBefore + withPhone.n);
    await settle(page);
    await shot('03-broadcast');
    await page.getByTestId('broadcast-close').click();
    await page.getByTestId('broadcast-close').waitFor({ state: 'detached' });
    await settle(page);
    await shot('03-personalise');

    // A campaign: a wrong code is explained, a right one snapshots the segment.
    await page.getByTestId('nav-content').click();
    await page.getByTestId('content-tab-campaigns').click();
    await page.getByTestId('campaign-new').click();
    await page.getByTestId('campaign-name').fill('Ajak kembali pelanggan berisiko');
    await page.getByTestId('campaign-code').fill('promo november');
    await page.getByTestId('campaign-save').click();
    await page.getByText('Kode kampanye harus berformat PAKET_BULAN_TAHUN_JENIS, contoh: UMR_MAR_2025_HEMAT.').waitFor();
    await page.getByTestId('campaign-code').fill(CODE);
    await pick(page, 'campaign-content', /^Variasi 1 · Halo Kak/);
    await page.getByTestId('campaign-save').click();
    await page.getByTestId('campaign-title').waitFor();
    await page
      .getByTestId('campaign-recipients')
      .filter({ hasText: new RegExp(`^${atRisk}$`) })
      .waitFor();
    await page.getByTestId('campaign-message').filter({ hasText: 'lama tak jumpa' }).waitFor();

    // Send to its recipients: the campaign code is filled in.
    await page.getByTestId('campaign-send').click();
    await page.getByTestId('send-campaign-code').filter({ hasText: CODE }).waitFor();
    await page.locator(`[data-testid="send-total"][data-total="${atRisk}"]`).waitFor();
    const recipient = page
      .getByTestId('send-row')
      .filter({ has: page.getByTestId('send-row-wa') })
      .first();
    const recipientName = (await recipient.getByTestId('send-row-name').textContent()) ?? '';
    const campaignMessage = (await recipient.getByTestId('send-row-message').textContent()) ?? '';
    expect(campaignMessage).toContain(`kode ${CODE}`);
    expect(waText((await recipient.getByTestId('send-row-wa').getAttribute('href')) ?? '')).toBe(campaignMessage);
    await recipient.getByTestId('send-row-check').check();
    await page.getByTestId('send-mark-contacted').click();
    await page.getByText('1 pelanggan ditandai sudah dihubungi.').waitFor();

    // On the customer's page: the contact history, then a sale carrying the code.
    await recipient.getByTestId('send-row-name').click();
    await page.getByTestId('customer-name').filter({ hasText: recipientName }).waitFor();
    await page.getByTestId('contact-history-campaign').filter({ hasText: CODE }).waitFor();
    await expect(page.getByTestId('contact-history-message').first().textContent()).resolves.toBe(campaignMessage);
    await settle(page);
    await page.getByTestId('contact-history').screenshot({ path: join(SCREENSHOTS, 'content-06-contact-history.png') });

    await page.getByTestId('customer-add-transaction').click();
    await page.getByLabel('Nominal', { exact: true }).fill('250000');
    await page.getByLabel('Kode kampanye', { exact: true }).fill(CODE);
    await page.getByTestId('transaction-save').click();
    await page.getByText('Transaksi disimpan.').waitFor();

    // The campaign report counts the conversion.
    await page.getByTestId('nav-content').click();
    await page.getByTestId('content-tab-campaigns').click();
    await page.locator(`[data-testid="campaign-row"][data-code="${CODE}"]`).click();
    await page.getByTestId('campaign-converted').filter({ hasText: /^1$/ }).waitFor();
    await expect(page.getByTestId('campaign-contacted').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('campaign-revenue').textContent()).resolves.toBe('Rp 250.000');
    await settle(page);
    await shot('04-campaign-report');

    // Usage: the one call this month, priced by the default table.
    await page.getByTestId('nav-content').click();
    await page.getByTestId('content-tab-usage').click();
    await page.getByTestId('usage-month-row').first().waitFor();
    expect(await page.getByTestId('usage-month-row').count()).toBe(1);
    await expect(page.getByTestId('usage-segments').textContent()).resolves.toContain('Berisiko');
    await settle(page);
    await shot('05-usage');
  });

  it("opens the send page with the chosen variant's text after a second generation, and holds back a message whose campaign code would be empty", async () => {
    session = await openSession('content-send', { env: { OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined } });
    const { page, shot } = session;
    await openDemoShop(page);

    // Berisiko on WhatsApp without an offer: the templates; open the send page once, so the
    // library list for this segment and channel is cached without the variants made next.
    await page.getByTestId('nav-content').click();
    await page
      .getByTestId('content-segment-hint')
      .filter({ hasText: /\d+ pelanggan · rata-rata belanja/ })
      .waitFor();
    await expect(page.getByTestId('content-segment').inputValue()).resolves.toMatch(/^Berisiko · /);
    await page.getByTestId('content-channel-whatsapp').click();
    await page.getByTestId('content-generate').click();
    await page.locator('[data-testid="content-source"][data-source="template"]').waitFor();
    await page.getByTestId('variant-card').first().getByTestId('variant-send').click();
    await expect.poll(() => page.getByTestId('send-body').inputValue()).toContain('penawaran khusus');
    await page.getByText('Kembali ke Konten AI').click();

    // An offer, generated again: the new first variant is what the send page opens with.
    await page.getByTestId('content-offer').fill('gratis ongkir');
    await page.getByTestId('content-generate').click();
    const first = page.locator('[data-testid="variant-card"][data-variant="1"]');
    await first.getByTestId('variant-body').filter({ hasText: 'gratis ongkir' }).waitFor();
    const body = await first.getByTestId('variant-body').inputValue();
    const contentId = (await first.getAttribute('data-id')) ?? '';
    await first.getByTestId('variant-send').click();
    await page.waitForURL((url) => url.hash.includes(`content=${contentId}`));
    // "Dari pustaka" shows the variant once the fresh list is in; "Isi pesan" holds its text too.
    await expect.poll(() => page.getByTestId('send-content').inputValue()).toMatch(/^Variasi 1 · Halo Kak/);
    await settle(page);
    await expect(page.getByTestId('send-body').inputValue()).resolves.toBe(body);
    expect(await page.getByTestId('send-need-message').count()).toBe(0);

    // The template says "Sebutkan kode {kode_kampanye} saat pesan ya." and the recipients are a
    // segment: no "Kirim WA" until a code is given; the suggestion comes from segment, month, offer.
    await page.getByTestId('send-code-missing').filter({ hasText: 'pilih kampanye atau isi kode' }).waitFor();
    await page.getByTestId('send-row-blocked').first().waitFor();
    expect(await page.getByTestId('send-row-wa').count()).toBe(0);
    await expect(page.getByTestId('send-row-blocked').first().isDisabled()).resolves.toBe(true);
    await settle(page);
    await shot('01-code-missing');
    const suggested = (await page.getByTestId('send-code-suggest').getAttribute('data-code')) ?? '';
    expect(suggested).toMatch(/^BERISIKO_[A-Z]{3}_20\d\d_ONGKIR$/);
    await page.getByTestId('send-code-suggest').click();
    await page.getByTestId('send-code-given').waitFor();
    const row = page
      .getByTestId('send-row')
      .filter({ has: page.getByTestId('send-row-wa') })
      .first();
    await row.waitFor();
    const message = (await row.getByTestId('send-row-message').textContent()) ?? '';
    expect(message).toContain(`Sebutkan kode ${suggested} saat pesan ya.`);
    expect(waText((await row.getByTestId('send-row-wa').getAttribute('href')) ?? '')).toBe(message);
    expect(await page.getByTestId('send-row-blocked').count()).toBe(0);
    await settle(page);
    await shot('02-code-given');
  });

  it('offers templates with the reason when there is no key, keeps SMS within 160 characters, and queues a request made offline until the server is back', async () => {
    fake = new FakeOpenAI();
    await fake.start();
    const port = Number(new URL(fake.baseUrl).port);
    await fake.stop();
    session = await openSession('content-offline', { env: { OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined } });
    const { page, shot } = session;
    await openDemoShop(page);

    // No key: the built-in templates, and why.
    await page.getByTestId('nav-content').click();
    await page
      .getByTestId('content-segment-hint')
      .filter({ hasText: /\d+ pelanggan · rata-rata belanja/ })
      .waitFor(); // the demo's segments are there
    await page.getByTestId('content-channel-sms').click();
    await page.getByTestId('content-generate').click();
    await page.locator('[data-testid="content-source"][data-source="template"]').waitFor();
    await page.getByTestId('content-notice').filter({ hasText: 'Belum ada kunci API AI' }).waitFor();
    const sms = page.getByTestId('variant-card').first();
    await sms.getByTestId('variant-body').fill('Kak {nama}, '.padEnd(161, 'x'));
    await sms.locator('[data-testid="variant-sms-count"][data-over="true"]').filter({ hasText: '161/160' }).waitFor();
    await expect(sms.getByTestId('variant-save').isDisabled()).resolves.toBe(true);
    await sms.getByTestId('variant-body').fill('Kak {nama}, ada promo untuk Kakak di {toko}.');
    await sms.getByTestId('variant-save').click();
    await sms.getByTestId('variant-unsaved').waitFor({ state: 'detached' });
    await sms.getByTestId('variant-approve').click();
    await sms.locator('[data-testid="variant-status"][data-status="approved"]').waitFor();
    await settle(page);
    await shot('01-templates-sms');

    // Email has a subject line.
    await page.getByTestId('content-channel-email').click();
    await page.getByTestId('content-generate').click();
    await page.getByTestId('variant-subject').first().waitFor();

    // The library: filtered to approved, a row opens the variant.
    await page.getByTestId('content-tab-library').click();
    await page.getByTestId('library-row').first().waitFor();
    await settle(page);
    await shot('02-library');
    await page.getByTestId('library-status').getByText('Disetujui', { exact: true }).click();
    // The unfiltered list stays on screen until the filtered one arrives (it held that row too):
    // the drafts leaving is what says the new list is shown.
    await page
      .getByTestId('library-row')
      .filter({ has: page.getByText('Draf', { exact: true }) })
      .first()
      .waitFor({ state: 'detached' });
    await page.getByTestId('library-row').filter({ hasText: 'ada promo untuk Kakak' }).waitFor();
    expect(await page.getByTestId('library-row').count()).toBe(1);
    await page.getByTestId('library-row').first().click();
    await expect(page.getByRole('dialog').getByTestId('variant-body').inputValue()).resolves.toBe('Kak {nama}, ada promo untuk Kakak di {toko}.');
    await page.keyboard.press('Escape');

    // Offline: a key, but the server cannot be reached; the request waits in the queue.
    process.env.OPENAI_API_KEY = 'sk-e2e-test-key';
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-ai').click();
    await page.getByTestId('ai-base-url').fill(`http://127.0.0.1:${port}/v1`);
    await page.getByTestId('ai-save').click();
    await page.getByText('Pengaturan AI disimpan.').waitFor();
    await page.getByTestId('nav-content').click();
    await page.getByTestId('content-tab-generate').click();
    await page.getByTestId('content-channel-whatsapp').click();
    await page.getByTestId('content-generate').click();
    await page.getByTestId('content-queued').waitFor();
    await page.getByTestId('content-notice').filter({ hasText: 'tidak bisa dihubungi' }).waitFor();
    await settle(page);
    await shot('03-queued');

    // The server is back: "Coba sekarang" generates it, and a notification says so.
    await fake.start(port);
    await page.getByTestId('content-tab-usage').click();
    await page
      .getByTestId('usage-queued')
      .filter({ hasText: /^1 permintaan/ })
      .waitFor();
    await page.getByTestId('usage-drain').click();
    await page.getByText(/yang tertunda sudah dibuat/).waitFor();
    await page
      .getByTestId('usage-queued')
      .filter({ hasText: /^0 permintaan/ })
      .waitFor();
    expect(fake.requests.length).toBe(1);
    // The queued request's templates on the write tab give way to the generated variants.
    await page.getByTestId('content-tab-generate').click();
    await page.locator('[data-testid="content-source"][data-source="cache"]').waitFor();
    await page.getByTestId('content-queued').waitFor({ state: 'detached' });
    expect(fake.requests.length).toBe(1);

    // The page in English.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('language-en').click();
    await page.getByTestId('content-tab-generate').filter({ hasText: 'Write' }).click();
    await page.getByTestId('content-generate').filter({ hasText: 'Write content' }).waitFor();
    await settle(page);
    await shot('04-english');
  });
});
