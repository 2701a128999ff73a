/**
 * The dashboard's periods and what each is compared with, as calendar dates (`YYYY-MM-DD`) in the
 * shop's time zone: `today` is the shop's today (`dateInZone(now, business.timezone)`), so the
 * arithmetic here never meets a UTC instant. Pure, so the main process and the window agree.
 */
import { addDays, daysBetween } from '../format/date';

export const DASHBOARD_PERIODS = ['this_month', 'last_30', 'last_90', 'this_year', 'custom'] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

/**
 * What a period is compared with: the same dates a month or a year earlier (a shop's sales follow
 * the calendar — paydays, month ends, Ramadan — so 1–7 Dec reads against 1–7 Nov, not 24–30 Nov),
 * or the days of equal length just before it.
 */
export const COMPARE_MODES = ['last_month', 'last_year', 'previous'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

export interface DateRange {
  from: string;
  to: string;
}

export interface DayRange extends DateRange {
  days: number;
}

export function dayRange(from: string, to: string): DayRange {
  return { from, to, days: daysBetween(from, to) + 1 };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate(); // month is 1-based: day 0 of the next
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The date `months` calendar months earlier. A day the earlier month lacks becomes its last day
 * (31 Mar → 28 or 29 Feb); with `keepMonthEnd`, a month's last day stays its month's last day
 * (30 Apr → 31 Mar), so a whole month is compared with a whole month.
 */
export function monthsBefore(iso: string, months: number, keepMonthEnd = false): string {
  const [y, m, d] = iso.split('-').map(Number);
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  const day = keepMonthEnd && d === daysInMonth(y, m) ? last : Math.min(d, last);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The chosen period: month or year to date, the last 30 or 90 days, or the range picked. */
export function periodRange(period: DashboardPeriod, today: string, custom?: Partial<DateRange>): DayRange {
  if (period === 'custom' && custom?.from && custom.to) return dayRange(custom.from, custom.to);
  if (period === 'last_30') return dayRange(addDays(today, -29), today);
  if (period === 'last_90') return dayRange(addDays(today, -89), today);
  if (period === 'this_year') return dayRange(`${today.slice(0, 4)}-01-01`, today);
  return dayRange(`${today.slice(0, 7)}-01`, today);
}

/** The range a period is compared with in a mode, whether or not it overlaps the period. */
export function comparedRange(period: DateRange, mode: CompareMode): DayRange {
  if (mode === 'previous') {
    const days = daysBetween(period.from, period.to) + 1;
    return dayRange(addDays(period.from, -days), addDays(period.from, -1));
  }
  const months = mode === 'last_month' ? 1 : 12;
  return dayRange(monthsBefore(period.from, months), monthsBefore(period.to, months, true));
}

/** Whether a mode compares the period with days outside it (90 days "a month earlier" would not). */
export function canCompare(period: DateRange, mode: CompareMode): boolean {
  return comparedRange(period, mode).to < period.from;
}

/**
 * The mode used for a period: the one asked for when it can be, else the same dates a year
 * earlier (this year to date), else the days just before (a custom range over a year).
 */
export function compareModeFor(period: DateRange, asked: CompareMode): CompareMode {
  return [asked, 'last_year' as const].find((mode) => canCompare(period, mode)) ?? 'previous';
}

/** The period and the range it is compared with, in the mode used. */
export function comparison(period: DateRange, asked: CompareMode): { mode: CompareMode; previous: DayRange } {
  const mode = compareModeFor(period, asked);
  return { mode, previous: comparedRange(period, mode) };
}

/**
 * The month whose sales are still coming in (`YYYY-MM`, today's month) and the day they are
 * counted to, when it is the last month of a trend: a partial month is not a fall.
 */
export function runningMonth(lastMonth: string, today: string): { month: string; through: string } | null {
  return today.slice(0, 7) === lastMonth ? { month: lastMonth, through: today } : null;
}

const MONTHS = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
} as const;

/** `7 Des` or `7 Des 2026`: a day the way a person writes it. */
export function dayText(iso: string, language: 'id' | 'en', withYear = true): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[language][m - 1]}${withYear ? ` ${y}` : ''}`;
}

/** A range written plainly, naming a month or year once: `1–7 Nov 2026`, `24 Nov – 7 Des 2026`, `26 Des 2025 – 7 Jan 2026`. */
export function rangeText(range: DateRange, language: 'id' | 'en'): string {
  const { from, to } = range;
  if (from === to) return dayText(from, language);
  if (from.slice(0, 7) === to.slice(0, 7)) return `${Number(from.slice(8))}–${dayText(to, language)}`;
  if (from.slice(0, 4) === to.slice(0, 4)) return `${dayText(from, language, false)} – ${dayText(to, language)}`;
  return `${dayText(from, language)} – ${dayText(to, language)}`;
}
