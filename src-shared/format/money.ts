const rupiah = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** Whole rupiah (the stored minor unit for IDR) → `Rp 1.250.000`; negatives as `-Rp 5.000`. */
export function formatRupiah(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return '';
  const text = `Rp ${rupiah.format(Math.abs(amount))}`;
  return amount < 0 ? `-${text}` : text;
}

/** Compact figure for chart axes and KPI cards: 1.250.000 → `Rp 1,3 jt`. */
export function formatRupiahShort(amount: number): string {
  const abs = Math.abs(amount);
  const sign = amount < 0 ? '-' : '';
  const one = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
  if (abs >= 1e12) return `${sign}Rp ${one.format(abs / 1e12)} T`;
  if (abs >= 1e9) return `${sign}Rp ${one.format(abs / 1e9)} M`;
  if (abs >= 1e6) return `${sign}Rp ${one.format(abs / 1e6)} jt`;
  if (abs >= 1e3) return `${sign}Rp ${one.format(abs / 1e3)} rb`;
  return `${sign}Rp ${rupiah.format(abs)}`;
}

/**
 * Parse an amount typed or pasted by a person: `Rp 1.250.000`, `Rp 1.250.000,-`, `1.250.000,50`,
 * `1,250,000.50`, `1250000`. Returns the value in whole rupiah (rounded half away from zero), or
 * null when the text is not a number. A single separator followed by exactly three digits is
 * read as grouping (`1.250` = 1250), the Indonesian habit.
 */
export function parseMoney(raw: string | number): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? Math.round(raw) : null;
  let text = raw.trim().replace(/^rp\.?/i, '').replace(/[,.]-$/, '').replace(/\s/g, '');
  if (!text) return null;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  }
  text = text.replace(/^rp\.?/i, '');
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    normalized = text.split(group).join('').replace(decimal, '.');
  } else {
    const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
    if (!sep) normalized = text;
    else {
      const parts = text.split(sep);
      const groupLike = parts.length > 2 || parts[parts.length - 1].length === 3;
      normalized = groupLike ? parts.join('') : parts.join('.');
    }
  }
  if (!/^\d+(\.\d+)?$/.test(normalized)) return null;
  const value = Math.round(Number(normalized));
  if (!Number.isSafeInteger(value)) return null;
  return negative ? -value : value;
}
