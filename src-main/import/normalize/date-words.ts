/**
 * The words people write inside dates: Indonesian and English month names (with the old
 * spellings still common in shop books, like "Pebruari" and "Nopember") and weekday names.
 */

const MONTHS: Record<string, number> = {};

function addMonths(names: readonly string[][]): void {
  names.forEach((aliases, index) => {
    for (const alias of aliases) MONTHS[alias] = index + 1;
  });
}

addMonths([
  ['januari', 'january', 'jan'],
  ['februari', 'pebruari', 'february', 'feb', 'peb'],
  ['maret', 'march', 'mar'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['agustus', 'august', 'agu', 'agt', 'ags', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nopember', 'nov', 'nop'],
  ['desember', 'december', 'des', 'dec'],
]);

const WEEKDAYS = new Set([
  'senin',
  'selasa',
  'rabu',
  'kamis',
  'jumat',
  'sabtu',
  'minggu',
  'ahad',
  'sen',
  'sel',
  'rab',
  'kam',
  'jum',
  'sab',
  'min',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
]);

/** Month number for a month word (any case, optional trailing dot), or null. */
export function monthNumber(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

/** `Senin, 5 Januari 2026` → `5 Januari 2026`; text without a weekday is returned unchanged. */
export function stripWeekday(text: string): string {
  const m = /^([a-z']+)\.?\s*,?\s+(.*)$/i.exec(text);
  if (!m) return text;
  const word = m[1].toLowerCase().replace(/'/g, '');
  return WEEKDAYS.has(word) ? m[2] : text;
}

// A clock time after the date (`8:26`, `10.30`, `10:00:00.000Z`, `2:05 PM`, `10:00 WIB`);
// imports keep only the calendar date as written, so the time is dropped, never converted.
const TIME_SUFFIX = /(?:\s+|T)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|[+-]\d{2}:?\d{2}|wib|wita|wit)?$/i;

export function stripTime(text: string): string {
  return text.replace(TIME_SUFFIX, '');
}

/** Two-digit years as spreadsheets read them: 00–69 → 20xx, 70–99 → 19xx. */
export function fullYear(text: string): number {
  const year = Number(text);
  if (text.length !== 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

/** `03/04/2026`, `3-4-26`, `03.04.2026 8:26` → the three numbers as written; null otherwise. */
export function numericDateParts(text: string): { first: number; second: number; year: string } | null {
  const m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(stripTime(text.trim()));
  if (!m) return null;
  return { first: Number(m[1]), second: Number(m[3]), year: m[4] };
}
