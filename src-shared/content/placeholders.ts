/** The placeholders a message may hold, filled per customer (and per shop / request). */
export const PLACEHOLDERS = ['nama', 'kota', 'terakhir_beli', 'total_belanja', 'segmen', 'kode_kampanye', 'toko', 'penawaran'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** `{nama}` → its value; an unknown `{…}` stays as typed, a known one without a value becomes empty. */
export function fillPlaceholders(text: string, values: Partial<Record<Placeholder, string | null>>): string {
  return text.replace(/\{([a-z_]+)\}/g, (whole, name: string) => ((PLACEHOLDERS as readonly string[]).includes(name) ? (values[name as Placeholder] ?? '') : whole));
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
