import type { Compilable, Kysely, OperationNodeSource } from 'kysely';
import type { z } from 'zod';
import type { CatalogueKey } from '../../src-shared/i18n/catalogues';
import { say, type Vars } from '../../src-shared/i18n/instance';
import type { Translate } from '../../src-shared/i18n/messages';
import type { Language, Role } from '../../src-shared/schemas/auth';
import type { ColumnType, ReportId } from '../../src-shared/schemas/export';
import type { Clock } from '../core/clock';
import type { Database } from '../db/schema';

/**
 * Every name a report shows: a key of the `export` catalogue (`src-shared/i18n/{id,en}/export.ts`),
 * or, for a name made of other words (a segment's report), what puts it together in a language.
 */
export type Words = CatalogueKey<'export'> | ((language: Language) => string);

/** A report's name, a column's header or a note's label in the file's language. */
export function words(name: Words, language: Language, vars?: Vars): string {
  return typeof name === 'function' ? name(language) : say('export', name, language, vars);
}

export interface ReportColumn {
  /** The column's alias in the report's SELECT and its key in the contract. */
  key: string;
  type: ColumnType;
  label: Words;
  /** The list column it belongs to when that differs (the list's `customer` shows code and name). */
  listKey?: string;
  /** A sum over every row means something (revenue, amount), so the preview and Info sheet show it. */
  total?: boolean;
  /** Turns the stored value into what the file shows: tags JSON → `a, b`, a segment id → its name. */
  show?: (value: unknown, language: Language) => string | number | null;
}

/** A kysely SELECT: compiled to run in the worker, and embeddable to count and sum its rows. */
export type ReportQuery = Compilable & OperationNodeSource;

export interface ReportEnv {
  db: Kysely<Database>;
  language: Language;
  t: Translate;
  /** Today in the business time zone: where a default period ends. */
  today: string;
  /** Who asked for the report, and the app's clock (the system's when absent): a list's "mine" and
   * "overdue" filters need them. */
  userId?: string | null;
  clock?: Clock;
}

export interface Period {
  from: string | null;
  to: string | null;
}

/**
 * Columns filled from a small table read into memory once, by a key each row holds, instead of a
 * join: a million customer lookups cost SQLite seconds, a Map of the customers a fraction of one.
 */
export interface Lookup {
  /** The query's column holding the key. */
  key: string;
  /** Selects the key, then the values of `fills` in that order. */
  table: ReportQuery;
  fills: readonly string[];
}

export interface BulkRead {
  query: ReportQuery;
  lookup?: Lookup;
}

/** What a report needs to run: its query, and what was found while building it (a run's date). */
export interface PreparedReport {
  query: ReportQuery;
  /**
   * The row count (`rows`) and the summable columns' sums, as the list computes them; without it
   * they are counted over the query itself.
   */
  totals?: ReportQuery;
  /** The same rows in the same order read by a full pass and a sort: faster for most of a big table. */
  bulk?: BulkRead;
  /**
   * The first `limit` rows, where the query with a LIMIT around it would still sort every row (a
   * list that sorts its keys before joining them): the preview reads these.
   */
  first?: (limit: number) => ReportQuery;
  period: Period | null;
  /** Extra lines for the Info sheet, e.g. which RFM analysis the figures come from. */
  notes: [Words, string][];
}

export interface Report<S extends z.ZodObject = z.ZodObject> {
  id: ReportId;
  name: Words;
  /** The file name's first part: `pelanggan` → `pelanggan-2026-11-21.xlsx`. */
  file: Words;
  group: 'data' | 'analysis' | 'history';
  /** Who may export it; the rest get FORBIDDEN with a sentence saying so (`exp.forbidden`). */
  roles: readonly Role[];
  filters: S;
  columns: readonly ReportColumn[];
  // Methods, not function properties: each report narrows the filters' type, and the registry
  // holds them all as Report<ZodObject>, which method parameters allow.
  prepare(filters: z.output<S>, env: ReportEnv): Promise<PreparedReport> | PreparedReport;
}

export const MANAGERS: readonly Role[] = ['owner', 'manager'];
export const EVERYONE: readonly Role[] = ['owner', 'manager', 'staff'];

/** Lets a report's `prepare` see its own filters' type. */
export function defineReport<S extends z.ZodObject>(report: Report<S>): Report<S> {
  return report;
}

/** The period a list's `from`/`to` filters chose; none when neither is set. */
export function periodOf(filters: { from?: string; to?: string }): Period | null {
  return filters.from || filters.to ? { from: filters.from ?? null, to: filters.to ?? null } : null;
}

/** A report ready to read: its query, with no period, notes or faster reads unless given. */
export function prepared(query: ReportQuery, more: Partial<Omit<PreparedReport, 'query'>> = {}): PreparedReport {
  return { period: null, notes: [], ...more, query };
}
