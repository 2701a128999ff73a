import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDemoShop, openSession, type Session, settle } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('reports and export', () => {
  it('Laporan: preview with totals, export to CSV with progress and download, history; the customers list and a segment export their visible columns', async () => {
    session = await openSession('reports');
    const { page, shot } = session;
    await openDemoShop(page);

    await page.getByTestId('nav-reports').click();
    await page
      .getByTestId('preview-total')
      .filter({ hasText: /^10\.000$/ })
      .waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('preview-sum-amount').textContent()).resolves.toMatch(/^Rp [\d.]+$/);
    expect(await page.getByTestId('preview-row').count()).toBe(20);
    await shot('01-transactions-preview');

    await page.getByTestId('report-select').click();
    await page.getByRole('option', { name: 'Penjualan per bulan' }).click();
    await page.getByTestId('preview-total').filter({ hasText: /^12$/ }).waitFor({ timeout: 30_000 });
    await page.getByTestId('preview-period').waitFor();
    await shot('02-monthly-preview');

    await page.getByTestId('report-export').click();
    await page.getByTestId('export-format-csv').click();
    await shot('03-export-dialog');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-start').click()]);
    expect(download.suggestedFilename()).toMatch(/^penjualan-bulanan-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').slice(1).split('\r\n')[0]).toBe('Bulan;Pendapatan;Transaksi;Pelanggan aktif;Rata-rata belanja');
    await page.getByTestId('export-done').waitFor();
    await shot('04-export-done');
    await page.getByTestId('export-close').click();
    await page.getByTestId('export-history-status').filter({ hasText: 'Selesai' }).first().waitFor();
    await shot('05-history');

    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-total').filter({ hasText: /^500$/ }).waitFor();
    await page.getByTestId('customers-search').fill('sari');
    await page
      .getByTestId('customers-total')
      .filter({ hasText: /^(?!500$)\d+$/ })
      .waitFor();
    const shown = Number(await page.getByTestId('customers-total').textContent());
    // At 1366 px the list leaves its secondary E-mail column out: "visible columns" are those it shows.
    const listHeaders = (await page.getByTestId('customers-table').locator('thead th').allTextContents()).map((h) => h.trim()).filter(Boolean);
    expect(listHeaders).not.toContain('Email');
    await page.getByTestId('list-export').click();
    await page.getByTestId('export-columns-visible').waitFor();
    await shot('06-customers-export-dialog');
    const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-start').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^pelanggan-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await xlsx.path());
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Kode', 'Nama', 'No. HP', 'Kota', 'Label', 'Dibuat']);
    expect(sheet.rowCount - 1).toBe(shown);
    await page.getByTestId('export-done').waitFor();
    await shot('07-customers-export-done');
    await page.getByTestId('export-close').click();

    // A segment's members, from the RFM page's segment detail: its visible columns, every member.
    await page.getByTestId('nav-rfm').click();
    await page.getByTestId('segment-table').waitFor(); // the demo's first analysis
    await page.evaluate("window.location.hash = '#/rfm/segment/champions'");
    await page.getByTestId('member-row').first().waitFor();
    const members = Number(await page.getByTestId('members-total').textContent());
    await page.getByTestId('list-export').click();
    const [segmentFile] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-start').click()]);
    expect(segmentFile.suggestedFilename()).toMatch(/^segmen-champions-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const segmentBook = new ExcelJS.Workbook();
    await segmentBook.xlsx.readFile(await segmentFile.path());
    const segmentSheet = segmentBook.worksheets[0];
    expect((segmentSheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Kode', 'Nama', 'Skor R']);
    expect(segmentSheet.rowCount - 1).toBe(members);
    await page.getByTestId('export-done').waitFor();
    await shot('08-segment-export-done');
  });

  it('switching report shows its loading state at once, never the totals of the last one under its name, and the preview fits 1366 px', async () => {
    session = await openSession('reports-switch');
    const { page, shot } = session;
    await openDemoShop(page);
    await page.getByTestId('nav-reports').click();
    await page
      .getByTestId('preview-total')
      .filter({ hasText: /^10\.000$/ })
      .waitFor({ timeout: 30_000 });
    const transactionsTotal = await page.getByTestId('preview-sum-amount').textContent();

    // Watch every change of the page from here: once the report field names the monthly report,
    // the transactions' row count and amount must never be on screen, and a loading state must be.
    await page.evaluate(`(() => {
      const seen = (window.__switch = { stale: [], loading: false });
      const check = () => {
        const field = document.querySelector('input[data-testid="report-select"]');
        if (!field || field.value !== 'Penjualan per bulan') return;
        if (document.querySelector('[data-testid="preview-loading"]')) seen.loading = true;
        const total = document.querySelector('[data-testid="preview-total"]');
        const amount = document.querySelector('[data-testid="preview-sum-amount"]');
        if (total && total.textContent === '10.000') seen.stale.push('rows ' + total.textContent);
        if (amount && amount.textContent === ${JSON.stringify(transactionsTotal)}) seen.stale.push('amount ' + amount.textContent);
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    })()`);
    await page.getByTestId('report-select').click();
    await page.getByRole('option', { name: 'Penjualan per bulan' }).click();
    await page.getByTestId('preview-total').filter({ hasText: /^12$/ }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate('window.__switch')).toEqual({ stale: [], loading: true });
    await page.getByTestId('preview-title').filter({ hasText: 'Penjualan per bulan' }).waitFor();

    // Twenty columns of customers at 1366 px: the main ones fit the card, the rest are named as in
    // the file; the page does not scroll sideways and no table sticks out of its card.
    await page.getByTestId('report-select').click();
    await page.getByRole('option', { name: 'Daftar pelanggan' }).click();
    await page.getByTestId('preview-title').filter({ hasText: 'Daftar pelanggan' }).waitFor();
    await page.getByTestId('preview-row').first().waitFor({ timeout: 30_000 });
    await page
      .getByTestId('preview-hidden-columns')
      .filter({ hasText: /^\d+ kolom lain/ })
      .waitFor();
    const fit = (await page.evaluate(`(() => {
      const table = document.querySelector('[data-testid="preview-table"]');
      const card = table.closest('.mantine-Card-root');
      return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, table: Math.round(table.getBoundingClientRect().right - card.getBoundingClientRect().right), columns: table.querySelectorAll('th').length };
    })()`)) as { page: number; table: number; columns: number };
    expect(fit.page).toBeLessThanOrEqual(0);
    expect(fit.table).toBeLessThanOrEqual(0);
    expect(fit.columns).toBeGreaterThanOrEqual(5);
    await settle(page);
    await shot('09-customers-preview-1366');
  });
});
