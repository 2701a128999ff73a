import dayjs from 'dayjs';

export const whole = new Intl.NumberFormat('id-ID');
const pct = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 });

export const percent = (rate: number | null) => (rate === null ? '—' : pct.format(rate));

/** `2026-11` → "Nov 2026" in the language on screen. */
export const monthLabel = (month: string, language: string, short = false) =>
  dayjs(`${month}-01`)
    .locale(language)
    .format(short ? 'MMM YY' : 'MMMM YYYY');
