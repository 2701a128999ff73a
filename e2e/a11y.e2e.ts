import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { audit, describeFindings, LOADED, type Finding } from './axe';
import { openDemoShop, openSession, type Session, settle } from './harness';

const RESULTS = join(import.meta.dirname, '..', 'test-results');

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('accessibility', () => {
  it('axe finds nothing serious or critical on the main pages, in the light and the dark scheme', async () => {
    session = await openSession('a11y');
    const { page, shot } = session;
    const found = new Map<string, Finding[]>();
    // A screenshot of a few pages in each scheme, to look at the colours axe judged.
    const check = async (name: string, withShot = false) => {
      await settle(page);
      // A list refetching is drawn faded (opacity) on purpose: judge the page once it has loaded.
      await expect.poll(() => page.evaluate(LOADED), { timeout: 30_000 }).toBe(true);
      const findings = await audit(page);
      if (findings.length) found.set(name, findings);
      if (withShot) await shot(name.replace(/ /g, '-'));
    };
    const open = async (hash: string, ready: string) => {
      await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
      await page.getByTestId(ready).first().waitFor({ timeout: 30_000 });
    };

    await page.getByTestId('setup-demo').waitFor();
    await check('welcome');
    await openDemoShop(page);

    const { id: customerId } = session.app.services.sqlite.prepare('SELECT id FROM customers ORDER BY code LIMIT 1').get() as { id: string };

    // Every page in both schemes: Mantine's dimmed text and placeholders differ between them.
    const pages = async (scheme: string) => {
      await open('#/dashboard', 'top-customer-row');
      await check(`${scheme} dashboard`, true);
      // A top customer opens from the keyboard: the name is a link that takes focus and Enter.
      const top = page.getByTestId('top-customer-link').first();
      const name = (await top.textContent()) ?? '';
      await top.focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('customer-name').filter({ hasText: name }).waitFor();
      await open('#/customers', 'customer-row');
      await check(`${scheme} customers`);
      if (scheme === 'light') {
        for (const label of ['Saring menurut kota', 'Saring menurut label', 'Saring menurut segmen'])
          await page.getByLabel(label, { exact: true }).first().waitFor({ state: 'attached', timeout: 1_000 });
      }
      // The forms open over the lists: their fields, hints and buttons count as much.
      await page.getByTestId('customer-add').click();
      await page.getByTestId('customer-save').waitFor();
      await check(`${scheme} customer form`);
      await page.keyboard.press('Escape');
      await page.getByTestId('customer-save').waitFor({ state: 'detached' });
      await open(`#/customers/${customerId}`, 'customer-name');
      await check(`${scheme} customer`);
      // The delete confirmation: its red button keeps white text, on a red dark enough for it (5.5:1).
      await page.getByTestId('customer-delete').click();
      await page.getByTestId('confirm-delete').waitFor();
      await check(`${scheme} delete confirmation`);
      // As a string: the main tsconfig has no DOM types.
      expect(await page.evaluate(`getComputedStyle(document.querySelector('[data-testid="confirm-delete"]')).color`)).toBe('rgb(255, 255, 255)');
      await page.keyboard.press('Escape');
      await page.getByTestId('confirm-delete').waitFor({ state: 'detached' });
      await open('#/transactions', 'transaction-row');
      await check(`${scheme} transactions`, true);
      await page.getByTestId('transaction-add').click();
      await page.getByTestId('transaction-channel').waitFor();
      await check(`${scheme} transaction form`);
      await page.keyboard.press('Escape');
      await page.getByTestId('transaction-channel').waitFor({ state: 'detached' });
      if (scheme === 'light') {
        // Every filter has a name of its own (a placeholder is no label), and so do the pager's arrows.
        const names = [
          'Cari transaksi',
          'Saring menurut pelanggan',
          'Saring dari tanggal',
          'Saring sampai tanggal',
          'Saring nominal minimum',
          'Saring nominal maksimum',
          'Halaman sebelumnya',
          'Halaman berikutnya',
        ];
        for (const label of names) await page.getByLabel(label, { exact: true }).first().waitFor({ state: 'attached', timeout: 1_000 });
      }
      await open('#/rfm', 'segment-table');
      await check(`${scheme} rfm`, true);
      await open('#/rfm/segment/champions', 'member-row');
      await check(`${scheme} segment`);
      if (scheme === 'light') await page.getByLabel('Cari pelanggan di segmen ini', { exact: true }).waitFor({ timeout: 1_000 });
      await open('#/content/generate', 'content-segment');
      await check(`${scheme} content generate`);
      await open('#/content/campaigns', 'campaign-new');
      await check(`${scheme} campaigns`);
      await open('#/reports', 'preview-row');
      await check(`${scheme} reports`);
      await open('#/import', 'import-dropzone');
      await check(`${scheme} import`);
      await open('#/settings', 'business-save');
      await check(`${scheme} settings`);
      await open('#/products', 'product-row');
      await check(`${scheme} products`);
      await open('#/content/library', 'library-segment');
      await check(`${scheme} content library`);
      await open('#/content/usage', 'usage-quota');
      await check(`${scheme} content usage`);
      await open('#/health', 'health-counts');
      await check(`${scheme} health`);
      await open('#/audit', 'audit-row');
      await check(`${scheme} activity log`);
    };
    await pages('light');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('theme-toggle').click();
    await page.keyboard.press('Escape');
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor({ state: 'attached' });
    await page.getByTestId('theme-toggle').waitFor({ state: 'detached' });
    await pages('dark');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();
    await check('dark login');

    // The whole list for reading (an assertion message is cut short), with a count per page.
    const report = [...found].map(([name, findings]) => ({
      page: name,
      rules: findings.length,
      elements: findings.reduce((sum, f) => sum + f.nodes.length, 0),
      findings,
    }));
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'a11y-findings.json'), JSON.stringify(report, null, 2));
    expect(found.size, `axe found serious or critical problems:\n${describeFindings(found)}`).toBe(0);
  });
});
