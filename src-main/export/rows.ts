import { sql } from 'kysely';
import { AppError } from '../../src-shared/errors';
import type { Translate } from '../../src-shared/i18n/messages';
import type { Language } from '../../src-shared/schemas/auth';
import type { WriteCtx } from '../core/context';
import type { Cell } from './cells';
import type { PreparedReport, Report, ReportColumn } from './report';

/** The report's columns the user chose, in the report's order; all of them when none were named. */
export function chooseColumns(report: Report, keys: readonly string[] | undefined, t: Translate): ReportColumn[] {
  if (!keys) return [...report.columns];
  const known = new Set(report.columns.map((c) => c.key));
  const unknown = keys.filter((key) => !known.has(key));
  if (unknown.length > 0) throw new AppError('VALIDATION_ERROR', t('exp.unknownColumns', { columns: unknown.join(', ') }), { columns: unknown });
  const wanted = new Set(keys);
  return report.columns.filter((c) => wanted.has(c.key));
}

export interface ReportRows {
  /** Every row the query yields, and the sums of the report's summable columns over them. */
  total: number;
  totals: Record<string, number>;
  /** The rows one at a time, straight from SQLite: a million of them are never all in memory. */
  rows(): Generator<Cell[]>;
}

/**
 * From this many rows an export reads a report's `bulk` query when it has one: one pass and a sort
 * beat a random read per row, while a narrower export is quicker through the indexes.
 */
export const BULK_ROWS = 200_000;

/**
 * Count and sum a prepared report (with the list's own totals query where it has one), then read
 * its rows with a raw iterating statement, each cell through its column's `show`.
 */
export function readReport(ctx: Pick<WriteCtx, 'sqlite' | 'db'>, report: Report, prepared: PreparedReport, columns: readonly ReportColumn[], language: Language, options: { allowBulk?: boolean } = {}): ReportRows {
  const summable = report.columns.filter((c) => c.total);
  const sums = summable.map((c) => sql`, COALESCE(SUM(${sql.ref(`r.${c.key}`)}), 0) AS ${sql.ref(c.key)}`);
  const counted = prepared.totals?.compile() ?? sql`SELECT COUNT(*) AS ${sql.ref('rows')}${sql.join(sums, sql``)} FROM (${prepared.query}) AS r`.compile(ctx.db);
  const summary = ctx.sqlite.prepare(counted.sql).get(...counted.parameters) as Record<string, number | null>;
  const total = Number(summary.rows);

  const query = options.allowBulk && prepared.bulk && total >= BULK_ROWS ? prepared.bulk : prepared.query;
  const compiled = query.compile();
  const statement = ctx.sqlite.prepare(compiled.sql).raw(true);
  const names = statement.columns().map((c) => c.name);
  const at = columns.map((c) => {
    const index = names.indexOf(c.key);
    if (index < 0) throw new Error(`report ${report.id} selects no column ${c.key}`);
    return index;
  });
  return {
    total,
    totals: Object.fromEntries(summable.map((c) => [c.key, Number(summary[c.key] ?? 0)])),
    *rows() {
      for (const raw of statement.iterate(...compiled.parameters) as IterableIterator<unknown[]>) {
        const cells: Cell[] = new Array<Cell>(columns.length);
        for (let i = 0; i < columns.length; i++) {
          const show = columns[i].show;
          const value = raw[at[i]];
          cells[i] = show ? show(value, language) : (value as Cell);
        }
        yield cells;
      }
    },
  };
}
