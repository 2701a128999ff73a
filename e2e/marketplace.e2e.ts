import { afterEach, describe, expect, it } from 'vitest';
import { expected, fileRows, SHOPEE_FIXTURE } from '../test/import/marketplace-figures';
import { OLSERA, olseraFigures } from '../test/import/pos-figures';
import { fillSetupForm, openSession, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('a marketplace order export through the wizard', () => {
  it('a Shopee export is recognised, needs no mapping, and its report counts the orders left out', async () => {
    const want = expected(await fileRows());
    session = await openSession('marketplace');
    const { page, shot } = session;
    await fillSetupForm(page);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();

    // A customer the shop already had, with the phone a Shopee buyer of the file shows in full.
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-add').click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Nama', { exact: true }).fill('Lina H.');
    await form.getByLabel('No. HP', { exact: true }).fill('0812-3456-0001');
    await form.getByLabel('Kota', { exact: true }).fill('Bogor');
    await page.getByTestId('customer-save').click();
    await page.getByTestId('customer-save').waitFor({ state: 'detached' });

    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-kind-transactions').click();
    await page.getByTestId('import-file-input').setInputFiles(SHOPEE_FIXTURE);
    await page.getByTestId('import-preset-detected').filter({ hasText: 'Ekspor pesanan Shopee terdeteksi' }).waitFor();
    await shot('01-preview');

    await page.getByTestId('import-next').click();
    await page.getByTestId('import-preset-mapped').waitFor();
    // The columns are known: no mapping table unless the owner asks for it; the status options show.
    await expect(page.getByTestId('import-mapping-table').count()).resolves.toBe(0);
    await page.getByTestId('import-opt-in-progress').waitFor();
    await shot('02-options');

    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    expect((await page.getByTestId('report-skipped').textContent())?.trim()).toBe(String(want.skippedLines));
    expect((await page.getByTestId('report-failed').textContent())?.trim()).toBe('0');
    await page
      .getByTestId('import-warnings')
      .filter({ hasText: `Pesanan batal dilewati: ${want.cancelled.length}.` })
      .waitFor();
    await shot('03-report');

    await page.getByTestId('import-commit').click();
    await page.getByTestId('confirm-import').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    const db = session.app.services.sqlite;
    expect(db.prepare('SELECT count(*) AS n, sum(amount) AS revenue FROM transactions').get()).toEqual({
      n: want.done.length + 2 * want.returned.length,
      revenue: want.revenue,
    });
    // The buyer is not merged with the shop's Lina by the import: the owner is asked.
    await page.getByTestId('duplicate-row').filter({ hasText: 'shopee:lina.h' }).waitFor();
    await shot('04-result');
    await page.getByTestId('duplicate-link').click();
    await page.getByTestId('import-duplicates').waitFor({ state: 'detached' });
    expect(db.prepare("SELECT channel_identity FROM customers WHERE name = 'Lina H.'").pluck().get()).toBe('shopee:lina.h');
  });
});

describe('orders still in progress, through the wizard', () => {
  it('the owner keeps them as pending: the report counts them and the Transactions page lists them apart from sales', async () => {
    const want = olseraFigures();
    session = await openSession('marketplace-pending');
    const { page, shot } = session;
    await fillSetupForm(page);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();

    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-kind-transactions').click();
    await page.getByTestId('import-file-input').setInputFiles(OLSERA);
    await page.getByTestId('import-preset-detected').filter({ hasText: 'Olsera POS' }).waitFor();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-preset-mapped').waitFor();
    // A till whose orders can be in progress: the choice shows, skipping them by default.
    await expect(page.getByTestId('import-in-progress-skip').isChecked()).resolves.toBe(true);
    await page.getByTestId('import-in-progress-pending').check();
    await shot('05-pending-option');

    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    const kept = `${want.inProgress.length} pesanan dalam proses disimpan sebagai tertunda`;
    await page.getByTestId('import-warnings').filter({ hasText: kept }).waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('confirm-import').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-warnings').filter({ hasText: kept }).waitFor();
    const db = session.app.services.sqlite;
    expect(db.prepare('SELECT sum(amount) FROM transactions').pluck().get()).toBe(want.revenue - want.refunded);

    await page.getByTestId('nav-transactions').click();
    const note = page.getByTestId('pending-orders');
    await note.filter({ hasText: `${want.inProgress.length} pesanan dalam proses disimpan sebagai tertunda (Rp` }).waitFor();
    await page.getByTestId('pending-orders-toggle').click();
    const rows = page.getByTestId('pending-orders-table').locator('tbody tr');
    await rows.nth(want.inProgress.length - 1).waitFor();
    await expect(rows.count()).resolves.toBe(want.inProgress.length);
    await rows.filter({ hasText: 'Dikirim' }).first().waitFor();
    await shot('06-pending-list');
  });
});
