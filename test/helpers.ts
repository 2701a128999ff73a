import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ChannelInput, ChannelOutput, Channel } from '../src-shared/contract';
import type { Result } from '../src-shared/errors';
import { openApp, type App } from '../src-main/app';
import type { Clock } from '../src-main/core/clock';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/** A fresh folder under the OS temp dir, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sma-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function testApp(options: { clock?: Clock; dbPath?: string } = {}): Promise<App> {
  const app = await openApp({ dbPath: options.dbPath ?? join(tempDir(), 'shop.sqlite'), clock: options.clock, checkOutput: true });
  cleanups.push(() => app.close());
  return app;
}

/** Call a channel as a client and insist it succeeds. */
export async function ok<C extends Channel>(app: App, channel: C, input: ChannelInput<C>, clientId = 'owner'): Promise<ChannelOutput<C>> {
  const result = await app.call(channel, input, { clientId });
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.data as ChannelOutput<C>;
}

/** Call a channel and return the error it must answer with. */
export async function fails(app: App, channel: string, input: unknown, clientId = 'owner'): Promise<Extract<Result<unknown>, { ok: false }>['error']> {
  const result = await app.call(channel, input, { clientId });
  if (result.ok) throw new Error(`${channel} was expected to fail but answered ${JSON.stringify(result.data).slice(0, 200)}`);
  return result.error;
}

export const OWNER_PASSWORD = 'rahasia-toko-123';

/** A set-up shop with the owner logged in as client 'owner'. */
export async function shopWithOwner(options: { clock?: Clock } = {}): Promise<App> {
  const app = await testApp(options);
  await ok(app, 'setup.create', {
    owner: { name: 'Sari Wulandari', username: 'sari', password: OWNER_PASSWORD },
    business: { name: 'Toko Sari', city: 'Bandung' },
  });
  return app;
}

/** Add a user with a role and log them in as a client of the same name. */
export async function loginAsNewUser(app: App, role: 'owner' | 'manager' | 'staff', username: string): Promise<string> {
  await ok(app, 'users.create', { name: username, username, password: 'password-123', role });
  await ok(app, 'auth.login', { username, password: 'password-123' }, username);
  return username;
}

export function rowCount(app: App, table: string): number {
  // Table names here come from the tests themselves, never from input.
  return (app.services.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/**
 * The sales rollups kept by triggers (or rebuilt after a bulk import) next to the same figures
 * grouped from the live transactions: the two must always be equal.
 */
export function salesRollups(app: App) {
  const all = (sql: string) => app.services.sqlite.prepare(sql).all();
  return {
    truth: {
      daily: all(
        'SELECT transaction_date AS day, SUM(amount) AS revenue, COUNT(*) AS orders FROM transactions WHERE deleted_at IS NULL GROUP BY transaction_date ORDER BY day',
      ),
      span: all(
        'SELECT customer_id, MIN(transaction_date) AS first_purchase, MAX(transaction_date) AS last_purchase FROM transactions WHERE deleted_at IS NULL GROUP BY customer_id ORDER BY customer_id',
      ),
      yearly: all(
        "SELECT strftime('%Y', transaction_date) AS year, customer_id, SUM(amount) AS revenue, COUNT(*) AS orders FROM transactions WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2",
      ),
    },
    kept: {
      daily: all('SELECT day, revenue, orders FROM sales_daily WHERE orders > 0 ORDER BY day'),
      span: all('SELECT customer_id, first_purchase, last_purchase FROM customer_span ORDER BY customer_id'),
      yearly: all('SELECT year, customer_id, revenue, orders FROM customer_sales_yearly ORDER BY year, customer_id'),
    },
  };
}
