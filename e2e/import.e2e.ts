import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fillSetupForm, openSession, type Session } from './harness';

const DATASETS = new URL('../test/fixtures/datasets/', import.meta.url).pathname;

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

/**
 * A new shop whose owner has chosen a 60,000-row sales file and just pressed "Periksa data": long
 * enough to be cancelled while its job runs. The file goes with the session's folder.
 */
async function largeFileValidating(prefix: string): Promise<Session> {
  session = await openSession(prefix);
  const { page } = session;
  const dir = mkdtempSync(join(tmpdir(), 'sma-e2e-file-'));
  const path = join(dir, 'banyak.csv');
  const lines = ['Tanggal,Kode Pelanggan,Total'];
  for (let i = 0; i < 60_000; i++) lines.push(`2026-01-${String(1 + (i % 28)).padStart(2, '0')},K${i % 3000},${1000 + i}`);
  writeFileSync(path, lines.join('\n'));
  const close = session.close;
  session.close = async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  };
  await fillSetupForm(page);
  await page.getByTestId('setup-submit').click();
  await page.getByTestId('user-menu').waitFor();
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-kind-transactions').click();
  await page.getByTestId('import-file-input').setInputFiles(path);
  await page.getByTestId('import-preview-table').waitFor();
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-validate').click();
  return session;
}

describe('importing a real sales file through the wizard', () => {
  it('UCI Online Retail sample: preview, mapping, report with row numbers, one-step import, history', async () => {
    session = await openSession('import');
    const { page, shot } = session;
    await fillSetupForm(page);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();

    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-kind-transactions').click();
    await page.getByTestId('import-file-input').setInputFiles(`${DATASETS}jerryaoverton_online_retail_sample.csv`);
    await page.getByTestId('import-preview-table').waitFor();
    await expect(page.getByTestId('import-preview-table').textContent()).resolves.toContain('InvoiceNo');
    // Rows are numbered as the spreadsheet numbers them, the header being row 1: as in the report.
    await expect(page.getByTestId('import-preview-line').first().textContent()).resolves.toBe('2');
    await shot('01-preview');

    await page.getByTestId('import-next').click();
    await page.getByTestId('map-transaction_date').waitFor();
    // The Next button sat at the bottom of the preview; the mapping opens at its top.
    await expect.poll(() => page.evaluate('window.scrollY')).toBe(0);
    await page.getByTestId('import-unit-100').click();
    await shot('02-mapping');
    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    const stat = async (id: string) => (await page.getByTestId(id).textContent())?.trim();
    expect(await stat('report-total')).toBe('2.709');
    expect(await stat('report-valid')).toBe('1.995');
    expect(await stat('report-skipped')).toBe('46');
    expect(await stat('report-failed')).toBe('668');
    expect(await stat('report-customers')).toBe('1.153');
    await expect(page.getByTestId('issue-row').first().textContent()).resolves.toContain('CustomerID');
    await shot('03-report');
    // Validation saved nothing.
    expect(session.app.services.sqlite.prepare('SELECT COUNT(*) AS n FROM transactions').get()).toEqual({ n: 0 });

    await page.getByTestId('import-commit').click();
    await page.getByTestId('confirm-import').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await stat('result-valid')).toBe('1.995');
    await expect(page.getByTestId('import-step-4').getAttribute('data-completed')).resolves.toBe('true');
    await shot('04-result');
    expect(session.app.services.sqlite.prepare('SELECT COUNT(*) AS n FROM transactions').get()).toEqual({ n: 1_788 });

    await page.getByTestId('import-tab-history').click();
    await page.getByTestId('history-row').first().waitFor();
    await expect(page.getByTestId('history-row').first().textContent()).resolves.toContain('jerryaoverton_online_retail_sample.csv');
    await shot('05-history');

    await page.getByTestId('nav-transactions').click();
    await page.getByTestId('transaction-row').first().waitFor();
    await shot('06-transactions');
  });

  it('a check is stopped by Cancel pressed as soon as it starts, and the cancel is logged', async () => {
    const { page, shot } = await largeFileValidating('import-cancel');
    // The card shows at once; its job's id comes with the job.started event, likely after this click.
    await page.getByTestId('import-cancel').click();
    await page.getByTestId('import-cancelled').waitFor({ timeout: 60_000 });
    await shot('01-cancelled');
    const logged = session!.app.services.sqlite.prepare("SELECT details FROM activity_logs WHERE action = 'job.cancel'").all() as { details: string }[];
    expect(logged.map((row) => JSON.parse(row.details) as unknown)).toEqual([expect.objectContaining({ kind: 'import.run', status: 'cancelled' })]);
  });

  it('a cancelled import does not show its last step as done', async () => {
    const { page, shot } = await largeFileValidating('import-cancel-commit');
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-commit').click();
    await page.getByTestId('confirm-import').click();
    await page.getByTestId('import-cancel').click();
    await page.locator('[data-testid="import-done-status"][data-status="cancelled"]').waitFor({ timeout: 60_000 });
    const last = page.getByTestId('import-step-4');
    await expect(last.getAttribute('data-status')).resolves.toBe('cancelled');
    await expect(last.getAttribute('data-completed')).resolves.toBeNull();
    await expect(last.textContent()).resolves.toContain('Dibatalkan');
    await shot('01-cancelled');
    expect(session!.app.services.sqlite.prepare('SELECT COUNT(*) AS n FROM transactions').get()).toEqual({ n: 0 });
  });

  it('a password-protected workbook is refused with a plain sentence', async () => {
    session = await openSession('import-bad');
    const { page, shot } = session;
    await page.getByTestId('setup-demo').click();
    await page.getByTestId('user-menu').waitFor({ timeout: 60_000 });
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file-input').setInputFiles(new URL('../test/fixtures/import/password-protected.xlsx', import.meta.url).pathname);
    await page.getByTestId('import-file-error').filter({ hasText: 'dilindungi kata sandi' }).waitFor();
    await shot('01-password-protected');
  });
});
