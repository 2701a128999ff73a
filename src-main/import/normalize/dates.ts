/**
 * Column-aware date parsing for imports. The day/month order of a column is decided once from
 * all its values (`detectDateOrder`), because a single `03/04/2026` cannot tell which it is.
 */
import { isIsoDate } from '../../../src-shared/format/date';
import { fullYear, monthNumber, numericDateParts, stripTime, stripWeekday } from './date-words';
import { excelSerialToIso, MAX_EXCEL_SERIAL } from './excel-serial';
import { cellScalar, utcIsoDate } from './text';

export type DateOrder = 'dmy' | 'mdy';

export interface DateParseOptions {
  /** The workbook uses the 1904 date system (old Mac Excel): serial 0 is 1904-01-01. */
  date1904?: boolean;
}

const MIN_YEAR = 1900;
/** The last date an import takes: a later one is a typing mistake (`2099` for `2019` is still taken, and warned about). */
export const LATEST_DATE = '2100-12-31';

/**
 * Votes of the values that can only be read one way (a part above 12 must be the day).
 * Nothing decisive → dmy, the Indonesian habit, flagged ambiguous so the caller can warn.
 * Values proving both → the majority (dmy on a tie), still flagged ambiguous.
 */
export function detectDateOrder(values: unknown[]): { order: DateOrder; ambiguous: boolean } {
  let dmy = 0;
  let mdy = 0;
  for (const value of values) {
    const scalar = cellScalar(value);
    if (typeof scalar !== 'string') continue;
    const parts = numericDateParts(stripWeekday(scalar.trim()));
    if (!parts || parts.first > 31 || parts.second > 31) continue;
    if (parts.first > 12 && parts.second <= 12) dmy += 1;
    else if (parts.second > 12 && parts.first <= 12) mdy += 1;
  }
  if (dmy === 0 && mdy === 0) return { order: 'dmy', ambiguous: true };
  return { order: mdy > dmy ? 'mdy' : 'dmy', ambiguous: dmy > 0 && mdy > 0 };
}

function isoFromParts(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > 9999) return null;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

function inRange(iso: string | null): string | null {
  if (!iso) return null;
  const year = Number(iso.slice(0, 4));
  return year >= MIN_YEAR ? iso : null;
}

/** `19970101` → 1997-01-01 (the CDNOW layout); anything else of 8 digits → null. */
function compactDate(digits: string): string | null {
  return isoFromParts(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8)));
}

function fromNumber(value: number, opts: DateParseOptions): string | null {
  if (!Number.isFinite(value)) return null;
  // An 8-digit whole number is a YYYYMMDD date typed as a number, far beyond any serial.
  if (Number.isInteger(value) && value >= 10_000_000 && value <= 99_999_999) return compactDate(String(value));
  const min = opts.date1904 ? 0 : 1;
  if (value < min || value > MAX_EXCEL_SERIAL) return null;
  return inRange(excelSerialToIso(value, opts.date1904));
}

function fromWords(text: string): string | null {
  // 5 Januari 2026 · 05-Jan-26 · 5-Agu-2025 · 5 Jan. 2026 · 5th January 2026
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?[\s./-]*([a-z]+)\.?[\s.,/-]*(\d{4}|\d{2})$/i.exec(text);
  if (dayFirst) {
    const month = monthNumber(dayFirst[2]);
    return month ? isoFromParts(fullYear(dayFirst[3]), month, Number(dayFirst[1])) : null;
  }
  // Jan 5, 2026 · January 5 2026
  const monthFirst = /^([a-z]+)\.?[\s./-]*(\d{1,2})(?:st|nd|rd|th)?[\s.,/-]+(\d{4}|\d{2})$/i.exec(text);
  if (monthFirst) {
    const month = monthNumber(monthFirst[1]);
    return month ? isoFromParts(fullYear(monthFirst[3]), month, Number(monthFirst[2])) : null;
  }
  return null;
}

