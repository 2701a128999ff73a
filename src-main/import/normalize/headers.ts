/**
 * Finding the header row of an uploaded sheet and proposing which column fills which field.
 * The proposal is only a starting point: the user confirms or corrects it in the preview.
 */
import { createHash } from 'node:crypto';
import { REQUIRED_GROUPS, targetFields, type ImportKind } from './target-fields';
import { cellText } from './text';

export { REQUIRED_GROUPS, TARGET_FIELDS, targetFields, type FieldRequirement, type ImportKind, type RequiredGroup, type TargetField } from './target-fields';

export type FieldMapping = Record<string, number | null>;

/** `Tgl. Transaksi`, `tgl_transaksi`, `TglTransaksi` → `tgl transaksi`. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const compact = (normalized: string): string => normalized.replace(/ /g, '');

const EXACT = 100_000;
const CONTAINS = 1_000;

/**
 * Words that qualify another field inside a longer header (`No HP Pelanggan`, `Customer Email`,
 * `Harga Produk`), so they name a field only when they are the whole header.
 */
const QUALIFIERS = new Set(['pelanggan', 'customer', 'produk', 'product', 'barang', 'item']);

/**
 * How well a header names a synonym: an exact match (spacing aside) beats the synonym's words
 * appearing inside a longer header (`Total Belanja (Rp)`); among those, more words, then more
 * letters, are more specific.
 */
function matchScore(header: string, synonym: string): number {
  if (!header || !synonym) return 0;
  if (header === synonym || compact(header) === compact(synonym)) return EXACT + synonym.length;
  if (QUALIFIERS.has(synonym) || !` ${header} `.includes(` ${synonym} `)) return 0;
  return CONTAINS + 100 * synonym.split(' ').length + synonym.length;
}

interface Candidate {
  field: string;
  fieldOrder: number;
  column: number;
  score: number;
}

function candidates(headers: readonly string[], kind: ImportKind): Candidate[] {
  const normalized = headers.map(normalizeHeader);
  const found: Candidate[] = [];
  targetFields(kind).forEach((target, fieldOrder) => {
    const synonyms = target.synonyms.map(normalizeHeader);
    normalized.forEach((header, column) => {
      const score = Math.max(0, ...synonyms.map((synonym) => matchScore(header, synonym)));
      if (score > 0) found.push({ field: target.field, fieldOrder, column, score });
    });
  });
  return found;
}

/**
 * Best column for each field, greedily from the strongest match down, so a column is used
 * once (`Jumlah Barang` goes to qty before amount can claim it by its word `jumlah`).
 * Ties go to the earlier field, then the leftmost column.
 */
export function autoMapping(headers: string[], kind: ImportKind): FieldMapping {
  const mapping: FieldMapping = {};
  for (const target of targetFields(kind)) mapping[target.field] = null;
  const usedColumns = new Set<number>();
  const sorted = candidates(headers, kind).sort((a, b) => b.score - a.score || a.fieldOrder - b.fieldOrder || a.column - b.column);
  for (const c of sorted) {
    if (mapping[c.field] !== null || usedColumns.has(c.column)) continue;
    mapping[c.field] = c.column;
    usedColumns.add(c.column);
  }
  return mapping;
}

/**
 * The header row: among the first `maxScan` rows, the one mapping the most fields (the first
 * on a tie), with at least two, so title lines like "Laporan Penjualan Toko Sari" are skipped.
 */
export function detectHeaderRow(rows: unknown[][], kind: ImportKind, maxScan = 20): { index: number; score: number } | null {
  let best: { index: number; score: number } | null = null;
  for (let index = 0; index < Math.min(rows.length, maxScan); index += 1) {
    const mapping = autoMapping(Array.from(rows[index] ?? [], cellText), kind);
    const score = Object.values(mapping).filter((column) => column !== null).length;
    if (score >= 2 && (!best || score > best.score)) best = { index, score };
  }
  return best;
}

/**
 * A key for "this file layout", to reuse the mapping the user confirmed last time. Trailing
 * empty headers are dropped: spreadsheets vary in how many blank columns they report.
 */
export function mappingSignature(headers: string[]): string {
  const normalized = headers.map(normalizeHeader);
  while (normalized.length > 0 && normalized[normalized.length - 1] === '') normalized.pop();
  return createHash('sha256').update(normalized.join('\u0000')).digest('hex').slice(0, 16);
}

function isMapped(mapping: FieldMapping, field: string): boolean {
  const column = mapping[field];
  return typeof column === 'number' && column >= 0;
}

/** Required fields not mapped, then unsatisfied groups as `one-of:<group>` (see REQUIRED_GROUPS). */
export function missingRequired(mapping: FieldMapping, kind: ImportKind): string[] {
  const missing: string[] = targetFields(kind)
    .filter((target) => target.required === true && !isMapped(mapping, target.field))
    .map((target) => target.field);
  for (const group of REQUIRED_GROUPS[kind]) {
    const satisfied = group.anyOf.some((fields) => fields.every((field) => isMapped(mapping, field)));
    if (!satisfied) missing.push(`one-of:${group.group}`);
  }
  return missing;
}
