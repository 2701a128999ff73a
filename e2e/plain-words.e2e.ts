import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSession, SCREENSHOTS, settle, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

const overlap = (a: { x: number; y: number; width: number; height: number } | null, b: { x: number; y: number; width: number; height: number } | null) =>
  Boolean(a && b && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height);

/** The owner's words: one verdict per customer, "—" for an empty segment, a picker that tells namesakes apart. */
describe('plain words on the customer and segment pages', () => {
  it('says one verdict per customer, hides the formulas until asked, and dashes empty segments', async () => {
    session = await openSession('plain');
    const { page, shot } = session;
    await page.getByTestId('setup-demo').click();
    await page.getByTestId('user-menu').waitFor({ timeout: 60_000 });

    // The demo's credentials stay up for a while: never over the shop's name or the user menu.
    const toast = page.getByRole('alert').filter({ hasText: 'demo1234' });
    await toast.waitFor();
    for (const id of ['business-name', 'user-menu'])
      expect(overlap(await toast.boundingBox(), await page.getByTestId(id).boundingBox()), `the toast covers ${id}`).toBe(false);
    await shot('01-demo-toast');
    await settle(page);

    // A customer of "Berisiko": one sentence that agrees with the badge; the scores are folded away.
    await page.getByTestId('nav-rfm').click();
    await page.getByTestId('rfm-cell-1-4').click();
    await page.getByTestId('segment-title').filter({ hasText: 'Berisiko' }).waitFor();
    await expect(page.getByTestId('segment-verdict').textContent()).resolves.toMatch(
      /^[\d.]+ pelanggan — rata-rata terakhir belanja [\d.]+ hari lalu, [\d,]+ kali belanja, Rp /,
    );
    await page.getByTestId('member-row').first().locator('td').first().click();
    const verdict = page.getByTestId('customer-verdict');
    await verdict.waitFor();
    await expect(verdict.textContent()).resolves.toMatch(/^Dulu rutin, kini lama tidak datang — .*Layak dihubungi\.$/);
    expect(await page.getByTestId('customer-rfm-r').isVisible()).toBe(false);
    expect(await page.getByTestId('customer-rfm-churn').isVisible()).toBe(false);
    await settle(page);
    await page.getByTestId('customer-rfm-card').screenshot({ path: join(SCREENSHOTS, 'plain-02-verdict.png') });
    await page.getByTestId('customer-rfm-how').click();
    await page.getByTestId('customer-rfm-r').waitFor({ state: 'visible' });
    await page.getByTestId('customer-rfm-churn').waitFor({ state: 'visible' });
    await settle(page);
    await page.getByTestId('customer-rfm-card').screenshot({ path: join(SCREENSHOTS, 'plain-03-how.png') });

    // A new sale from here: the channel is already the shop's usual one, the picker shows phone and city.
    await page.getByTestId('customer-add-transaction').click();
    const channel = page.getByTestId('transaction-channel');
    await expect.poll(() => channel.inputValue()).not.toBe('');
    const picker = page.getByTestId('transaction-customer');
    await picker.fill('');
    await picker.fill('an');
    await page.getByTestId('customer-option-detail').first().waitFor();
    await expect(page.getByTestId('customer-option-detail').first().textContent()).resolves.toMatch(/^0\d{2,4}-\d/);
    await shot('04-transaction-form');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    // An analysis of the last month only leaves the long-gone segments empty: a dash, not "0 hari / Rp 0".
    await page.getByTestId('nav-rfm').click();
    await page.getByTestId('rfm-run-window').getByText('Bulan terakhir', { exact: true }).click();
    await page.getByTestId('rfm-run-months').fill('1');
    await page.getByTestId('rfm-run-button').click();
    await page.getByTestId('rfm-movement-moved-only').waitFor();
    const lost = page.getByTestId('segment-row-lost');
    await lost.and(page.locator('[data-customers="0"]')).waitFor();
    expect(await lost.getByTestId('segment-none').allTextContents()).toEqual(['—', '—', '—', '—', '—', '—']);
    expect(await lost.textContent()).not.toMatch(/Rp 0|0 hari/);
    await settle(page);
    await shot('05-empty-segments');
    await lost.click();
    await expect(page.getByTestId('segment-verdict').textContent()).resolves.toBe('Belum ada pelanggan di segmen ini pada analisis ini.');
    await expect(page.getByTestId('segment-stat-aov').textContent()).resolves.toBe('—');
  });
});
