import { afterEach, describe, expect, it } from 'vitest';
import { openDemoShop, openSession, type Session, settle } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

/**
 * Today's date in Jakarta and ranges written the way an Indonesian reads them, worked out here
 * with Intl and Date rather than with the app's own date module. The demo shop's sales are dated
 * relative to now, and the host keeps the real clock, so "this month" is the real month.
 */
const MONTH = new Intl.DateTimeFormat('id-ID', { month: 'short', timeZone: 'UTC' });
const ymd = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] as const;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
function written(from: Date, to: Date): string {
  const day = (d: Date, year = true) => `${d.getUTCDate()} ${MONTH.format(d)}${year ? ` ${d.getUTCFullYear()}` : ''}`;
  if (+from === +to) return day(to);
  if (from.getUTCFullYear() === to.getUTCFullYear() && from.getUTCMonth() === to.getUTCMonth()) return `${from.getUTCDate()}–${day(to)}`;
  if (from.getUTCFullYear() === to.getUTCFullYear()) return `${day(from, false)} – ${day(to)}`;
  return `${day(from)} – ${day(to)}`;
}

describe('dashboard comparison', () => {
  it('compares this month with the same dates last month by default, offers last year and the days before, and marks the running month', async () => {
    const [y, m, d] = ymd(new Date(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date())}T00:00:00Z`));
    const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
    // The same dates last month: the day clamped to a shorter month, a month's last day to its last day.
    const lastMonth = written(utc(py, pm, 1), utc(py, pm, d === lastDay(y, m) ? lastDay(py, pm) : Math.min(d, lastDay(py, pm))));
    const lastYear = written(utc(y - 1, m, 1), utc(y - 1, m, d === lastDay(y, m) ? lastDay(y - 1, m) : Math.min(d, lastDay(y - 1, m))));
    const before = written(new Date(+utc(y, m, 1) - d * 86_400_000), new Date(+utc(y, m, 1) - 86_400_000));

    session = await openSession('dashboard-compare');
    const { page, shot } = session;
    await page.evaluate("localStorage.removeItem('sma.dashboard.period'); localStorage.removeItem('sma.dashboard.compare')");
    await openDemoShop(page);
    await page.getByTestId('nav-dashboard').click();
    await page
      .getByTestId('kpi-revenue-value')
      .filter({ hasText: /^Rp [\d.]+$/ })
      .waitFor();

    const text = page.getByTestId('dashboard-compare-text');
    await text.filter({ hasText: `Perubahan dibanding ${lastMonth}` }).waitFor();
    expect(await text.textContent()).toBe(`Perubahan dibanding ${lastMonth}`);
    await page
      .getByTestId('dashboard-range-text')
      .filter({ hasText: `Periode ${written(utc(y, m, 1), utc(y, m, d))}` })
      .waitFor();

    // The running month: a pale dashed bar, and in words up to which day it counts.
    await page
      .getByTestId('trend-running')
      .filter({ hasText: `sampai ${d} ${MONTH.format(utc(y, m, d))}` })
      .waitFor();
    expect(await page.getByTestId('dashboard-trend').locator('[data-running="true"]').count()).toBe(1);

    // Green and red deltas are 12 px text: 4.5:1 against their card at least.
    const ratios = (await page.evaluate(`(() => {
      const lum = (rgb) => { const [r, g, b] = rgb.match(/\\d+/g).slice(0, 3).map((v) => { const c = Number(v) / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      return [...document.querySelectorAll('[data-testid$="-change"][data-kind="up"], [data-testid$="-change"][data-kind="down"]')].map((el) => {
        const a = lum(getComputedStyle(el).color), b = lum(getComputedStyle(el.closest('.mantine-Card-root')).backgroundColor);
        return { kind: el.dataset.kind, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
      });
    })()`)) as { kind: string; ratio: number }[];
    expect(ratios.length).toBeGreaterThan(0);
    for (const r of ratios) expect(r.ratio, r.kind).toBeGreaterThanOrEqual(4.5);
    await settle(page);
    await shot('01-same-dates-last-month');

    // The other comparisons, and the choice is remembered.
    await page.getByTestId('dashboard-compare').click();
    await page.getByRole('option', { name: 'Tanggal sama tahun lalu' }).click();
    await text.filter({ hasText: `Perubahan dibanding ${lastYear}` }).waitFor();
    await page.getByTestId('dashboard-compare').click();
    await page.getByRole('option', { name: 'Periode sebelumnya (sama panjang)' }).click();
    await text.filter({ hasText: `Perubahan dibanding ${before}` }).waitFor();
    expect(await page.evaluate("localStorage.getItem('sma.dashboard.compare')")).toBe('"previous"');

    // 90 days cannot be set against the same dates a month earlier: that choice is greyed out.
    await page.getByTestId('dashboard-compare').click();
    await page.getByRole('option', { name: 'Tanggal sama bulan lalu' }).click();
    await text.filter({ hasText: `Perubahan dibanding ${lastMonth}` }).waitFor();
    await page.getByTestId('dashboard-period').getByText('90 hari', { exact: true }).click();
    const ninetyFrom = new Date(+utc(y, m, d) - 89 * 86_400_000);
    const [ny, nm, nd] = ymd(ninetyFrom);
    await text.filter({ hasText: `Perubahan dibanding ${written(utc(ny - 1, nm, nd), utc(y - 1, m, d))}` }).waitFor();
    await page.getByTestId('dashboard-compare').click();
    await expect(page.getByRole('option', { name: 'Tanggal sama bulan lalu' }).getAttribute('data-combobox-disabled')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await settle(page);
    await shot('02-ninety-days-last-year');
  });
});
