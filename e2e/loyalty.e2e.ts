import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fillSetupForm, openSession, settle, type Session } from './harness';

let session: Session | null = null;
let dir: string | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('loyalty points', () => {
  it('the owner turns points on, imports sales, sees the balance on the customer page and redeems', async () => {
    session = await openSession('loyalty');
    const { page, shot, app } = session;
    await fillSetupForm(page);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();

    // Settings → Poin: on, 2 points per Rp 10.000, worth Rp 500 each.
    await page.evaluate("window.location.hash = '#/settings/loyalty'");
    await page.getByTestId('loyalty-enabled').check();
    await page.getByTestId('loyalty-points').fill('2');
    await page.getByTestId('loyalty-redeem-value').fill('500');
    await expect.poll(() => page.getByTestId('loyalty-example').textContent()).toContain('50 poin');
    await settle(page);
    await shot('01-settings');
    await page.getByTestId('loyalty-save').click();
    await page.getByText('Aturan poin disimpan.').waitFor();
    await page.getByTestId('loyalty-report').waitFor({ state: 'detached' }); // nothing to report yet

    // Three sales of one customer and one of another, imported through the wizard.
    dir = mkdtempSync(join(tmpdir(), 'sma-e2e-loyalty-'));
    const file = join(dir, 'penjualan.csv');
    writeFileSync(
      file,
      [
        'Tanggal,Kode Pelanggan,Nama Pelanggan,Total,No Nota',
        '2026-11-02,P001,Rina Anggraini,125000,N-1',
        '2026-11-15,P001,Rina Anggraini,80000,N-2',
        '2026-11-20,P001,Rina Anggraini,9000,N-3',
        '2026-11-21,P002,Budi Santoso,300000,N-4',
      ].join('\n'),
    );
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-kind-transactions').click();
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('import-preview-table').waitFor();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-commit').click();
    await page.getByTestId('confirm-import').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });

    // Rina: 12 + 8 steps of Rp 10.000 at 2 points each; the Rp 9.000 sale earns nothing.
    const rina = app.services.sqlite.prepare("SELECT id FROM customers WHERE code = 'P001'").pluck().get() as string;
    await page.evaluate(`window.location.hash = '#/customers/${rina}'`);
    await page.getByTestId('loyalty-card').waitFor();
    await expect.poll(() => page.getByTestId('loyalty-balance').textContent()).toBe('40');
    await expect(page.getByTestId('loyalty-spendable').textContent()).resolves.toBe('40');
    await expect(page.getByTestId('loyalty-ledger-row').count()).resolves.toBe(2);
    await page.getByTestId('loyalty-card').scrollIntoViewIfNeeded();
    await settle(page);
    await shot('02-customer');

    await page.getByTestId('loyalty-redeem').click();
    await page.getByTestId('redeem-points').fill('30');
    await expect.poll(() => page.getByTestId('redeem-value').textContent()).toContain('Rp 15.000');
    await page.getByTestId('redeem-sale').click();
    await page.getByRole('option', { name: /N-2/ }).click();
    await shot('03-redeem');
    await page.getByTestId('redeem-confirm').click();
    await page.getByText('30 poin ditukar, potongan Rp 15.000.').waitFor();
    await expect.poll(() => page.getByTestId('loyalty-balance').textContent()).toBe('10');
    await expect(page.getByTestId('loyalty-ledger-row').first().textContent()).resolves.toContain('N-2');
    // More than can be spent is refused with the reason, under the field.
    await page.getByTestId('loyalty-redeem').click();
    await page.getByTestId('redeem-points').fill('11');
    await page.getByTestId('redeem-confirm').click();
    await page.getByText('Poin yang bisa dipakai hanya 10.').waitFor();
    await page.keyboard.press('Escape');
    await settle(page);
    await shot('04-redeemed');
    expect(app.services.sqlite.prepare('SELECT SUM(points) FROM loyalty_ledger WHERE customer_id = ?').pluck().get(rina)).toBe(10);

    // The customers list by balance: Budi's 60 points reach 50, Rina's 10 do not.
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-min-points').fill('50');
    await expect.poll(() => page.getByTestId('customers-total').textContent()).toBe('1');
    await expect(page.getByTestId('customer-name-link').allTextContents()).resolves.toEqual(['Budi Santoso']);
    await settle(page);
    await shot('05-list');

    // The month's report in Settings → Poin.
    await page.evaluate("window.location.hash = '#/settings/loyalty'");
    await page.getByTestId('loyalty-report').waitFor();
    await expect(page.getByTestId('loyalty-report').textContent()).resolves.toContain('Rp 35.000');
    await settle(page);
    await shot('06-report');

    // A correction needs its reason; with one it lands in the ledger and the balance.
    await page.evaluate(`window.location.hash = '#/customers/${rina}'`);
    await page.getByTestId('loyalty-adjust').click();
    await page.getByTestId('adjust-points').fill('-3');
    await page.getByTestId('adjust-confirm').click();
    await page.getByRole('dialog').getByText('Wajib diisi.').waitFor();
    await page.getByTestId('adjust-reason').fill('Salah input kemarin');
    await settle(page);
    await shot('07-adjust');
    await page.getByTestId('adjust-confirm').click();
    await page.getByText('Poin dikoreksi. Saldo sekarang 7.').waitFor();
    await expect.poll(() => page.getByTestId('loyalty-balance').textContent()).toBe('7');
    expect(app.services.sqlite.prepare("SELECT points FROM loyalty_ledger WHERE customer_id = ? AND kind = 'adjust'").pluck().all(rina)).toEqual([-3]);
  });
});
