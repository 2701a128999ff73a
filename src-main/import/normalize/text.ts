/**
 * Turning spreadsheet cell values (as exceljs or papaparse hand them over) into plain scalars
 * and text, so every parser downstream sees the same shapes whatever the file format was.
 */

export type CellScalar = string | number | boolean | Date | null;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && !Array.isArray(value);
}

/**
 * The value a cell shows: rich text joined, hyperlinks as their text, formulas as their cached
 * result (the formula itself is never data), error cells as null. Strings are not trimmed here.
 */
export function cellScalar(value: unknown): CellScalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (!isRecord(value)) return null;
  if ('error' in value) return null;
  if (Array.isArray(value.richText)) {
    return value.richText.map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('');
  }
  // Formula cells (plain or shared) carry the last computed value in `result`.
  if ('formula' in value || 'sharedFormula' in value || 'result' in value) return cellScalar(value.result);
  // Hyperlink cells: the text may itself be rich text.
  if ('text' in value) return cellScalar(value.text);
  return null;
}

/** `1.5e-7` → `0.00000015`: spreadsheets never show exponents to shop owners. */
function plainDecimal(n: number): string {
  if (Object.is(n, -0)) return '0';
  const text = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, whole, fraction = '', expText] = m;
  const exp = Number(expText);
  const digits = whole + fraction;
  const point = whole.length + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The UTC calendar date: exceljs builds date cells as UTC midnights. */
export function utcIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Any cell value as trimmed display text; '' for empty and error cells. */
export function cellText(value: unknown): string {
  const scalar = cellScalar(value);
  if (scalar === null) return '';
  if (typeof scalar === 'string') return scalar.trim();
  if (typeof scalar === 'number') return Number.isFinite(scalar) ? plainDecimal(scalar) : '';
  if (typeof scalar === 'boolean') return scalar ? 'TRUE' : 'FALSE';
  return utcIsoDate(scalar);
}
