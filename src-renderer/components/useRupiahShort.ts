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
