import { afterEach, describe, expect, it } from 'vitest';
import { openSession, settle, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

/** An action code (auth.login), a table name (export_history) or JSON: words an owner should not meet. */
const DEVELOPER_WORDS = /\b[a-z]+[._][a-z_]+\b|[{}"]/;

describe('owner pages in plain words', () => {
  it('the activity log reads as sentences, with labelled details and a filter by kind; health shows no sync figures', async () => {
    session = await openSession('activity');
    const { page, shot } = session;
    await page.getByTestId('setup-demo').click();
    await page.getByTestId('user-menu').waitFor({ timeout: 60_000 });
    await settle(page);

    await page.getByTestId('nav-health').click();
    await page.getByTestId('health-counts').getByText('Pelanggan', { exact: true }).waitFor();
    expect(await page.getByTestId('health-page').textContent()).not.toContain('Perubahan belum disinkronkan');
    // The row counts name the tables in words, and hold no outbox ("waiting to sync") row.
    const counts = (await page.getByTestId('health-counts').locator('tbody tr td:first-child').allTextContents()).join(', ');
    expect(counts).toBe('Pelanggan, Transaksi, Produk, Pengguna, Log aktivitas');
    await shot('health-no-sync');

    await page.getByTestId('nav-audit').click();
    const demo = page.getByTestId('audit-sentence').filter({ hasText: /membuka toko demo berisi [\d.]+ pelanggan dan [\d.]+ transaksi$/ });
    await demo.waitFor();
    const sentences = await page.getByTestId('audit-sentence').allTextContents();
    expect(sentences.length).toBeGreaterThan(1);
    for (const sentence of sentences) expect(sentence).not.toMatch(DEVELOPER_WORDS);
    expect(sentences.some((s) => s.endsWith(' masuk'))).toBe(true);

    // "Rincian" opens the details as labelled fields.
    const row = page.getByTestId('audit-row').filter({ has: demo });
    await row.getByTestId('audit-details-toggle').click();
    const details = row.getByTestId('audit-details');
    await details.waitFor();
    await expect(details.textContent()).resolves.toMatch(/Pelanggan: [\d.]+Transaksi: [\d.]+/);
    await shot('activity-log');

    // The filter lists kinds by their names; choosing one leaves only those entries.
    await page.getByTestId('audit-action-filter').click();
    await page.getByRole('option', { name: 'Masuk', exact: true }).click();
    await page.getByTestId('audit-row').first().waitFor();
    await expect.poll(async () => (await page.getByTestId('audit-sentence').allTextContents()).every((s) => s.endsWith(' masuk'))).toBe(true);
    await shot('activity-log-filtered');
  });
});
