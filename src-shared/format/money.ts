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
