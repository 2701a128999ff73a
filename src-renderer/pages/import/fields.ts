import type { TFunction } from 'i18next';
import type { ImportKindName, InspectOutput, Mapping } from '../../../src-shared/schemas/import';
import i18n from '../../i18n';

export type TargetField = InspectOutput['fields'][number];

/** `invoice_no` → "No. faktur"; a field the main process added later falls back to its name. */
export function fieldLabel(t: TFunction, kind: ImportKindName, field: string): string {
  const key = `import.fields.${kind}.${field}`;
  return i18n.exists(key) ? t(key as 'import.fields.customers.name') : field;
}

const isMapped = (mapping: Mapping, field: string) => mapping[field] !== null && mapping[field] !== undefined;

/**
 * What is still missing for the mapping on screen, in the main process's words: a required field
 * (`transaction_date`) or a one-of group (`one-of:customer`). A group is met when any of its
 * fields is mapped; the amount group needs the total, or both quantity and unit price.
 */
export function missingRequired(fields: TargetField[], mapping: Mapping): string[] {
  const missing = fields.filter((f) => f.required === true && !isMapped(mapping, f.field)).map((f) => f.field);
  const groups = new Map<string, string[]>();
  for (const f of fields) {
    if (typeof f.required !== 'string') continue;
    groups.set(f.required, [...(groups.get(f.required) ?? []), f.field]);
  }
  for (const [group, members] of groups) {
    const met =
      group === 'one-of:amount'
        ? isMapped(mapping, 'amount') || (isMapped(mapping, 'qty') && isMapped(mapping, 'unit_price'))
        : members.some((field) => isMapped(mapping, field));
    if (!met) missing.push(group);
  }
  return missing;
}

/** One sentence per missing item. */
export function missingMessage(t: TFunction, kind: ImportKindName, missing: string): string {
  if (missing === 'one-of:customer') return t('import.mapping.missingCustomer');
  if (missing === 'one-of:amount') return t('import.mapping.missingAmount');
  return t('import.mapping.missingField', { field: fieldLabel(t, kind, missing) });
}

/** First non-empty values of a column in the preview rows. */
export function samples(rows: string[][], column: number, count: number): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const value = row[column]?.trim();
    if (value) out.push(value.length > 40 ? `${value.slice(0, 39)}…` : value);
    if (out.length >= count) break;
  }
  return out;
}

/** 1234 → "1.234": counts read the Indonesian way in both languages, like the rest of the app. */
export const count = (n: number) => n.toLocaleString('id-ID');

/** 850 → "0,9 detik"; 125_000 → "2 menit 5 detik". */
export function formatDuration(t: TFunction, ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  const seconds = ms / 1000;
  if (ms < 100) return t('import.duration.s', { n: `< ${(0.1).toLocaleString(i18n.language === 'en' ? 'en-US' : 'id-ID')}` });
  if (seconds < 60) {
    const n = new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'id-ID', { maximumFractionDigits: seconds < 10 ? 1 : 0 }).format(seconds);
    return t('import.duration.s', { n });
  }
  return t('import.duration.m', { m: Math.floor(seconds / 60), s: Math.floor(seconds % 60) });
}
