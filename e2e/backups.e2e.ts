import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fillSetupForm, openSession, settle, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('backups on the health page', () => {
  it('lists the backups with what they hold, and the owner restores one', async () => {
    session = await openSession('backups');
    const { page, shot, app } = session;
    await fillSetupForm(page);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();

    // A backup of the shop with its one customer, as the daily backup would have made it…
    const call = (channel: string, input: unknown) => app.call(channel, input, { clientId: 'script' });
    expect((await call('auth.login', { username: 'sari', password: 'kata-sandi-toko' })).ok).toBe(true);
    expect((await call('customers.create', { name: 'Ani Lestari' })).ok).toBe(true);
    const dbPath = app.services.dbPath;
    mkdirSync(join(dirname(dbPath), 'backups'), { recursive: true });
    const live = new BetterSqlite3(dbPath);
    await live.backup(join(dirname(dbPath), 'backups', 'shop-2026-12-01T00-00-00-000Z-auto.sqlite'));
    live.close();
    // …and a customer added after it.
    expect((await call('customers.create', { name: 'Budi Santoso' })).ok).toBe(true);

    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-total').filter({ hasText: /^2$/ }).waitFor();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('nav-health').click();
    const row = page.getByTestId('backup-row').filter({ hasText: 'shop-2026-12-01T00-00-00-000Z-auto.sqlite' });
    await row.waitFor();
    const cells = row.locator('td');
    await expect(cells.nth(0).textContent()).resolves.toBe('01/12/2026 07:00'); // made at midnight UTC, shown in WIB
    await expect(cells.nth(3).textContent()).resolves.toBe('1'); // customers
    await expect(cells.nth(4).textContent()).resolves.toBe('0'); // sales
    await settle(page);
    await shot('01-health-backups');

    await row.getByTestId('backup-restore').click();
    await page.getByTestId('backup-restore-confirm').click();
    await page.locator('.mantine-Notification-root').filter({ hasText: 'dipulihkan' }).waitFor();
    // The state before the restore is now a backup of its own, with both customers.
    const previous = page.getByTestId('backup-row').filter({ hasText: 'pre-restore' });
    await previous.waitFor();
    await expect(previous.locator('td').nth(3).textContent()).resolves.toBe('2');
    await settle(page);
    await shot('02-after-restore');

    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-total').filter({ hasText: /^1$/ }).waitFor();
    await expect(page.getByTestId('customer-row').first().textContent()).resolves.toContain('Ani Lestari');
  });
});
