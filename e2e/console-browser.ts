import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';

/**
 * The admin console's e2e browser: Debian Chromium in a fresh profile under `dir`, Indonesian, in
 * Jakarta time. Page errors and console errors land in `problems` (a 401 before signing in or on a
 * wrong password is the console working, and is left out).
 */
export async function openConsoleBrowser(dir: string, problems: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchChromium(join(dir, 'profile'), { acceptDownloads: true });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 401/.test(msg.text())) problems.push(`console error: ${msg.text()}`);
  });
  return { context, page };
}
