import { z } from 'zod';
import { normalizePhone } from '../../../src-shared/format/phone';
import type { MessageKey } from '../../../src-shared/i18n/messages';
import type { IssueCategory, Mapping } from '../../../src-shared/schemas/import';
import { formatDate } from '../../../src-shared/format/date';
import { daysInMonth, isTooLate, nonexistentDate, parseDateValue, type DateOrder } from '../normalize/dates';
import { parseAmountValue, parseQuantityValue, type NumberStyle } from '../normalize/numbers';
import { cellScalar, cellText } from '../normalize/text';
import type { IssueLog } from './issues';
import { Memo } from './memo';

/** Per column, decided once for the whole file before rows are read. */
export interface ColumnStyles {
  headers: string[];
  mapping: Mapping;
  dateOrder: Map<number, DateOrder>;
  numberStyle: Map<number, NumberStyle>;
  date1904: boolean;
  /** The shop's today, and the last date taken without a warning (today plus the import's tolerance). */
  today: string;
  futureAfter: string;
}

/** What spreadsheets and R/pandas exports write for "no value". */
const MISSING = new Set(['na', 'n/a', '#n/a', 'null', 'nan', 'none', '-', '—', '–']);

const MISSING_MAX = Math.max(...[...MISSING].map((m) => m.length));

/**
 * An export puts `'` before text starting with = + - @ tab or CR so no spreadsheet runs it as a
 * formula (OWASP's advice for CSV); the `'` is not part of the value.
 */
const NEUTRALISED = /^'(?=[=+\-@\t\r])/;

/** The cell as text, with "no value" markers read as empty. A neutralised `'-` is a real dash. */
function present(value: unknown): string {
  const text = cellText(value);
  if (text.length <= MISSING_MAX && MISSING.has(text.toLowerCase())) return '';
  return text.charCodeAt(0) === 39 ? text.replace(NEUTRALISED, '') : text; // 39: '
}

/**
 * What a text cell may hold besides its words: whitespace text folds (a run of two or more, or any
 * kind but the plain space), and invisible characters: zero-width ones and the controls that set
 * the direction of text (U+202A-U+202E, U+2066-U+2069, left by copying from chat apps). One test
 * a cell; nearly every cell has none.
 */
const UNUSUAL = /\s\s|[^\S ]|[\u200B-\u200D\u2060\u202A-\u202E\u2066-\u2069]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
/** Dropped from text: zero-width spaces, word joiners and direction controls. Zero-width
 * (non-)joiners stay: they are part of emoji and of some scripts' words. */
const DROPPED = /[\u200B\u2060\u202A-\u202E\u2066-\u2069]/g;
/** Left after dropping, with nothing visible: the cell only looked empty. */
const INVISIBLE = /^[\u200C\u200D]*$/;

/** Text with its invisible characters dropped and its whitespace folded; '' if nothing visible is left. */
function foldWords(text: string): string {
  const folded = text.replace(DROPPED, '').replace(/\s+/g, ' ').trim();
  return INVISIBLE.test(folded) ? '' : folded;
}

/** A cell as text the way a text field reads it: trimmed, "no value" empty, runs of whitespace one
 * space, invisible characters dropped. */
export function cellWords(value: unknown): string {
  const text = present(value);
  return UNUSUAL.test(text) ? foldWords(text) : text;
}

/** Fields that name or identify a record: one holding only invisible characters is refused, not
 * read as empty (a name that looks blank, an invoice number no one can type). */
const IDENTIFYING = new Set(['name', 'code', 'customer_name', 'customer_code', 'invoice_no', 'product', 'product_code', 'campaign_code']);

/** The same rule as the customer form's email field. */
const EMAIL = z.email();
const YES = new Set(['1', 'ya', 'y', 'yes', 'true', 'aktif', 'active', 'benar']);
const NO = new Set(['0', 'tidak', 't', 'no', 'n', 'false', 'nonaktif', 'non-aktif', 'inactive', 'salah']);

/** One memo per field, made on first use: its column's conventions are part of the reading. */
function memoFor<V>(memos: Map<string, Memo<V>>, field: string, read: () => (text: string) => V): Memo<V> {
  let memo = memos.get(field);
  if (!memo) {
    memo = new Memo(read());
    memos.set(field, memo);
  }
  return memo;
}

/**
 * Reads one row's mapped fields, normalising each and logging what cannot be read with the row
 * number, the column's header, the value and what was expected. `failed` tells whether any field
 * of this row was unusable.
 */
export class RowReader {
  failed = false;
  /** A phone comes back with each sale of its customer, a whole customer base apart in a file
   * sorted by date: this memo holds a big shop's (100,000 customers; ~15 MB), as reading a phone is
   * the dearest field (libphonenumber: 3 s a million). */
  private readonly phones = new Memo(normalizePhone, 150_000);
  private readonly dates = new Map<string, Memo<string | null>>();
  private readonly amounts = new Map<string, Memo<number | null>>();
  private readonly quantities = new Map<string, Memo<number | null>>();
  private cells: unknown[] = [];
  private line = 0;

  constructor(
    private readonly styles: ColumnStyles,
    private readonly log: IssueLog,
  ) {}

  reset(line: number, cells: unknown[]): this {
    this.line = line;
    this.cells = cells;
    this.failed = false;
    return this;
  }

  mapped(field: string): boolean {
    const col = this.styles.mapping[field];
    return col !== null && col !== undefined;
  }

  private column(field: string): number | null {
    const col = this.styles.mapping[field];
    return col === null || col === undefined ? null : col;
  }

