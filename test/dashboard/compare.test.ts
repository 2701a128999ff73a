import { describe, expect, it } from 'vitest';
import { canCompare, comparedRange, comparison, monthsBefore, periodRange, rangeText, runningMonth } from '../../src-shared/dashboard/compare';
import { dateInZone } from '../../src-shared/format/date';

describe('what a dashboard period is compared with', () => {
  it('compares month to date with the same dates last month, not the days just before', () => {
    const period = periodRange('this_month', '2026-12-07');
    expect(period).toEqual({ from: '2026-12-01', to: '2026-12-07', days: 7 });
    expect(comparison(period, 'last_month')).toEqual({ mode: 'last_month', previous: { from: '2026-11-01', to: '2026-11-07', days: 7 } });
    expect(comparedRange(period, 'last_year')).toEqual({ from: '2025-12-01', to: '2025-12-07', days: 7 });
    expect(comparedRange(period, 'previous')).toEqual({ from: '2026-11-24', to: '2026-11-30', days: 7 });
  });

  it.each([
    // [date, months back, keep a month end, expected]
    ['2026-03-31', 1, false, '2026-02-28'],
    ['2028-03-31', 1, false, '2028-02-29'], // leap year
    ['2026-03-29', 1, false, '2026-02-28'],
    ['2026-01-15', 1, false, '2025-12-15'], // across a year
    ['2028-02-29', 12, false, '2027-02-28'], // leap day a year back
    ['2026-04-30', 1, true, '2026-03-31'], // a whole month stays a whole month
    ['2026-04-30', 1, false, '2026-03-30'],
    ['2029-02-28', 12, true, '2028-02-29'],
    ['2026-12-07', 1, true, '2026-11-07'],
  ] as const)('%s, %i month(s) back (month end kept: %s) is %s', (date, months, keep, expected) => {
    expect(monthsBefore(date, months, keep)).toBe(expected);
  });

  it('compares March to date on 31 March with the whole of February, leap year or not', () => {
    expect(comparedRange(periodRange('this_month', '2026-03-31'), 'last_month')).toEqual({ from: '2026-02-01', to: '2026-02-28', days: 28 });
    expect(comparedRange(periodRange('this_month', '2028-03-31'), 'last_month')).toEqual({ from: '2028-02-01', to: '2028-02-29', days: 29 });
    // One day, the 31st: the last day of February.
    expect(comparedRange({ from: '2026-03-31', to: '2026-03-31' }, 'last_month')).toEqual({ from: '2026-02-28', to: '2026-02-28', days: 1 });
    // A whole 30-day month against the whole 31-day one before it.
    expect(comparedRange(periodRange('custom', '2026-05-02', { from: '2026-04-01', to: '2026-04-30' }), 'last_month')).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      days: 31,
    });
    // February of a leap year against February of the year before, and back.
    expect(comparedRange({ from: '2028-02-01', to: '2028-02-29' }, 'last_year')).toEqual({ from: '2027-02-01', to: '2027-02-28', days: 28 });
    expect(comparedRange({ from: '2029-02-01', to: '2029-02-28' }, 'last_year')).toEqual({ from: '2028-02-01', to: '2028-02-29', days: 29 });
  });

  it('falls back when the same dates a month (or a year) earlier would overlap the period', () => {
    const ninety = periodRange('last_90', '2026-12-07');
    expect(canCompare(ninety, 'last_month')).toBe(false);
    expect(comparison(ninety, 'last_month')).toEqual({ mode: 'last_year', previous: { from: '2025-09-09', to: '2025-12-07', days: 90 } });
    const year = periodRange('this_year', '2026-12-07');
    expect(comparison(year, 'last_month').mode).toBe('last_year');
    expect(comparison(year, 'last_month').previous).toMatchObject({ from: '2025-01-01', to: '2025-12-07' });
    const thirty = periodRange('last_30', '2026-12-07');
    expect(comparison(thirty, 'last_month')).toEqual({ mode: 'last_month', previous: { from: '2026-10-08', to: '2026-11-07', days: 31 } });
    const long = { from: '2024-06-01', to: '2026-12-07' };
    expect(comparison(long, 'last_year').mode).toBe('previous');
    expect(comparison(long, 'previous').previous.to).toBe('2024-05-31');
  });

  it("takes the shop's today in its own time zone: 00:30 WIB on 1 December is December", () => {
    const instant = new Date('2026-11-30T17:30:00Z'); // 00:30 on 1 Dec in Jakarta, still 30 Nov in UTC
    const jakarta = dateInZone(instant, 'Asia/Jakarta');
    expect(jakarta).toBe('2026-12-01');
    expect(comparison(periodRange('this_month', jakarta), 'last_month').previous).toMatchObject({ from: '2026-11-01', to: '2026-11-01' });
    // The same instant in a shop in Makassar (WITA) and one keeping UTC.
    expect(periodRange('this_month', dateInZone(instant, 'Asia/Makassar'))).toMatchObject({ from: '2026-12-01', to: '2026-12-01' });
    expect(periodRange('this_month', dateInZone(instant, 'UTC'))).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('writes a range plainly, naming a shared month and year once', () => {
    expect(rangeText({ from: '2026-11-01', to: '2026-11-07' }, 'id')).toBe('1–7 Nov 2026');
    expect(rangeText({ from: '2026-11-24', to: '2026-12-07' }, 'id')).toBe('24 Nov – 7 Des 2026');
    expect(rangeText({ from: '2025-12-26', to: '2026-01-07' }, 'en')).toBe('26 Dec 2025 – 7 Jan 2026');
    expect(rangeText({ from: '2026-08-07', to: '2026-08-07' }, 'id')).toBe('7 Agu 2026');
  });

  it("marks today's month as running in a trend ending with it", () => {
    expect(runningMonth('2026-12', '2026-12-07')).toEqual({ month: '2026-12', through: '2026-12-07' });
    expect(runningMonth('2026-11', '2026-12-07')).toBeNull();
  });
});
