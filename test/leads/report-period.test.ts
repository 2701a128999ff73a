import { describe, expect, it } from 'vitest';
import { addMonths, dayStart, daySpan, monthSpans, weekStart } from '../../src-main/leads/reports/period';

describe('the reports calendar: shop-local days as UTC bounds', () => {
  it('starts a Jakarta day at 17:00 UTC the day before, and a span ends where the next day starts', () => {
    expect(dayStart('2026-03-10', 'Asia/Jakarta')).toBe('2026-03-09T17:00:00.000Z');
    expect(daySpan('2026-08-01', '2026-09-30', 'Asia/Jakarta')).toEqual({ start: '2026-07-31T17:00:00.000Z', end: '2026-09-30T17:00:00.000Z' });
    expect(dayStart('2026-01-01', 'Asia/Jayapura')).toBe('2025-12-31T15:00:00.000Z');
  });

  it('follows a zone whose offset changes (summer time) on both sides of the change', () => {
    expect(dayStart('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(dayStart('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
    expect(dayStart('2026-11-02', 'America/New_York')).toBe('2026-11-02T05:00:00.000Z');
  });

  it('counts months across a year end and weeks from Monday', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-03', -5)).toBe('2025-10');
    expect(monthSpans('2026-12', 2, 'Asia/Jakarta')).toEqual([
      { month: '2026-12', start: '2026-11-30T17:00:00.000Z', end: '2026-12-31T17:00:00.000Z' },
      { month: '2027-01', start: '2026-12-31T17:00:00.000Z', end: '2027-01-31T17:00:00.000Z' },
    ]);
    expect(weekStart('2026-11-05')).toBe('2026-11-02');
    expect(weekStart('2026-11-08')).toBe('2026-11-02');
    expect(weekStart('2026-11-02')).toBe('2026-11-02');
  });
});