  raw(field: string): unknown {
    const col = this.column(field);
    return col === null ? null : (this.cells[col] ?? null);
  }

  /** The cell as the file has it, as text: what an issue about the field shows. */
  rawText(field: string): string {
    return cellText(this.raw(field));
  }

  fail(field: string, category: IssueCategory, key: MessageKey, vars?: Record<string, string | number>): null {
    const col = this.column(field);
    this.failed = true;
    this.log.issue(this.line, col === null ? '' : this.styles.headers[col], field, category, this.rawText(field), this.log.t(key, vars));
    return null;
  }

  /** A problem with the field that does not fail the row: it is listed with the row's problems. */
  note(field: string, category: IssueCategory, key: MessageKey, vars?: Record<string, string | number>): void {
    const col = this.column(field);
    this.log.issue(this.line, col === null ? '' : this.styles.headers[col], field, category, this.rawText(field), this.log.t(key, vars));
  }

  text(field: string, max: number, required = false): string | null {
    let value = present(this.raw(field));
    if (UNUSUAL.test(value)) {
      const folded = foldWords(value);
      if (folded === '' && (required || IDENTIFYING.has(field))) return this.fail(field, 'other', 'imp.invisible');
      if (folded !== '' && BIDI.test(value)) this.note(field, 'other', 'imp.bidiStripped');
      value = folded;
    }
    if (!value) return required ? this.fail(field, 'missing', 'imp.required') : null;
    if (value.length > max) return this.fail(field, 'other', 'imp.tooLong', { max });
    return value;
  }

  /** `ahead`: a date meant to lie ahead (a lead's expected close), not a typing mistake when it does. */
  date(field: string, required = false, ahead = false): string | null {
    const raw = this.raw(field);
    if (present(raw) === '') return required ? this.fail(field, 'missing', 'imp.required') : null;
    const order = this.styles.dateOrder.get(this.column(field) as number) ?? 'dmy';
    const options = { date1904: this.styles.date1904 };
    const iso =
      typeof raw === 'string'
        ? memoFor(this.dates, field, () => (text) => parseDateValue(text, order, options)).get(raw)
        : parseDateValue(cellScalar(raw), order, options);
    if (iso === null) {
      if (isTooLate(cellScalar(raw), order, options)) return this.fail(field, 'date', 'imp.dateTooLate');
      const missing = nonexistentDate(raw, order);
      if (!missing) return this.fail(field, 'date', 'imp.date');
      const month = this.log.t('imp.months').split(',')[missing.month - 1];
      return this.fail(field, 'date', 'imp.dateNoSuchDay', { month, year: missing.year, last: daysInMonth(missing.year, missing.month) });
    }
    if (!ahead && iso > this.styles.futureAfter) this.note(field, 'date', 'imp.futureDate', { today: formatDate(this.styles.today) });
    return iso;
  }

  /** Money in whole rupiah (or the multiplier's unit), rounded half away from zero. */
  amount(field: string, multiplier: number, required = false): number | null {
    const raw = this.raw(field);
    if (present(raw) === '') return required ? this.fail(field, 'missing', 'imp.required') : null;
    const value = multiplier === 1 ? this.number(this.amounts, field, raw, parseAmountValue) : this.number(this.quantities, field, raw, parseQuantityValue);
    if (value === null || !Number.isFinite(value)) return this.fail(field, 'number', 'imp.number');
    const scaled = value * multiplier;
    const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled));
    return Number.isSafeInteger(rounded) ? rounded : this.fail(field, 'number', 'imp.number');
  }

  quantity(field: string): number | null {
    const raw = this.raw(field);
    if (present(raw) === '') return null;
    const value = this.number(this.quantities, field, raw, parseQuantityValue);
    return value === null ? this.fail(field, 'number', 'imp.qty') : value;
  }

  /** A number cell read in its column's style; typed text repeats (prices, round totals), so it is parsed once. */
  private number(
    memos: Map<string, Memo<number | null>>,
    field: string,
    raw: unknown,
    parse: (value: unknown, style: NumberStyle) => number | null,
  ): number | null {
    const style = this.styles.numberStyle.get(this.column(field) as number) ?? { decimal: ',', ambiguous: true };
    return typeof raw === 'string' ? memoFor(memos, field, () => (text) => parse(text, style)).get(raw) : parse(cellScalar(raw), style);
  }

  phone(field: string): string | null {
    const value = present(this.raw(field));
    if (!value) return null;
    return this.phones.get(value) ?? this.fail(field, 'phone', 'imp.phone');
  }

  email(field: string): string | null {
    let value = present(this.raw(field)).toLowerCase();
    if (UNUSUAL.test(value)) {
      const folded = foldWords(value);
      if (folded !== '' && BIDI.test(value)) this.note(field, 'other', 'imp.bidiStripped');
      value = folded;
    }
    if (!value) return null;
    return value.length <= 200 && EMAIL.safeParse(value).success ? value : this.fail(field, 'other', 'imp.email');
  }

  boolean(field: string, fallback: boolean): boolean {
    const value = present(this.raw(field)).toLowerCase();
    if (!value) return fallback;
    if (YES.has(value)) return true;
    if (NO.has(value)) return false;
    this.fail(field, 'other', 'imp.boolean');
    return fallback;
  }

  tags(field: string): string[] {
    const value = present(this.raw(field));
    return [
      ...new Set(
        value
          .split(/[,;|]/)
          .map((t) => t.trim())
          .filter((t) => t && t.length <= 40),
      ),
    ].slice(0, 20);
  }
}
