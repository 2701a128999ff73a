/** Calendar dates are `YYYY-MM-DD` strings in the business time zone; instants are ISO UTC. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * `2026-11-21` → `21/11/2026`. An instant (`2026-11-20T21:59:00.000Z`, a created_at) is shown as
 * its date in the business time zone (`21/11/2026` in Jakarta), not as its UTC date, which is a day
 * early between 00:00 and 07:00 WIB.
 */
export function formatDate(value: string | null | undefined, timeZone = 'Asia/Jakarta'): string {
  if (!value) return '';
  let iso = value;
  if (!ISO_DATE.test(value)) {
    const instant = new Date(value);
    if (Number.isNaN(instant.getTime())) return value;
    iso = dateInZone(instant, timeZone);
  }
  const m = ISO_DATE.exec(iso);
  if (!m) return value;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** An instant (ISO UTC) shown in the business time zone: `21/11/2026 14:05`. */
export function formatDateTime(instant: string | null | undefined, timeZone = 'Asia/Jakarta'): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** The calendar date of an instant in a time zone: the "today" of the shop. */
export function dateInZone(instant: Date, timeZone = 'Asia/Jakarta'): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant); // en-CA formats as YYYY-MM-DD
}

/** One formatter per time zone: making one costs a hundred times what formatting a date does. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Parse `dd/mm/yyyy` (or `d-m-yyyy`, `d.m.yyyy`) or ISO typed by a person into ISO; null if invalid. */
export function parseDayFirstDate(text: string): string | null {
  const value = text.trim();
  if (isIsoDate(value)) return value;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Whole days from date a to date b (both ISO calendar dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
