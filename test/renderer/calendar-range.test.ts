import { describe, expect, it } from 'vitest';
import { readCalendarQuery, shiftAnchor, startOfWeek, visibleDays } from '../../src-renderer/pages/followups/calendarRange';

describe('the follow-up calendar range', () => {
  it('shows whole weeks from Monday that cover the month: 5 or 6 rows', () => {
    const december = visibleDays('month', '2026-12-07');
    expect([december[0], december.at(-1), december.length]).toEqual(['2026-11-30', '2027-01-03', 35]);
    // March 2026 starts on a Sunday and ends on a Tuesday: six rows.
    const march = visibleDays('month', '2026-03-15');
    expect([march[0], march.at(-1), march.length]).toEqual(['2026-02-23', '2026-04-05', 42]);
    // February 2021 starts on Monday and ends on Sunday: exactly four rows.
    expect(visibleDays('month', '2021-02-10')).toHaveLength(28);
  });

  it('a week runs Monday to Sunday around its date, also across a year end', () => {
    expect(visibleDays('week', '2026-12-31')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(startOfWeek('2026-12-06')).toBe('2026-11-30'); // a Sunday belongs to the week before
  });

  it('steps a month keeping the day where it exists, a week by seven days', () => {
    expect(shiftAnchor('month', '2026-01-31', 1)).toBe('2026-02-28');
    expect(shiftAnchor('month', '2026-01-15', -1)).toBe('2025-12-15');
    expect(shiftAnchor('month', '2024-03-31', -1)).toBe('2024-02-29');
    expect(shiftAnchor('week', '2026-12-30', 1)).toBe('2027-01-06');
  });

  it('reads the view and date from the address, falling back to the month of today', () => {
    expect(readCalendarQuery(new URLSearchParams('view=week&date=2026-12-07'), '2026-01-01')).toEqual({ view: 'week', anchor: '2026-12-07' });
    expect(readCalendarQuery(new URLSearchParams('view=year&date=2026-02-30'), '2026-01-01')).toEqual({ view: 'month', anchor: '2026-01-01' });
  });
});
