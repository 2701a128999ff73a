/**
 * Guessing what a column holds, for the import preview (icons, suggested mapping checks).
 * The guess never changes data: each cell is parsed again by the field it is mapped to.
 */
import { normalizePhone } from '../../../src-shared/format/phone';
import { detectDateOrder, parseDateValue, type DateOrder } from './dates';
import { detectNumberStyle, parseQuantityValue, type NumberStyle } from './numbers';
import { cellScalar, cellText } from './text';

export type ColumnType = 'date' | 'number' | 'phone' | 'email' | 'text' | 'empty';

const SHARE = 0.8;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A digit string as Indonesians write phones (0…, 62…, +62…, 9–15 digits) that is a real number. */
function isPhone(text: string): boolean {
  if (!/^\+?[\d\s().-]+$/.test(text)) return false;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 9 || digits.length > 15) return false;
  const plus = text.replace(/[\s(]/g, '').startsWith('+');
  const local = plus ? digits.startsWith('62') : digits.startsWith('0') || digits.startsWith('62');
  return local && normalizePhone(text) !== null;
}

/**
 * Plain numbers count as dates only in the 8-digit YYYYMMDD form: a column of 150 or 45000 is
 * far more often an amount than Excel serials that lost their date format.
 */
function isDate(value: unknown, text: string, order: DateOrder): boolean {
  if (cellScalar(value) instanceof Date) return true;
  if (/^[+-]?\d+(\.\d+)?$/.test(text) && !/^\d{8}$/.test(text)) return false;
  return parseDateValue(text, order) !== null;
}

function isNumber(value: unknown, style: NumberStyle): boolean {
  return !(cellScalar(value) instanceof Date) && parseQuantityValue(value, style) !== null;
}

export function detectColumnType(values: unknown[]): ColumnType {
  const samples = values.filter((value) => cellText(value) !== '');
  if (samples.length === 0) return 'empty';
  const texts = samples.map(cellText);
  const enough = (count: number): boolean => count >= SHARE * samples.length;
  const count = (test: (value: unknown, index: number) => boolean): number => samples.filter(test).length;

  if (enough(count((_, i) => EMAIL.test(texts[i])))) return 'email';
  // Before numbers: 0812… is a phone even though it parses as a number.
  if (enough(count((_, i) => isPhone(texts[i])))) return 'phone';
  const { order } = detectDateOrder(samples);
  if (enough(count((value, i) => isDate(value, texts[i], order)))) return 'date';
  const style = detectNumberStyle(samples);
  if (enough(count((value) => isNumber(value, style)))) return 'number';
  return 'text';
}