function fromText(raw: string, order: DateOrder, opts: DateParseOptions): string | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  if (/^\d{8}$/.test(text)) return compactDate(text);
  if (/^\d+(\.\d+)?$/.test(text)) return fromNumber(Number(text), opts);

  const body = stripTime(stripWeekday(text));
  const yearFirst = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$/.exec(body);
  if (yearFirst) return isoFromParts(Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4]));

  const parts = numericDateParts(body);
  if (parts) {
    const [day, month] = order === 'dmy' ? [parts.first, parts.second] : [parts.second, parts.first];
    return isoFromParts(fullYear(parts.year), month, day);
  }
  return fromWords(body);
}

/** Any real calendar date from 1900 on, however far ahead. */
function anyDate(value: unknown, order: DateOrder, opts: DateParseOptions): string | null {
  const scalar = cellScalar(value);
  if (scalar === null || typeof scalar === 'boolean') return null;
  if (scalar instanceof Date) return inRange(utcIsoDate(scalar));
  if (typeof scalar === 'number') return fromNumber(scalar, opts);
  return fromText(scalar, order, opts);
}

/**
 * One cell → `YYYY-MM-DD`, or null when it is not a real calendar date between 1900 and 2100.
 * Dates are taken as written: a time or zone suffix is dropped, never converted.
 */
export function parseDateValue(value: unknown, order: DateOrder, opts: DateParseOptions = {}): string | null {
  const iso = anyDate(value, order, opts);
  return iso !== null && iso <= LATEST_DATE ? iso : null;
}

/** Whether a cell parseDateValue refused is a real date after LATEST_DATE (not text that is no date at all). */
export function isTooLate(value: unknown, order: DateOrder, opts: DateParseOptions = {}): boolean {
  const iso = anyDate(value, order, opts);
  return iso !== null && iso > LATEST_DATE;
}

/** A day, month and year a cell spells out plainly, whether or not that day exists. */
export interface WrittenDate {
  day: number;
  month: number;
  year: number;
}

/** The day/month/year a text cell writes (`31/02/2026`, `2026-02-31`, `31 Februari 2026`), read in the column's order, or null. */
function writtenParts(text: string, order: DateOrder): WrittenDate | null {
  const body = stripTime(stripWeekday(text.trim().replace(/\s+/g, ' ')));
  const yearFirst = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$/.exec(body);
  if (yearFirst) return { year: Number(yearFirst[1]), month: Number(yearFirst[3]), day: Number(yearFirst[4]) };
  const parts = numericDateParts(body);
  if (parts) {
    const [day, month] = order === 'dmy' ? [parts.first, parts.second] : [parts.second, parts.first];
    return { day, month, year: fullYear(parts.year) };
  }
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?[\s./-]*([a-z]+)\.?[\s.,/-]*(\d{4}|\d{2})$/i.exec(body);
  const dayFirstMonth = dayFirst ? monthNumber(dayFirst[2]) : null;
  if (dayFirst && dayFirstMonth) return { day: Number(dayFirst[1]), month: dayFirstMonth, year: fullYear(dayFirst[3]) };
  const monthFirst = /^([a-z]+)\.?[\s./-]*(\d{1,2})(?:st|nd|rd|th)?[\s.,/-]+(\d{4}|\d{2})$/i.exec(body);
  const monthFirstMonth = monthFirst ? monthNumber(monthFirst[1]) : null;
  if (monthFirst && monthFirstMonth) return { day: Number(monthFirst[2]), month: monthFirstMonth, year: fullYear(monthFirst[3]) };
  return null;
}

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A cell parseDateValue refused that is a well-formed date of a day its month does not have
 * (`31/02/2026`, `29/02/2025`, `31 April 2026`): its parts, so the message can say which month
 * ends when. Null for anything else (a month above 12, a day above 31, text that is no date).
 */
export function nonexistentDate(value: unknown, order: DateOrder): WrittenDate | null {
  const scalar = cellScalar(value);
  if (typeof scalar !== 'string') return null;
  const parts = writtenParts(scalar, order);
  if (!parts || parts.year < MIN_YEAR || parts.year > 9999) return null;
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31) return null;
  return parts.day > daysInMonth(parts.year, parts.month) ? parts : null;
}
