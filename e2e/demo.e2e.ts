import { afterEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('the demo shop', () => {
  it('opens with 500 customers and its first RFM analysis, and every page renders', async () => {
    session = await openSession('demo');
    const { page, shot, host } = session;
    await page.getByTestId('setup-demo').click();
    await page.getByTestId('user-menu').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('demo-credentials').textContent()).resolves.toContain('demo1234');
    await shot('01-ready');
    await page.getByRole('alert').filter({ hasText: 'demo1234' }).getByRole('button').click(); // out of the screenshots that follow

    // Segments straight away, nobody pressed "run": on the RFM page and in the dashboard's donut.
    await page.getByTestId('nav-rfm').click();
    await page.getByTestId('segment-table').waitFor();
    expect(Number(await page.getByTestId('segment-row-champions').getAttribute('data-customers'))).toBeGreaterThan(0);
    await page.getByTestId('rfm-grid').waitFor();
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-donut').locator('.recharts-pie-sector').first().waitFor();

    // The one-time link opened again in this browser (a reload, the terminal's link clicked twice):
    // back in the app, still logged in, not "already used".
    await page.goto(host.url);
    await page.getByTestId('user-menu').waitFor();
    expect(new URL(page.url()).search).toBe('');

    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-total').filter({ hasText: /^500$/ }).waitFor();
    expect(await page.getByTestId('customer-row').count()).toBeGreaterThan(10);
    await shot('02-customers');

    await page.getByTestId('customer-row').first().locator('td').nth(1).click();
    await page.getByTestId('customer-name').waitFor();
    await page.getByTestId('summary-transactions').waitFor();
    await shot('03-customer-detail');

    await page.getByTestId('nav-transactions').click();
    await page.getByTestId('transaction-row').first().waitFor();
    await expect(page.getByTestId('transactions-total-amount').textContent()).resolves.toMatch(/Rp [\d.]+/);
    await shot('04-transactions');

    await page.getByTestId('nav-products').click();
    await page.getByTestId('product-row').first().waitFor();
    expect(await page.getByTestId('product-row').count()).toBe(16);
    await shot('05-products');

    for (const [key, name, ready] of [
      ['dashboard', '06-dashboard', 'kpi-revenue-value'],
      ['rfm', '07-rfm', 'segment-table'],
      ['content', '08-content', 'content-generate'],
    ] as const) {
      await page.getByTestId(`nav-${key}`).click();
      await page.getByTestId(ready).first().waitFor();
      await shot(name);
    }
    await page.getByTestId('nav-reports').click();
    await page
      .getByTestId('preview-total')
      .filter({ hasText: /^10\.000$/ })
      .waitFor({ timeout: 30_000 });
    await shot('09-reports');

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-business').waitFor();
    await shot('10-settings');
    await page.getByTestId('nav-health').click();
    await page.getByTestId('health-integrity').filter({ hasText: 'ok' }).waitFor();
    await shot('11-health');
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-row').first().waitFor();
    await shot('12-activity-log');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('language-en').click();
    await page.getByTestId('nav-customers').filter({ hasText: 'Customers' }).click();
    await page.getByTestId('customers-total').filter({ hasText: /^500$/ }).waitFor();
    await shot('13-english');
  });
});
