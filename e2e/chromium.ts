import { chromium, type BrowserContext } from 'playwright-core';

/**
 * Debian's Chromium (or CHROMIUM_PATH) with a fresh profile in `profileDir`: headless, no sandbox
 * or GPU, nothing fetched in the background, an Indonesian locale in Jakarta time and a laptop's
 * window. The app's tests and the console's open the same browser.
 */
export function launchChromium(profileDir: string, options: { acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1366, height: 860 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    ...options,
  });
}
