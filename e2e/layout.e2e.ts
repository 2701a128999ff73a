import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openDemoShop, openSession, SCREENSHOTS, type Session, settle } from './harness';
import { findOverflows } from './overflows';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

/** The laptop an owner is likely to have, a small one, and a desktop screen. */
const VIEWPORTS = [
  { width: 1024, height: 640 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const LANGUAGES = ['id', 'en'] as const;
const CODE = 'WINBACK_DES_2026_HEMAT';
/** Set on the code field straight in the page, past React: only what the box shows is compared. */
const onCodeField = (assignment: string) => `document.querySelector('[data-testid="campaign-code"]').${assignment}`;

interface Visit {
  name: string;
  hash: string;
  /** A state that says the page has its data. */
  ready: string;
}

/** Nothing is loading any more: no skeleton, no list refetching. */
async function loaded(page: Page, visit: Visit): Promise<void> {
  await page.locator(visit.ready).first().waitFor({ timeout: 30_000 });
  await expect
    .poll(() => page.evaluate(`!document.querySelector('.mantine-AppShell-main .mantine-Skeleton-root[data-visible="true"]')`), { timeout: 30_000 })
    .toBe(true);
}

async function setLanguage(page: Page, language: 'id' | 'en'): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId(`language-${language}`).click();
  await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe(language);
  // The menu closes and gives focus back to its button: no focus ring in the screenshots.
  await page.evaluate('document.activeElement instanceof HTMLElement && document.activeElement.blur()');
}

describe('layout at laptop and desktop widths', () => {
  it('fits every main page at 1024, 1366 and 1920 px in both languages, and shows a campaign code with its underscores and its parts', async () => {
    session = await openSession('layout');
    const { page } = session;
    await openDemoShop(page);
    await page.getByTestId('nav-rfm').click();
    await page.getByTestId('segment-table').waitFor({ timeout: 30_000 }); // the demo's first analysis

    // A campaign with a long code, as an owner names one; its code's underscores must show.
    await page.evaluate("window.location.hash = '#/content/campaigns'");
    await page.getByTestId('campaign-new').click();
    await page.getByTestId('campaign-name').fill('Ajak kembali pelanggan yang hampir hilang di akhir tahun');
    const code = page.getByTestId('campaign-code');
    await code.fill('winback des 2026 hemat');
    await expect(code.inputValue()).resolves.toBe(CODE);
    await page.getByTestId('campaign-code-parts').filter({ hasText: 'Paket WINBACK · Desember 2026 · HEMAT' }).waitFor();
    await code.screenshot({ path: join(SCREENSHOTS, 'layout-campaign-code.png') });
    // The same letters with spaces must not look the same: in the input's own face, and in each
    // Linux face it may fall back to (DejaVu Sans Mono at 14 px cuts the underscore off).
    const own = (await page.evaluate(onCodeField('style.fontFamily'))) as string;
    for (const face of [own, '"DejaVu Sans Mono"', '"Liberation Mono"']) {
      await page.evaluate(onCodeField(`style.fontFamily = ${JSON.stringify(face)}`));
      await page.evaluate(onCodeField(`value = ${JSON.stringify(CODE)}`));
      const withUnderscores = await code.screenshot();
      await page.evaluate(onCodeField(`value = ${JSON.stringify(CODE.replace(/_/g, ' '))}`));
      const withSpaces = await code.screenshot();
      expect(
        withUnderscores.equals(withSpaces),
        `underscores in the campaign code are not drawn in ${face === own ? `its own face (${own || 'inherited'})` : face}`,
      ).toBe(false);
    }
    await page.evaluate(onCodeField(`style.fontFamily = ${JSON.stringify(own)}`));
    await code.fill(CODE);
    await page.getByTestId('campaign-save').click();
    await page.getByTestId('campaign-title').waitFor();

    await page.evaluate("window.location.hash = '#/customers'");
    const customerId = await page.getByTestId('customer-row').first().getAttribute('data-id');

    const visits: Visit[] = [
      { name: 'dashboard', hash: '#/dashboard', ready: '[data-testid=top-customer-row]' },
      { name: 'customers', hash: '#/customers', ready: '[data-testid=customer-row]' },
      { name: 'customer', hash: `#/customers/${customerId}`, ready: '[data-testid=summary-total]' },
      { name: 'transactions', hash: '#/transactions', ready: '[data-testid=transaction-row]' },
      { name: 'rfm', hash: '#/rfm', ready: '[data-testid=segment-table]' },
      { name: 'segment', hash: '#/rfm/segment/champions', ready: '[data-testid=member-row]' },
      { name: 'content', hash: '#/content/generate', ready: '[data-testid=content-generate]' },
      { name: 'campaigns', hash: '#/content/campaigns', ready: `[data-testid=campaign-row][data-code=${CODE}]` },
      { name: 'reports', hash: '#/reports', ready: '[data-testid=preview-row]' },
      { name: 'settings', hash: '#/settings', ready: '[data-testid=business-save]' },
    ];

    const failures: string[] = [];
    for (const language of LANGUAGES) {
      await setLanguage(page, language);
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        // Under 1280 px the sidebar is icons, each named in a tooltip and to screen readers.
        const nav = page.getByTestId('nav-customers');
        const name = language === 'id' ? 'Pelanggan' : 'Customers';
        if (viewport.width < 1280) {
          await page.locator(`[data-testid=nav-customers][aria-label="${name}"]`).waitFor();
          expect((await nav.boundingBox())?.width).toBeLessThan(72);
          await nav.hover();
          await page.getByRole('tooltip', { name }).waitFor();
        } else {
          await nav.filter({ hasText: name }).waitFor();
          expect(await nav.getAttribute('aria-label')).toBeNull();
        }
        for (const visit of visits) {
          await page.evaluate(`window.location.hash = ${JSON.stringify(visit.hash)}`);
          await loaded(page, visit);
          await settle(page);
          await page.screenshot({ path: join(SCREENSHOTS, `layout-${viewport.width}-${language}-${visit.name}.png`), fullPage: true });
          for (const problem of await findOverflows(page)) failures.push(`${viewport.width} px, ${language}, ${visit.name}: ${problem}`);
          if (visit.name === 'segment') {
            // A billion and more is shown short, the whole figure kept for the tooltip.
            const money = page.locator('[data-full]').first();
            await expect(money.textContent()).resolves.toMatch(language === 'id' ? /^Rp \d+(,\d)? M$/ : /^Rp \d+(,\d)?B$/);
            await expect(money.getAttribute('data-full')).resolves.toMatch(/^Rp \d{1,3}(\.\d{3}){3,}$/);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
