import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEGMENT_IDS } from '../src-shared/rfm/rules';
import { openDemoShop, openSession, SCREENSHOTS, type Session, settle } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('dashboard and RFM analysis on the demo shop', () => {
  it('shows the KPIs and charts from the analysis the demo opens with, runs another, opens a segment and a customer, and applies a changed method', async () => {
    session = await openSession('rfm');
    const { page, shot } = session;
    const still = () => settle(page);

    await openDemoShop(page);

    // The dashboard: figures and trend, and the segments of the analysis the demo opened with.
    await page.getByTestId('nav-dashboard').click();
    await page
      .getByTestId('kpi-revenue-value')
      .filter({ hasText: /^Rp [\d.]+$/ })
      .waitFor();
    for (const kpi of ['kpi-revenue', 'kpi-orders', 'kpi-active', 'kpi-aov', 'kpi-new', 'kpi-returning']) {
      await expect(page.getByTestId(`${kpi}-change`).textContent()).resolves.toMatch(/^(▲|▼|=) [\d,]+%$|^baru$|^–$/);
    }
    await page.getByTestId('dashboard-trend').locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.getByTestId('dashboard-trend').locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(6);
    expect(await page.getByTestId('top-customer-row').count()).toBe(10);
    await page.getByTestId('dashboard-donut').locator('.recharts-pie-sector').first().waitFor();
    // Another period: the figures and the comparison range follow it.
    const rangeText = page.getByTestId('dashboard-range-text');
    const thisMonth = await rangeText.textContent();
    await page.getByTestId('dashboard-period').getByText('90 hari', { exact: true }).click();
    await rangeText.filter({ hasNotText: thisMonth ?? '' }).waitFor();
    await page
      .getByTestId('kpi-revenue-value')
      .filter({ hasText: /^Rp [\d.]+$/ })
      .waitFor();

    // The demo's analysis on its page; another run from there shows the movement since it.
    await page.getByTestId('nav-rfm').click();
    await page.getByTestId('segment-table').waitFor();
    await page.getByTestId('rfm-run-button').click();
    await page.getByTestId('rfm-movement-moved-only').waitFor(); // there is a run before this one now
    for (const segment of SEGMENT_IDS) {
      const customers = Number(await page.getByTestId(`segment-row-${segment}`).getAttribute('data-customers'));
      expect(customers, segment).toBeGreaterThan(0);
    }
    await page.getByTestId('rfm-grid').waitFor();
    await page.getByTestId('rfm-how').waitFor();
    await still();
    await shot('02-rfm-page');

    // The dashboard has the segment donut and the customers worth calling.
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-donut').locator('.recharts-pie-sector').first().waitFor();
    expect(await page.getByTestId('at-risk-row').count()).toBeGreaterThan(0);
    // By segment and spend until the lifetime-value fit that follows the run completes, then by the
    // value at risk (e2e/clv.e2e.ts follows that one).
    await expect(page.getByTestId('dashboard-at-risk').textContent()).resolves.toMatch(/Jangan Sampai Hilang|Berisiko|Nilai yang bisa hilang/);
    await still();
    await shot('01-dashboard');

    // A grid cell opens its segment with the cell's R and F as filters.
    await page.getByTestId('nav-rfm').click();
    const cell = page.getByTestId('rfm-cell-1-4');
    const inCell = await cell.getAttribute('data-customers');
    expect(await cell.getAttribute('data-segment')).toBe('at_risk');
    await cell.click();
    await page.getByTestId('segment-title').filter({ hasText: 'Berisiko' }).waitFor();
    await page
      .getByTestId('members-total')
      .filter({ hasText: new RegExp(`^${inCell}$`) })
      .waitFor();
    await page.getByTestId('member-row').first().waitFor();
    await still();
    await shot('03-segment-detail');

    // Sorting by recency puts the most recent buyer first.
    await page.getByTestId('sort-recency_days').click();
    await page
      .locator('th[aria-sort="ascending"]')
      .filter({ has: page.getByTestId('sort-recency_days') })
      .waitFor();

    // A member opens the customer page with the RFM card.
    await page.getByTestId('member-row').first().locator('td').first().click();
    await page.getByTestId('customer-rfm-card').waitFor();
    await page.getByTestId('customer-rfm-segment').filter({ hasText: 'Berisiko' }).waitFor();
    await expect(page.getByTestId('customer-rfm-r').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('customer-rfm-clv').textContent()).resolves.toMatch(/^Rp [\d.]+$/);
    expect(await page.getByTestId('customer-rfm-history-row').count()).toBe(2); // the demo's run and the one above
    await still();
    await page.getByTestId('customer-rfm-card').screenshot({ path: join(SCREENSHOTS, 'rfm-04-customer-card.png') });

    // Settings: switch the method to quintiles; the next run uses it without a restart.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-rfm').click();
    await page.getByTestId('segment-map-editor').waitFor();
    await page.getByTestId('rfm-settings-method').getByText('Kuintil', { exact: true }).click();
    await page.getByTestId('rfm-settings-save').click();
    await page.getByTestId('rfm-settings-saved').waitFor();
    await still();
    await shot('05-settings-rfm');

    // A January target shows on the dashboard's trend (the last 12 months) next to actual revenue.
    await page.getByTestId('settings-tab-targets').click();
    await page.getByTestId('target-01').fill('1500000000');
    await page.getByTestId('targets-save').click();
    await page.getByText(/^Target \d{4} disimpan\.$/).waitFor();
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-trend').getByText('Target omzet').first().waitFor();

    await page.getByTestId('nav-rfm').click();
    await expect(page.getByTestId('rfm-run-method').locator('input[value="quintile"]').isChecked()).resolves.toBe(true);
    await page.getByTestId('rfm-run-button').click();
    await page.getByTestId('rfm-how-scores').filter({ hasText: 'Kuintil' }).waitFor();
    await expect(page.getByTestId('rfm-how').textContent()).resolves.toContain('⌊5·k/n⌋');
    await page.getByTestId('rfm-movement-table').waitFor();
    await still();
    await shot('06-rfm-quintile');
  });
});
