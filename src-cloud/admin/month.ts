/** Months as the shops live them: Asia/Jakarta, UTC+7 all year (no daylight saving). */
const JAKARTA_MS = 7 * 60 * 60 * 1000;

export const jakartaMonth = (now: Date): string => new Date(now.getTime() + JAKARTA_MS).toISOString().slice(0, 7);

/** `YYYY-MM` shifted by whole months. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const firstDay = (month: string): string => `${month}-01`;
