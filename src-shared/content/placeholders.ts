/** The placeholders a message may hold, filled per customer (and per shop / request). */
export const PLACEHOLDERS = ['nama', 'kota', 'terakhir_beli', 'total_belanja', 'segmen', 'kode_kampanye', 'toko', 'penawaran', 'poin', 'tier'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** `{nama}` → its value; an unknown `{…}` stays as typed, a known one without a value becomes empty. */
export function fillPlaceholders(text: string, values: Partial<Record<Placeholder, string | null>>): string {
  return text.replace(/\{([a-z_]+)\}/g, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? (values[name as Placeholder] ?? '') : whole,
  );
}

/** WhatsApp click-to-chat for an E.164 number: `https://wa.me/<digits>?text=<message>`. */
export function waLink(e164: string, message: string): string {
  return `https://wa.me/${e164.replace(/\D/g, '')}?text=${encodeURIComponent(message)}`;
}

/**
 * Campaign codes as in seed 003: `PKG_MONTH_YEAR_TYPE`, e.g. `UMR_MAR_2025_HEMAT`. Months in
 * Indonesian or English three-letter form.
 */
export const CAMPAIGN_CODE = /^[A-Z0-9]{2,12}_(JAN|FEB|MAR|APR|MEI|MAY|JUN|JUL|AGU|AUG|SEP|OKT|OCT|NOV|DES|DEC)_(19|20)\d{2}_[A-Z0-9]{2,20}$/;

/** Placeholders whose value is the same for every recipient: empty, the whole sending is broken. */
export const SHARED_PLACEHOLDERS = ['kode_kampanye', 'toko', 'penawaran'] as const satisfies readonly Placeholder[];

/** The shared placeholders a text uses that would be filled with nothing. */
export function emptyPlaceholders(text: string, values: Partial<Record<Placeholder, string | null>>): Placeholder[] {
  return SHARED_PLACEHOLDERS.filter((name) => text.includes(`{${name}}`) && !values[name]?.trim());
}

const CODE_MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MEI', 'JUN', 'JUL', 'AGU', 'SEP', 'OKT', 'NOV', 'DES'] as const;
const CODE_PACKAGES: Record<string, string> = {
  champions: 'JUARA',
  loyal: 'SETIA',
  potential_loyalist: 'POTENSIAL',
  new_customers: 'BARU',
  promising: 'PROSPEK',
  need_attention: 'PERHATIAN',
  about_to_sleep: 'HAMPIRTIDUR',
  at_risk: 'BERISIKO',
  cant_lose_them: 'PENTING',
  hibernating: 'TIDUR',
  lost: 'HILANG',
};
const CODE_TYPES: [RegExp, string][] = [
  [/ongkir|ongkos kirim|free shipping|shipping/i, 'ONGKIR'],
  [/diskon|potongan|discount|hemat|%/i, 'DISKON'],
  [/cashback/i, 'CASHBACK'],
  [/hadiah|bonus|gift|gratis|free/i, 'BONUS'],
  [/voucher|kupon|coupon/i, 'VOUCHER'],
];

/**
 * A campaign code in the `PKG_MONTH_YEAR_TYPE` form from the segment, the month and the offer,
 * e.g. at_risk, March 2025, "gratis ongkir" → `BERISIKO_MAR_2025_ONGKIR`. Always matches CAMPAIGN_CODE.
 */
export function suggestCampaignCode(segment: string | null | undefined, date: Date, offer: string | null | undefined): string {
  const pkg = (segment && CODE_PACKAGES[segment]) || 'PROMO';
  const text = offer ?? '';
  const type =
    CODE_TYPES.find(([pattern]) => pattern.test(text))?.[1] ??
    (text
      .toUpperCase()
      .split(/[^A-Z0-9]+/)
      .find((word) => word.length >= 2)
      ?.slice(0, 20) ||
      'PROMO');
  return `${pkg}_${CODE_MONTHS[date.getMonth()]}_${date.getFullYear()}_${type}`;
}

/** Month words a code may use (CAMPAIGN_CODE): Indonesian and English three-letter forms. */
const CODE_MONTH_NUMBERS: Record<string, number> = {
  ...Object.fromEntries(CODE_MONTHS.map((month, index) => [month, index + 1])),
  MAY: 5,
  AUG: 8,
  OCT: 10,
  DEC: 12,
};

export interface CampaignCodeParts {
  /** The package: who or what the campaign is for, e.g. `WINBACK`. */
  pkg: string;
  /** 1–12. */
  month: number;
  year: number;
  /** The kind of offer, e.g. `HEMAT`. */
  type: string;
}

/** `WINBACK_DES_2026_HEMAT` → its package, month, year and offer type; null when it is not a CAMPAIGN_CODE. */
export function parseCampaignCode(code: string): CampaignCodeParts | null {
  const text = code.trim().toUpperCase();
  if (!CAMPAIGN_CODE.test(text)) return null;
  const [pkg, month, year, type] = text.split('_');
  return { pkg, month: CODE_MONTH_NUMBERS[month], year: Number(year), type };
}
