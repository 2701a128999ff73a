import { afterEach, describe, expect, it } from 'vitest';
import { openDemoShop, openSession, type Session, settle } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('the fitted lifetime-value model on the demo shop', () => {
  it('shows the fit and its holdout check, P(alive) bands with actions, value at risk on the dashboard, and the discount in Settings', async () => {
    session = await openSession('clv');
    const { page, shot } = session;

    await openDemoShop(page);

    // The RFM page: the demo's first analysis is followed by a fit in the background; the card
    // refreshes when it completes.
    await page.getByTestId('nav-rfm').click();
    await page.getByTestId('segment-table').waitFor();
    const card = page.getByTestId('clv-model');
    await card.getByTestId('clv-fitted').waitFor({ timeout: 60_000 });
    await expect(card.getByTestId('clv-fitted').textContent()).resolves.toMatch(/^Dihitung per .+ dari [\d.]+ pelanggan \([\d.]+ membeli lagi\), [\d.]+ ms\.$/);
    // The check on the last third of the history: a sentence with both totals and the bars per frequency.
    await expect(card.getByTestId('clv-holdout-total').textContent()).resolves.toMatch(
      /^Uji .+ – .+: model memperkirakan [\d.]+ pembelian ulang, yang terjadi [\d.]+ \([+−][\d,]+%\)\.$/,
    );
    await card.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await card.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(4);
    await expect(card.getByTestId('clv-params').textContent()).resolves.toMatch(
      /^BG\/NBD r [\d.,]+, α [\d.,]+, a [\d.,]+, b [\d.,]+ \(log-likelihood -?[\d.,]+\) · Gamma-Gamma p [\d.,]+, q [\d.,]+, γ [\d.]+$/,
    );
    // Four bands, each with its P(alive) range and what to do.
    for (const band of ['active', 'cooling', 'at_risk', 'likely_lost'])
      await expect(card.getByTestId(`clv-band-${band}`).textContent()).resolves.toMatch(/%.{20,}/);
    await card.scrollIntoViewIfNeeded();
    await settle(page);
    await shot('01-rfm-model-card');

    // A segment's members: returning customers' bands come with their P(alive).
    await page.getByTestId('segment-row-at_risk').click();
    await page.getByTestId('member-row').first().waitFor();
    await page.getByTestId('member-p-alive').first().waitFor();
    await expect(page.getByTestId('member-p-alive').first().textContent()).resolves.toMatch(/^peluang aktif \d+%$/);
    await settle(page);
    await shot('02-segment-p-alive');

    // The dashboard's call list ranks by value at risk.
    await page.getByTestId('nav-dashboard').click();
    const atRisk = page.getByTestId('dashboard-at-risk');
    await atRisk.getByRole('columnheader', { name: 'Nilai yang bisa hilang' }).waitFor();
    expect(await atRisk.getByTestId('at-risk-row').count()).toBe(10);
    await expect(atRisk.getByTestId('at-risk-value').first().textContent()).resolves.toMatch(/^Rp [\d.]+peluang aktif \d+%$/);
    await settle(page);
    await shot('03-dashboard-value-at-risk');

    // Settings → RFM: the monthly discount the fitted CLV uses, 1 % by default.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-rfm').click();
    await expect(page.getByTestId('rfm-settings-discount').inputValue()).resolves.toBe('1 %');
    await page.getByTestId('rfm-settings-discount').scrollIntoViewIfNeeded();
    await settle(page);
    await shot('04-settings-discount');
  });
});
