import { useTranslation } from 'react-i18next';
import { formatRupiah, formatRupiahShort } from '../../src-shared/format/money';

const one = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** English scale words for the Indonesian ones of `formatRupiahShort` ("M" is miliar there, million here). */
const EN_UNITS: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

function formatRupiahShortEn(amount: number): string {
  const abs = Math.abs(amount);
  const sign = amount < 0 ? '-' : '';
  for (const [scale, unit] of EN_UNITS) if (abs >= scale) return `${sign}Rp ${one.format(abs / scale)}${unit}`;
  return formatRupiah(amount);
}

/**
 * Compact rupiah for chart axes and tight table cells, in the words of the language on screen:
 * `Rp 16,4 M` (miliar) in Bahasa Indonesia would read as millions to an English reader.
 */
export function useRupiahShort(): (amount: number) => string {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? formatRupiahShortEn : formatRupiahShort;
}

/**
 * From a billion rupiah on, a figure is shown short in cards and list cells: a full
 * `Rp 67.359.575.000` is wider than a stat card at 1366 px and slides under its icon.
 */
export const SHORT_FROM = 1_000_000_000;

/** How to show an amount where space is tight: short from SHORT_FROM on, with the full figure to hover. */
export function useRupiahFit(): (amount: number) => { text: string; full: string | null } {
  const short = useRupiahShort();
  return (amount) => (Math.abs(amount) >= SHORT_FROM ? { text: short(amount), full: formatRupiah(amount) } : { text: formatRupiah(amount), full: null });
}
