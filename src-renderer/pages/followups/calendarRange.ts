import { addDays, isIsoDate } from '../../../src-shared/format/date';

export type CalendarView = 'month' | 'week';

/** Monday = 0 … Sunday = 6 (Indonesian calendars, like the ISO week, start on Monday). */
function weekdayOf(iso: string): number {
  return (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function startOfWeek(iso: string): string {
  return addDays(iso, -weekdayOf(iso));
}

/** The days the view shows around `anchor`: its week, or every whole week that touches its month (5 or 6 rows). */
export function visibleDays(view: CalendarView, anchor: string): string[] {
  const first = view === 'week' ? startOfWeek(anchor) : startOfWeek(`${anchor.slice(0, 8)}01`);
  let count = 7;
  if (view === 'month') {
    const nextMonth = shiftAnchor('month', `${anchor.slice(0, 8)}01`, 1);
    count = Math.ceil((Date.parse(`${nextMonth}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000 / 7) * 7;
  }
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}

/** The anchor one view later or earlier: a month keeps its day where the month has it (31 Jan → 28 Feb). */
export function shiftAnchor(view: CalendarView, anchor: string, step: number): string {
  if (view === 'week') return addDays(anchor, 7 * step);
  const [y, m, d] = anchor.split('-').map(Number);
  const months = y * 12 + (m - 1) + step;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A view and a date from the address (`#/calendar?view=week&date=2026-12-07`), today when missing or wrong. */
export function readCalendarQuery(query: URLSearchParams, today: string): { view: CalendarView; anchor: string } {
  const date = query.get('date') ?? '';
  return { view: query.get('view') === 'week' ? 'week' : 'month', anchor: isIsoDate(date) ? date : today };
}
