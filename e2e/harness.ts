import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { ensureBundle } from '../scripts/bundle-stale.mjs';
import type { App, Host } from './host-entry';

export const SCREENSHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');

export interface Session {
  app: App;
  host: Host;
  context: BrowserContext;
  page: Page;
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /**
   * Environment of the host for this test (undefined removes a variable), e.g. OPENAI_API_KEY. The
   * host runs in this process and reads it per call, as `npm start` reads the shell's; it is put
   * back as it was when the session closes.
   */
  env?: Record<string, string | undefined>;
}

function setEnv(env: Record<string, string | undefined>): () => void {
  const before = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(env);
  return () => apply(before);
}

let bundled: Promise<typeof import('./host-entry')> | null = null;

/**
 * The app as `npm start` runs it in browser mode: from a bundle (made again only when a source
 * changed), loaded by Node itself (vitest.e2e.config.ts leaves dist/ to it). Its threads then load
 * bundled JavaScript too: no tsx hooks registering in each thread as it starts, which Node 20 can
 * crash on (v8::Module::IsGraphAsync) when a job and the import's reading thread start together.
 */
function bundledHost(): Promise<typeof import('./host-entry')> {
  bundled ??= ensureBundle('e2e-host', 'e2e/host-entry.ts').then((path) => import(pathToFileURL(path).href));
  return bundled;
}

/**
 * The real app for a browser test: a fresh temp DB, the real handlers behind the browser-mode host
 * on 127.0.0.1, and Debian's Chromium with a fresh profile opening the one-time link.
 */
export async function openSession(prefix: string, options: SessionOptions = {}): Promise<Session> {
  const { openApp, startHost } = await bundledHost();
  const restoreEnv = setEnv(options.env ?? {});
  const dir = mkdtempSync(join(tmpdir(), 'sma-e2e-'));
  const app = await openApp({ dbPath: join(dir, 'shop.sqlite'), checkOutput: true });
  const host = await startHost(app);
  const context = await launchChromium(join(dir, 'profile'));
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  await page.goto(host.url);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    app,
    host,
    context,
    page,
    shot: async (name) => {
      await page.screenshot({ path: join(SCREENSHOTS, `${prefix}-${name}.png`), fullPage: true });
    },
    close: async () => {
      restoreEnv();
      await context.close();
      await host.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
      if (problems.length) throw new Error(`The page reported errors:\n${problems.join('\n')}`);
    },
  };
}

/**
 * From the first-run screen to the demo shop, signed in, with its credentials toast closed (it sits
 * over the corner the tests click in). The demo opens with its first analysis done.
 */
export async function openDemoShop(page: Page): Promise<void> {
  await page.getByTestId('setup-demo').click();
  await page.getByTestId('user-menu').waitFor({ timeout: 60_000 });
  await page.getByRole('alert').filter({ hasText: 'demo1234' }).getByRole('button').click();
}

/** The first-run form, filled as a shop owner would (the caller submits it). */
export async function fillSetupForm(page: Page): Promise<void> {
  await page.getByTestId('setup-create').click();
  await page.getByLabel('Nama pemilik', { exact: true }).fill('Sari Wulandari');
  await page.getByLabel('Nama pengguna', { exact: true }).fill('sari');
  await page.getByLabel('Kata sandi', { exact: true }).fill('kata-sandi-toko');
  await page.getByLabel('Ulangi kata sandi', { exact: true }).fill('kata-sandi-toko');
  await page.getByLabel('Nama usaha', { exact: true }).fill('Toko Sari');
  await page.getByLabel('Kota', { exact: true }).fill('Bandung');
}

/**
 * Before a screenshot: no tooltip under the mouse, no toast over the page, the top in view (a
 * full-page shot of a scrolled page draws the fixed header mid-page). A toast may close by itself
 * between listing and clicking: a click on a gone button is fine, the state after is what counts.
 */
export async function settle(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  const toasts = page.locator('.mantine-Notification-root');
  for (const close of await toasts.locator('button').all()) await close.click({ timeout: 2_000 }).catch(() => undefined);
  await toasts.first().waitFor({ state: 'detached' });
  await page.evaluate('window.scrollTo(0, 0)');
}
