import { describe, expect, it } from 'vitest';
import { detectDateOrder, parseDateValue, type DateOrder } from '../../../src-main/import/normalize/dates';

describe('parseDateValue: text', () => {
  it.each<[string, DateOrder, string | null]>([
    // ISO, with or without a time; the date is kept as written, never shifted by a zone.
    ['2026-11-21', 'dmy', '2026-11-21'],
    ['2026-11-21T10:00:00', 'dmy', '2026-11-21'],
    ['2026-11-21 10:00', 'mdy', '2026-11-21'],
    ['2026-11-21T23:30:00.000Z', 'dmy', '2026-11-21'],
    ['2026-11-21T01:00:00+07:00', 'dmy', '2026-11-21'],
    ['2026/11/21', 'dmy', '2026-11-21'],
    ['  2026-11-21  ', 'dmy', '2026-11-21'],
    // Numeric day/month: the column order decides.
    ['21/11/2026', 'dmy', '2026-11-21'],
    ['03/04/2026', 'dmy', '2026-04-03'],
    ['03/04/2026', 'mdy', '2026-03-04'],
    ['5-1-26', 'dmy', '2026-01-05'],
    ['5-1-69', 'dmy', '2069-01-05'],
    ['5-1-70', 'dmy', '1970-01-05'],
    ['5-1-99', 'dmy', '1999-01-05'],
    ['5-1-00', 'dmy', '2000-01-05'],
    ['21.11.2026', 'dmy', '2026-11-21'],
    ['21.11.2026 10.30', 'dmy', '2026-11-21'],
    ['12/1/2010 8:26', 'mdy', '2010-12-01'],
    ['10/31/2011 10:42', 'mdy', '2011-10-31'],
    ['1/9/2011 2:05 PM', 'mdy', '2011-01-09'],
    // Month words, Indonesian and English.
    ['5 Januari 2026', 'dmy', '2026-01-05'],
    ['5 Jan 2026', 'mdy', '2026-01-05'],
    ['05-Jan-26', 'dmy', '2026-01-05'],
    ['5-Agu-2025', 'dmy', '2025-08-05'],
    ['17 Agt 2025', 'dmy', '2025-08-17'],
    ['17 Ags 2025', 'dmy', '2025-08-17'],
    ['1 Mei 2026', 'dmy', '2026-05-01'],
    ['9 Okt 2026', 'dmy', '2026-10-09'],
    ['25 Des 2026', 'dmy', '2026-12-25'],
    ['14 Pebruari 2026', 'dmy', '2026-02-14'],
    ['10 Nopember 2026', 'dmy', '2026-11-10'],
    ['5 January 2026', 'dmy', '2026-01-05'],
    ['5 Jan. 2026', 'dmy', '2026-01-05'],
    ['Jan 5, 2026', 'dmy', '2026-01-05'],
    ['December 25 2026', 'dmy', '2026-12-25'],
    ['Senin, 5 Januari 2026', 'dmy', '2026-01-05'],
    ["Jum'at, 9 Januari 2026", 'dmy', '2026-01-09'],
    ['Monday, 5 January 2026', 'dmy', '2026-01-05'],
    ['5 Januari 2026 14:30 WIB', 'dmy', '2026-01-05'],
    // Compact, as in the CDNOW data set.
    ['19970101', 'dmy', '1997-01-01'],
    ['19980630', 'mdy', '1998-06-30'],
  ])('%j (%s) → %s', (text, order, expected) => {
    expect(parseDateValue(text, order)).toBe(expected);
  });

  it.each<[string, DateOrder]>([
    ['31/02/2026', 'dmy'],
    ['29/02/2025', 'dmy'],
    ['02/31/2026', 'mdy'],
    ['13/13/2026', 'dmy'],
    ['21/11/2026', 'mdy'],
    ['2026-13-01', 'dmy'],
    ['19971301', 'dmy'],
    ['5 Foo 2026', 'dmy'],
    ['Januari 2026', 'dmy'],
    ['5 Januari 1899', 'dmy'],
    ['01/01/2101', 'dmy'],
    ['21/11/2026/1', 'dmy'],
    ['21/11-2026', 'dmy'],
    ['Senin', 'dmy'],
    ['besok', 'dmy'],
    ['', 'dmy'],
    ['   ', 'dmy'],
  ])('rejects %j (%s)', (text, order) => {
    expect(parseDateValue(text, order)).toBeNull();
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseDateValue('29/02/2024', 'dmy')).toBe('2024-02-29');
    expect(parseDateValue('29/02/2100', 'dmy')).toBeNull();
  });
});

