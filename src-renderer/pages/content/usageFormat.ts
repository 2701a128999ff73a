const cents = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
export const wholeNumber = new Intl.NumberFormat('id-ID');

/** An AI call costs a few rupiah: show the fraction, or a month of calls reads "Rp 0". */
export function formatCost(rupiah: number): string {
  return `Rp ${cents.format(rupiah)}`;
}

/** `2026-11` → `November 2026` / `November 2026` in the language on screen. */
export function formatMonth(month: string, language: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
