import { describe, expect, it } from 'vitest';
import { addDays, dateInZone, daysBetween, formatDate, formatDateTime, isIsoDate, parseDayFirstDate } from '../../src-shared/format/date';

describe('dates', () => {
  it.each([
    ['2026-11-21', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-13-01', false],
    ['21/11/2026', false],
    ['2026-1-1', false],
  ])('isIsoDate(%s) = %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('formats as dd/mm/yyyy', () => {
    expect(formatDate('2026-11-21')).toBe('21/11/2026');
    expect(formatDate(null)).toBe('');
    // An instant is dated in the business time zone: 04:59 WIB on 1 December is still 30 November in UTC.
    expect(formatDate('2026-11-30T21:59:00.000Z')).toBe('01/12/2026');
    expect(formatDate('2026-11-30T16:59:00.000Z')).toBe('30/11/2026'); // 23:59 WIB
    expect(formatDate('2026-11-30T21:59:00.000Z', 'Asia/Jayapura')).toBe('01/12/2026');
    expect(formatDate('2026-11-30T15:30:00.000Z', 'Asia/Jayapura')).toBe('01/12/2026'); // 00:30 WIT
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('shows instants in the shop time zone', () => {
    expect(formatDateTime('2026-11-21T17:30:00.000Z')).toBe('22/11/2026 00:30');
    expect(formatDateTime('2026-11-21T17:30:00.000Z', 'Asia/Jayapura')).toBe('22/11/2026 02:30');
  });

  it('knows the shop date near midnight', () => {
    expect(dateInZone(new Date('2026-11-21T16:59:00Z'))).toBe('2026-11-21');
    expect(dateInZone(new Date('2026-11-21T17:00:00Z'))).toBe('2026-11-22');
  });

  it.each([
    ['21/11/2026', '2026-11-21'],
    ['1-2-2026', '2026-02-01'],
    ['05.01.2026', '2026-01-05'],
    ['2026-11-21', '2026-11-21'],
    ['31/02/2026', null],
    ['hello', null],
  ])('parseDayFirstDate(%s) = %s', (text, expected) => {
    expect(parseDayFirstDate(text)).toBe(expected);
  });

  it('counts days across months and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2026-11-22', -729)).toBe('2024-11-23');
  });
});
