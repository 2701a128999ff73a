import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { audit, describeFindings, LOADED } from './axe';
import { fillSetupForm, openSession, settle, type Session } from './harness';
import { findOverflows } from './overflows';

let session: Session | null = null;

/** axe on the page once it has loaded: nothing serious or critical, each finding named. */
async function accessible(page: Page, name: string): Promise<void> {
  await expect.poll(() => page.evaluate(LOADED), { timeout: 30_000 }).toBe(true);
  expect(describeFindings(new Map([[name, await audit(page)]]))).toBe('');
}
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('leads: form, board, table, lead page and conversion', () => {
  it('creates a lead, moves it by drag and by keyboard (back asks why), logs a call and converts it into a customer', async () => {
    session = await openSession('leads');
    const { page, app, shot } = session;
    // A 1366 × 768 laptop: every leads page must fit it, no text cut, nothing scrolling sideways.
    await page.setViewportSize({ width: 1366, height: 768 });
    await fillSetupForm(page);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();

    // No lead yet: one empty state with its button, not six empty columns.
    await page.getByTestId('nav-leads').click();
    await page.getByTestId('leads-empty').waitFor();
    await settle(page);
    expect(await findOverflows(page)).toEqual([]);
    await shot('01-board-empty');

    // A lead through the form: the card lands in the first stage with its value in rupiah.
    await page.getByTestId('lead-add-empty').click();
    await page.getByTestId('lead-save').waitFor();
    await accessible(page, 'lead form');
    await page.getByTestId('lead-form-name').fill('Rina Aprilia');
    await page.getByLabel('Asal sekolah / perusahaan').fill('SMAN 3 Bandung');
    await page.getByTestId('lead-form-phone').fill('0812-3456-7890');
    await page.getByTestId('lead-form-channel').click();
    await page.getByRole('option', { name: 'Instagram Ads' }).click();
    await page.getByTestId('lead-form-value').fill('15000000');
    await page.getByTestId('lead-save').click();
    const column = (stage: string) => page.locator(`[data-testid="board-column"][data-stage-id="${stage}"]`);
    const card = (name: string) => page.getByTestId('lead-card').filter({ hasText: name });
    await column('lead').getByTestId('lead-card').filter({ hasText: 'Rina Aprilia' }).waitFor();
    await expect(column('lead').getByTestId('board-column-value').textContent()).resolves.toContain('Rp');

    // More leads, made as an import or a colleague would: a long name must not break a card.
    const call = async (channel: string, input: unknown) => {
      const result = await app.call(channel, input, { clientId: 'script' });
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.data;
    };
    await call('auth.login', { username: 'sari', password: 'kata-sandi-toko' });
    await call('leads.create', { name: 'Dewi Lestari', organisation: 'PT Maju Jaya', value: 8_000_000 });
    await call('leads.create', {
      name: 'Raden Mas Muhammad Rizky Pratama Wijayakusuma Hadiningrat',
      organisation: 'Sekolah Menengah Atas Negeri 3 Bandung, Jawa Barat, Indonesia',
      value: 1_250_000_000,
      stageId: 'interest',
    });
    await call('leads.create', { name: 'Budi Santoso', value: 4_500_000, stageId: 'follow_up' });
    await page.reload();
    await card('Dewi Lestari').waitFor();

    // Drag Rina to Booking (forwards: no reason asked).
    await card('Rina Aprilia').dragTo(column('booking'));
    await column('booking').getByTestId('lead-card').filter({ hasText: 'Rina Aprilia' }).waitFor();
    await page.locator('[data-testid="board-column"][data-stage-id="booking"][data-count="1"]').waitFor();

    // From the keyboard: → moves Dewi to Follow-up; ← takes her back, which asks a reason first.
    await card('Dewi Lestari').focus();
    await page.keyboard.press('ArrowRight');
    await column('follow_up').getByTestId('lead-card').filter({ hasText: 'Dewi Lestari' }).waitFor();
    await expect.poll(() => page.evaluate<string>("document.activeElement?.textContent ?? ''")).toContain('Dewi Lestari');
    await page.keyboard.press('ArrowLeft');
    await page
      .getByTestId('move-reason-question')
      .filter({ hasText: /alasan/i })
      .waitFor();
    await page.getByTestId('move-reason-save').click();
    await page
      .getByTestId('move-reason-question')
      .filter({ hasText: /alasan/i })
      .waitFor(); // an empty reason is refused
    await page.getByTestId('move-reason').fill('Belum ada dana bulan ini');
    await page.getByTestId('move-reason-save').click();
    await column('lead').getByTestId('lead-card').filter({ hasText: 'Dewi Lestari' }).waitFor();
    // All six columns (Won and Lost are drop targets too) fit a 1366 px laptop without scrolling sideways.
    await settle(page);
    expect(await findOverflows(page)).toEqual([]);
    await accessible(page, 'board');
    await shot('02-board');

    // The table: the same four leads, sorted and filtered by the same bar.
    await page.getByTestId('leads-view').getByText('Tabel').click();
    await page.getByTestId('lead-row').nth(3).waitFor();
    await page.getByTestId('leads-total').filter({ hasText: /^4$/ }).waitFor();
    await settle(page);
    expect(await findOverflows(page)).toEqual([]);
    await accessible(page, 'table');
    await shot('03-table');

    // Ekspor: the rows of the list, with the columns it shows, in a workbook.
    await page.getByTestId('list-export').click();
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-start').click()]);
    expect(file.suggestedFilename()).toMatch(/^prospek-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await file.path());
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(expect.arrayContaining(['Kode prospek', 'Nama', 'Tahap', 'Nilai']));
    expect(sheet.rowCount - 1).toBe(4);
    await page.getByTestId('export-done').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('leads-view').getByText('Papan').click();
    await page.getByTestId('leads-board').waitFor();

    // The lead page: the stage history keeps the reason; a call is logged with its next step.
    await card('Dewi Lestari').getByTestId('lead-card-name').click();
    await page.getByTestId('lead-name').filter({ hasText: 'Dewi Lestari' }).waitFor();
    await page.getByTestId('lead-history-reason').filter({ hasText: 'Belum ada dana bulan ini' }).waitFor();
    await page.getByTestId('nav-leads').click();
    await card('Rina Aprilia').getByTestId('lead-card-name').click();
    await page.getByTestId('lead-name').filter({ hasText: 'Rina Aprilia' }).waitFor();
    await page.getByTestId('activity-outcome').fill('Menanyakan jadwal keberangkatan bulan Maret');
    await page.getByTestId('activity-next').fill('Kirim brosur paket');
    await page.getByTestId('activity-save').click();
    // A next step needs its day, or nobody is ever reminded of it.
    await page.getByText('Pilih tanggal untuk langkah berikutnya').waitFor();
    await page.getByTestId('activity-due-date').click();
    await page.locator('.mantine-DatePickerInput-day:not([data-outside])').first().click();
    await page.getByTestId('activity-save').click();
    const logged = page.locator('[data-testid="activity-row"][data-kind="call"]').filter({ hasText: 'Kirim brosur paket' });
    await logged.waitFor();
    expect(await logged.getByTestId('activity-done').isChecked()).toBe(false);
    await settle(page);
    expect(await findOverflows(page)).toEqual([]);
    await accessible(page, 'lead page');
    await shot('04-lead');

    // The step ticked done; the stepper moves the lead too, asking why when it goes back.
    await logged.getByTestId('activity-done').check();
    await expect.poll(() => logged.getByTestId('activity-done').isChecked()).toBe(true);
    await page.getByTestId('lead-step-interest').click();
    await page.getByTestId('move-reason').fill('Jadwal belum pasti');
    await page.getByTestId('move-reason-save').click();
    await page.getByTestId('lead-history-reason').filter({ hasText: 'Jadwal belum pasti' }).waitFor();
    await page.getByTestId('lead-step-booking').click();
    await page.getByTestId('lead-stage').filter({ hasText: 'Booking' }).waitFor();

    // Convert: a new customer, and the customer page says where they came from.
    await page.getByTestId('lead-convert').click();
    await page.getByTestId('convert-confirm').click();
    await page.getByTestId('lead-customer-link').click();
    await page.getByTestId('customer-name').filter({ hasText: 'Rina Aprilia' }).waitFor();
    await page.getByTestId('customer-origin-row').filter({ hasText: 'L-00001' }).waitFor();
    await expect(page.getByTestId('customer-origin').textContent()).resolves.toContain('Instagram Ads');
    await settle(page);
    expect(await findOverflows(page)).toEqual([]);
    await shot('05-customer-origin');
  });

  it('Settings → Prospek: stages and sources are edited, and a stage that holds leads is not removed', async () => {
    session = await openSession('leads-settings');
    const { page, app, shot } = session;
    await page.setViewportSize({ width: 1366, height: 768 });
    await fillSetupForm(page);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();
    await app.call('auth.login', { username: 'sari', password: 'kata-sandi-toko' }, { clientId: 'script' });
    const made = await app.call('leads.create', { name: 'Agus Prasetyo', value: 3_000_000, stageId: 'interest' }, { clientId: 'script' });
    expect(made.ok).toBe(true);

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-leads').click();
    await page.getByTestId('stage-row').nth(5).waitFor();
    await settle(page);
    expect(await findOverflows(page)).toEqual([]);
    await accessible(page, 'settings');
    await shot('06-settings');

    // Interest holds Agus: the server refuses and its sentence is shown.
    await page.getByRole('button', { name: 'Hapus: Interest' }).click();
    expect(await page.getByTestId('stage-row').count()).toBe(5);
    await page.getByTestId('stages-save').click();
    await page.getByTestId('stages-error').filter({ hasText: 'Tahap "Interest" masih berisi prospek' }).waitFor();

    // Back to the saved list; a new stage goes before Won and Lost, with its probability.
    await page.reload();
    await page.getByTestId('stage-row').nth(5).waitFor();
    await page.getByTestId('stage-add').click();
    const added = page.getByTestId('stage-row').nth(4);
    await added.getByLabel('Nama tahap').fill('Survei lokasi');
    await added.getByLabel('Peluang').fill('65');
    await page.getByTestId('stages-save').click();
    await page.getByText('Tahap prospek disimpan.').waitFor();

    // A new source with its UTM value; a lead from that UTM lands on it.
    await page.getByTestId('channel-add').click();
    const channel = page.getByTestId('channel-row').last();
    await channel.getByLabel('Nama sumber').fill('Google Ads');
    await channel.getByLabel('Nilai UTM').fill('gads');
    await channel.getByLabel('Nilai UTM').press('Enter');
    await page.getByTestId('channels-save').click();
    await page.getByText('Sumber prospek disimpan.').waitFor();
    const fromGoogle = await app.call('leads.create', { name: 'Wulan', utmSource: 'GAds' }, { clientId: 'script' });
    expect(fromGoogle).toMatchObject({ ok: true, data: { channelName: 'Google Ads' } });

    await page.getByTestId('nav-leads').click();
    await page.locator('[data-testid="board-column"][data-stage-id]').nth(6).waitFor();
    expect(await page.getByTestId('board-column').nth(4).getAttribute('aria-label')).toBe('Survei lokasi');
  });

  it('a full column links to the table on its stage; WhatsApp opens with the greeting and is logged; English throughout', async () => {
    session = await openSession('leads-more');
    const { page, app, context, shot } = session;
    await page.setViewportSize({ width: 1366, height: 768 });
    await fillSetupForm(page);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();
    const call = async (channel: string, input: unknown) => {
      const result = await app.call(channel, input, { clientId: 'script' });
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.data as { id: string };
    };
    await call('auth.login', { username: 'sari', password: 'kata-sandi-toko' });
    for (let n = 1; n <= 32; n++) await call('leads.create', { name: `Peserta ${n}`, value: 1_000_000 * n, stageId: 'follow_up' });
    const nina = await call('leads.create', { name: 'Nina Kurnia', phone: '0813-2222-4444', city: 'Bandung' });

    // The board shows 30 cards of Follow-up; the other two are a link to the table on that stage.
    await page.getByTestId('nav-leads').click();
    await page.locator('[data-testid="board-column"][data-stage-id="follow_up"][data-count="32"]').waitFor();
    expect(await page.locator('[data-testid="board-column"][data-stage-id="follow_up"] [data-testid="lead-card"]').count()).toBe(30);
    // The column scrolls; its cards are not squeezed to fit it (each shows all it holds).
    const squeezed = `[...document.querySelectorAll('[data-stage-id="follow_up"] [data-testid="lead-card"]')].filter((card) => card.scrollHeight > card.clientHeight + 1).length`;
    expect(await page.evaluate<number>(squeezed)).toBe(0);
    await page.getByTestId('board-column-more').filter({ hasText: '2 lainnya' }).click();
    await page.getByTestId('leads-total').filter({ hasText: /^32$/ }).waitFor();
    await page.getByTestId('leads-search').fill('tidak ada yang begini');
    await page.getByTestId('leads-empty').waitFor();

    // WhatsApp: wa.me with the greeting filled for Nina, and an activity of kind whatsapp.
    await context.route('https://wa.me/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>wa</p>' }));
    await page.evaluate(`window.location.hash = '#/leads/${nina.id}'`);
    await page.getByTestId('lead-wa-message').filter({ hasText: 'Halo Nina Kurnia' }).waitFor();
    const [chat] = await Promise.all([context.waitForEvent('page'), page.getByTestId('lead-wa-send').click()]);
    await chat.waitForLoadState();
    expect(decodeURIComponent(chat.url())).toContain('wa.me/6281322224444?text=Halo Nina Kurnia, terima kasih sudah bertanya ke Toko Sari');
    await chat.close();
    await page.locator('[data-testid="activity-row"][data-kind="whatsapp"]').filter({ hasText: 'Halo Nina Kurnia' }).waitFor();

    // The same pages in English.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('language-en').click();
    await page.getByTestId('lead-convert').filter({ hasText: 'Make customer' }).waitFor();
    await page.getByTestId('nav-leads').filter({ hasText: 'Leads' }).click();
    await page.getByTestId('leads-view').getByText('Board').click();
    await page.getByTestId('board-column-more').filter({ hasText: '2 more' }).waitFor();
    await settle(page);
    expect(await findOverflows(page)).toEqual([]);
    await shot('07-board-en');
  });

  it('a phone a customer has asks first and converts onto that customer; staff see their own and unassigned leads only', async () => {
    session = await openSession('leads-phone');
    const { page, app } = session;
    await fillSetupForm(page);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();
    const call = async (channel: string, input: unknown) => {
      const result = await app.call(channel, input, { clientId: 'script' });
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.data as { id: string };
    };
    await call('auth.login', { username: 'sari', password: 'kata-sandi-toko' });
    const budi = await call('customers.create', { name: 'Budi Santoso', phone: '0813-1111-2222', email: null, city: 'Bandung', tags: [] });
    const andi = await call('users.create', { name: 'Andi Staf', username: 'andi', password: 'password-123', role: 'staff' });
    const owners = (await call('leads.owners', {})) as unknown as { id: string; name: string }[];
    await call('leads.create', { name: 'Prospek milik Sari', ownerId: owners.find((user) => user.name === 'Sari Wulandari')?.id });
    await call('leads.create', { name: 'Prospek milik Andi', ownerId: andi.id });
    await call('leads.create', { name: 'Prospek tanpa PIC' });

    // The number of a customer: said while typing, refused on save, then kept on "Tetap simpan".
    await page.getByTestId('nav-leads').click();
    await page.getByTestId('lead-add').click();
    await page.getByTestId('lead-form-name').fill('Budi (tanya paket baru)');
    await page.getByTestId('lead-form-phone').fill('0813 1111 2222');
    await page.getByTestId('lead-phone-match-customer').filter({ hasText: 'Budi Santoso' }).waitFor();
    await page.getByTestId('lead-save').click();
    await page.getByTestId('lead-save-anyway').click();
    await page.getByTestId('lead-card').filter({ hasText: 'Budi (tanya paket baru)' }).waitFor();

    // The same number again: another lead has it now, so it links to that lead and offers no way round.
    await page.getByTestId('lead-add').click();
    await page.getByTestId('lead-form-name').fill('Budi lagi');
    await page.getByTestId('lead-form-phone').fill('0813-1111-2222');
    await page.getByTestId('lead-phone-match-lead').filter({ hasText: 'Budi (tanya paket baru)' }).waitFor();
    await page.getByTestId('lead-save').click();
    await page.getByText('Satu orang, satu prospek').waitFor();
    expect(await page.getByTestId('lead-save-anyway').count()).toBe(0);
    await page.keyboard.press('Escape');

    // Converting links to Budi's customer record, no second one.
    await page.getByTestId('lead-card').filter({ hasText: 'Budi (tanya paket baru)' }).getByTestId('lead-card-name').click();
    await page.getByTestId('lead-convert').click();
    await page.getByTestId('convert-match').filter({ hasText: 'Budi Santoso' }).waitFor();
    await page.getByTestId('convert-confirm').click();
    await page.getByTestId('lead-customer-link').click();
    await page.waitForURL(`**/#/customers/${budi.id}`);
    await page.getByTestId('customer-origin-row').waitFor();

    // Andi (staff): his own and the unassigned leads, no owner list beyond himself, no export.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByLabel('Nama pengguna').fill('andi');
    await page.getByLabel('Kata sandi').fill('password-123');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-leads').click();
    await page.getByTestId('leads-view').getByText('Tabel').click();
    await page.getByTestId('lead-row').first().waitFor();
    const names = await page.getByTestId('lead-name-link').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['Prospek milik Andi', 'Prospek tanpa PIC']));
    expect(names).not.toContain('Prospek milik Sari');
    expect(await page.getByTestId('list-export').count()).toBe(0);
    expect(await page.getByTestId('lead-delete').count()).toBe(0);
    await page.getByTestId('leads-owner-filter').click();
    expect(await page.getByRole('option').allTextContents()).toEqual(['Saya', 'Belum ada']);
  });
});