describe('parseDateValue: Excel serials and typed cells', () => {
  it.each<[number | string, string | null]>([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, null], // Lotus's fictitious 1900-02-29
    [61, '1900-03-01'],
    [45000, '2023-03-15'],
    [45000.75, '2023-03-15'],
    ['45000', '2023-03-15'],
    ['45000.5', '2023-03-15'],
    [46347, '2026-11-21'],
    [0, null],
    [-5, null],
    [2958465, null], // 9999-12-31: a valid serial, outside the accepted years
    [2958466, null],
    [Number.NaN, null],
    [19970101, '1997-01-01'], // YYYYMMDD typed as a number by a CSV reader
  ])('serial %j → %s', (serial, expected) => {
    expect(parseDateValue(serial, 'dmy')).toBe(expected);
  });

  it.each<[number, string | null]>([
    [0, '1904-01-01'],
    [1, '1904-01-02'],
    [43538, '2023-03-15'],
    [-1, null],
  ])('1904 system: serial %d → %s', (serial, expected) => {
    expect(parseDateValue(serial, 'dmy', { date1904: true })).toBe(expected);
  });

  it('takes the UTC calendar date of a Date, as exceljs builds date cells', () => {
    expect(parseDateValue(new Date(Date.UTC(2026, 10, 21)), 'dmy')).toBe('2026-11-21');
    expect(parseDateValue(new Date('2026-11-21T23:59:59Z'), 'mdy')).toBe('2026-11-21');
    expect(parseDateValue(new Date(Date.UTC(1850, 0, 1)), 'dmy')).toBeNull();
    expect(parseDateValue(new Date(Number.NaN), 'dmy')).toBeNull();
  });

  it('reads formula results and rejects values that are not dates', () => {
    expect(parseDateValue({ formula: 'TODAY()', result: new Date(Date.UTC(2026, 0, 5)) }, 'dmy')).toBe('2026-01-05');
    expect(parseDateValue({ richText: [{ text: '5 Jan' }, { text: 'uari 2026' }] }, 'dmy')).toBe('2026-01-05');
    for (const value of [null, undefined, true, { error: '#N/A' }, ['2026-01-05']]) {
      expect(parseDateValue(value, 'dmy')).toBeNull();
    }
  });
});

describe('detectDateOrder', () => {
  it.each<[string, unknown[], { order: DateOrder; ambiguous: boolean }]>([
    ['a day above 12 first', ['03/04/2026', '21/11/2026'], { order: 'dmy', ambiguous: false }],
    ['a day above 12 second', ['03/04/2026', '11/21/2026'], { order: 'mdy', ambiguous: false }],
    ['with times', ['12/1/2010 8:26', '10/31/2011 10:42'], { order: 'mdy', ambiguous: false }],
    ['two-digit years and dots', ['1.2.26', '25.12.26'], { order: 'dmy', ambiguous: false }],
    ['nothing decides', ['03/04/2026', '01/02/2026'], { order: 'dmy', ambiguous: true }],
    ['no numeric dates at all', ['2026-11-21', '5 Januari 2026', 45000, null], { order: 'dmy', ambiguous: true }],
    ['empty column', [], { order: 'dmy', ambiguous: true }],
    ['both proven, mdy majority', ['21/11/2026', '11/21/2026', '12/25/2026'], { order: 'mdy', ambiguous: true }],
    ['both proven, dmy majority', ['21/11/2026', '25/12/2026', '11/21/2026'], { order: 'dmy', ambiguous: true }],
    ['both proven, tie', ['21/11/2026', '11/21/2026'], { order: 'dmy', ambiguous: true }],
    ['impossible values ignored', ['13/13/2026', '40/05/2026', '11/21/2026'], { order: 'mdy', ambiguous: false }],
  ])('%s', (_label, values, expected) => {
    expect(detectDateOrder(values)).toEqual(expected);
  });
});
