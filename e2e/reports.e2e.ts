import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('reports and export', () => {
  it('Laporan: preview with totals, export to CSV with progress and download, history; the customers list and a segment export their visible columns', async () => {
    session = await openSession('reports');
    const { page, shot } = session;
    await page.getByTestId('setup-demo').click();
    await page.getByTestId('user-menu').waitFor({ timeout: 60_000 });
    await page.getByRole('alert').filter({ hasText: 'demo1234' }).getByRole('button').click();

    await page.getByTestId('nav-reports').click();
    await page.getByTestId('preview-total').filter({ hasText: /^10\.000$/ }).waitFor({ timeout: 30_000 });
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
    await page.getByTestId('customers-total').filter({ hasText: /^(?!500$)\d+$/ }).waitFor();
    const shown = Number(await page.getByTestId('customers-total').textContent());
    await page.getByTestId('list-export').click();
    await page.getByTestId('export-columns-visible').waitFor();
    await shot('06-customers-export-dialog');
    const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-start').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^pelanggan-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await xlsx.path());
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Kode', 'Nama', 'No. HP', 'Email', 'Kota', 'Label', 'Dibuat']);
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
});
