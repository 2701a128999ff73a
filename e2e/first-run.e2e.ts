import { afterEach, describe, expect, it } from 'vitest';
import { fillSetupForm, openSession, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('first run to a customer and back', () => {
  it('creates the owner, adds, finds, edits, deletes and restores a customer, then logs out', async () => {
    session = await openSession('first-run');
    const { page, shot } = session;

    await page.getByTestId('setup-create').waitFor();
    await shot('01-welcome');
    await fillSetupForm(page);
    await shot('02-setup-form');
    await page.getByTestId('setup-submit').click();

    await page.getByTestId('user-menu').waitFor();
    await page.getByTestId('business-name').filter({ hasText: 'Toko Sari' }).waitFor();
    await shot('03-shell');

    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-total').filter({ hasText: /^0$/ }).waitFor();
    await shot('04-customers-empty');

    const addCustomer = async (name: string, phone: string, city: string) => {
      await page.getByTestId('customer-add').first().click();
      await page.getByLabel('Nama', { exact: true }).fill(name);
      await page.getByLabel('No. HP', { exact: true }).fill(phone);
      await page.getByLabel('Kota', { exact: true }).fill(city);
      await page.getByTestId('customer-save').click();
      await page.getByTestId('customer-row').filter({ hasText: name }).waitFor();
    };
    await addCustomer('Budi Santoso', '+62 812-3456-7890', 'Bandung');
    await addCustomer('Siti Rahma', '0857 1111 2222', 'Yogyakarta');
    await page.getByTestId('customers-total').filter({ hasText: /^2$/ }).waitFor();
    await expect(page.getByTestId('customer-row').filter({ hasText: 'Budi Santoso' }).textContent()).resolves.toContain('0812-3456-7890');
    await shot('05-customers-two');

    // The phone typed the local way finds the customer saved as +62.
    await page.getByTestId('customers-search').fill('0812 3456');
    await page.getByTestId('customers-total').filter({ hasText: /^1$/ }).waitFor();
    expect(await page.getByTestId('customer-row').count()).toBe(1);
    await expect(page.getByTestId('customer-row').first().textContent()).resolves.toContain('Budi Santoso');
    await shot('06-search-by-phone');

    await page.getByTestId('customer-row').first().getByTestId('customer-edit').click();
    await page.getByLabel('Kota', { exact: true }).fill('Cimahi');
    await page.getByTestId('customer-save').click();
    await page.getByTestId('customer-row').filter({ hasText: 'Cimahi' }).waitFor();
    await shot('07-edited');

    await page.getByTestId('customer-row').first().getByTestId('customer-delete').click();
    await page.getByTestId('confirm-delete').click();
    await page.getByTestId('customers-total').filter({ hasText: /^0$/ }).waitFor();
    await page.getByTestId('customers-status').getByText('Dihapus', { exact: true }).click();
    await page.getByTestId('customer-row').filter({ hasText: 'Budi Santoso' }).waitFor();
    await shot('08-deleted-list');
    await page.getByTestId('customer-row').first().getByTestId('customer-restore').click();
    await page.getByTestId('customers-total').filter({ hasText: /^0$/ }).waitFor();
    await page.getByTestId('customers-status').getByText('Aktif', { exact: true }).click();
    await page.getByTestId('customers-search').fill('');
    await page.getByTestId('customers-total').filter({ hasText: /^2$/ }).waitFor();

    // The detail page, with its summary.
    await page.getByTestId('customer-row').filter({ hasText: 'Budi Santoso' }).getByText('Budi Santoso').click();
    await page.getByTestId('customer-name').filter({ hasText: 'Budi Santoso' }).waitFor();
    await shot('09-customer-detail');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();
    await shot('10-logged-out');

    // What the browser did is what the database holds.
    const db = session.app.services.sqlite;
    expect(db.prepare("SELECT phone, city, deleted_at FROM customers WHERE name = 'Budi Santoso'").get()).toEqual({
      phone: '+6281234567890',
      city: 'Cimahi',
      deleted_at: null,
    });
    const actions = (db.prepare('SELECT action FROM activity_logs ORDER BY created_at, rowid').all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual([
      'setup.create',
      'auth.login',
      'customers.create',
      'customers.create',
      'customers.update',
      'customers.delete',
      'customers.restore',
      'auth.logout',
    ]);
  });
});
