/**
 * How stored values read in a file: JSON lists as text, codes as the words the app shows. Each is a
 * column's `show`, called once per cell, so they stay small.
 */
import { formatRupiah } from '../../src-shared/format/money';
import { churnLabel, isSegmentId, segmentLabel, segmentText as segmentWords } from '../../src-shared/i18n/segments';
import type { Language } from '../../src-shared/schemas/auth';
import { words, type Words } from './report';

/** `["vip","reseller"]` → `vip, reseller`: the importer splits tags on commas, so it reads them back. */
export function tagsText(value: unknown): string | null {
  if (typeof value !== 'string' || value === '[]') return null;
  return (JSON.parse(value) as string[]).join(', ') || null;
}

/** A transaction's items as one line: `2 × Batik Tulis (Rp 350.000); 1 × Selendang (Rp 90.000)`. */
export function itemsText(value: unknown): string | null {
  if (typeof value !== 'string' || value === '[]') return null;
  const items = JSON.parse(value) as { name: string; qty: number; price: number }[];
  return items.map((item) => `${item.qty} × ${item.name} (${formatRupiah(item.price)})`).join('; ') || null;
}

export function segmentText(value: unknown, language: Language): string | null {
  return typeof value === 'string' ? segmentLabel(value, language) : null;
}

export function segmentAction(value: unknown, language: Language): string | null {
  return isSegmentId(value) ? segmentWords(value, language).action : null;
}

export function churnText(value: unknown, language: Language): string | null {
  return typeof value === 'string' ? churnLabel(value, language) : null;
}

/**
 * A code shown as words from a table, e.g. an import's status; unknown codes stay as they are. The
 * words are looked up once per language, not once per cell.
 */
export function wordsFor(table: Record<string, Words>): (value: unknown, language: Language) => string | null {
  const shown: Partial<Record<Language, Map<string, string>>> = {};
  return (value, language) => {
    if (value === null || value === undefined) return null;
    const names = (shown[language] ??= new Map(Object.entries(table).map(([code, key]) => [code, words(key, language)])));
    return names.get(String(value)) ?? String(value);
  };
}

/** 1/0 → Aktif/Nonaktif: words the importer also reads back as active/inactive. */
export const activeText = wordsFor({ 1: 'active', 0: 'inactive' });
export const yesNoText = wordsFor({ 1: 'yes', 0: 'no' });
export const quotaText = wordsFor({ available: 'available', limited: 'limited', full: 'full' });

/** A JSON list of lines (a product's key features) as one cell, a line each, as the form shows them. */
export function linesText(value: unknown): string | null {
  if (typeof value !== 'string' || value === '[]') return null;
  return (JSON.parse(value) as string[]).join('\n') || null;
}

/** A percentage stored as 12.5 → the fraction 0.125 a spreadsheet formats as 12,5 %. */
export function fraction(value: unknown): number | null {
  return typeof value === 'number' ? value / 100 : null;
}
