/**
 * The reports' calendar: shop-local days and months turned into UTC instants, the form every
 * `created_at` is stored in, so each figure filters `created_at >= start AND created_at < end` on
 * an index instead of converting every row's stamp to a local date.
 */
import { addDays } from '../../../src-shared/format/date';

/** How far `zone` is ahead of UTC at `instant`, in milliseconds (Jakarta: +7 h). */
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant (ISO, as stored) at which a shop-local day begins. */
export function dayStart(day: string, zone: string): string {
  const naive = Date.parse(`${day}T00:00:00Z`);
  // Twice: the offset at local midnight can differ from the one at UTC midnight (a DST change).
  const first = naive - offsetAt(naive, zone);
  return new Date(naive - offsetAt(first, zone)).toISOString();
}

export interface Span {
  /** First instant inside, ISO. */
  start: string;
  /** First instant after, ISO. */
  end: string;
}

/** Local days `from`..`to`, both included. */
export function daySpan(from: string, to: string, zone: string): Span {
  return { start: dayStart(from, zone), end: dayStart(addDays(to, 1), zone) };
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export interface MonthSpan extends Span {
  month: string;
}

/** `count` calendar months starting with `first` (`YYYY-MM`), each with its instants. */
export function monthSpans(first: string, count: number, zone: string): MonthSpan[] {
  return Array.from({ length: count }, (_, i) => {
    const month = addMonths(first, i);
    return { month, start: dayStart(`${month}-01`, zone), end: dayStart(`${addMonths(month, 1)}-01`, zone) };
  });
}

/** Monday of the week holding `day` (the team's "this week"). */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 Sunday
  return addDays(day, -((weekday + 6) % 7));
}
