/**
 * Automatic record codes: customers `C000001`, products `P-0001`. One place for the format, so the
 * forms, the import and the demo shop number records the same way.
 */
export const customerCode = (n: number): string => `C${String(n).padStart(6, '0')}`;
export const productCode = (n: number): string => `P-${String(n).padStart(4, '0')}`;

/** The number inside an automatic code, or null for a code the user chose. */
export function customerCodeNumber(code: string): number | null {
  const m = /^C(\d{6,})$/.exec(code);
  return m ? Number(m[1]) : null;
}

export function productCodeNumber(code: string): number | null {
  const m = /^P-(\d+)$/.exec(code);
  return m ? Number(m[1]) : null;
}
