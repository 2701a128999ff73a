import { sql } from 'kysely';
import { AppError } from '../../src-shared/errors';
import type { Translate } from '../../src-shared/i18n/messages';
import type { Language } from '../../src-shared/schemas/auth';
import type { WriteCtx } from '../core/context';
import type { Cell } from './cells';
import type { Lookup, PreparedReport, Report, ReportColumn } from './report';

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

function loadLookup(ctx: Pick<WriteCtx, 'sqlite'>, lookup: Lookup): Map<unknown, unknown[]> {
  const compiled = lookup.table.compile();
  const values = new Map<unknown, unknown[]>();
  for (const [key, ...rest] of ctx.sqlite
    .prepare(compiled.sql)
    .raw(true)
    .iterate(...compiled.parameters) as IterableIterator<unknown[]>)
    values.set(key, rest);
  return values;
}

/**
 * Count and sum a prepared report (with the list's own totals query where it has one), then read
 * its rows with a raw iterating statement, each cell through its column's `show`. From `bulkFrom`
 * rows on, the report's bulk read is used when it has one.
 */
export function readReport(
  ctx: Pick<WriteCtx, 'sqlite' | 'db'>,
  report: Report,
  prepared: PreparedReport,
  columns: readonly ReportColumn[],
  language: Language,
  options: { bulkFrom?: number } = {},
): ReportRows {
  const summable = report.columns.filter((c) => c.total);
  const sums = summable.map((c) => sql`, COALESCE(SUM(${sql.ref(`r.${c.key}`)}), 0) AS ${sql.ref(c.key)}`);
  const counted =
    prepared.totals?.compile() ?? sql`SELECT COUNT(*) AS ${sql.ref('rows')}${sql.join(sums, sql``)} FROM (${prepared.query}) AS r`.compile(ctx.db);
  const summary = ctx.sqlite.prepare(counted.sql).get(...counted.parameters) as Record<string, number | null>;
  const total = Number(summary.rows);

  const bulk = options.bulkFrom !== undefined && total >= options.bulkFrom ? prepared.bulk : undefined;
  const compiled = (bulk?.query ?? prepared.query).compile();
  const statement = ctx.sqlite.prepare(compiled.sql).raw(true);
  const names = statement.columns().map((c) => c.name);
  const lookup = bulk?.lookup ? { values: loadLookup(ctx, bulk.lookup), key: names.indexOf(bulk.lookup.key), fills: bulk.lookup.fills } : null;
  // Where each chosen column's value comes from: the row (`at`) or the lookup (`fill`).
  const sources = columns.map((c) => {
    const fill = lookup ? lookup.fills.indexOf(c.key) : -1;
    const at = names.indexOf(c.key);
    if (fill < 0 && at < 0) throw new Error(`report ${report.id} selects no column ${c.key}`);
    return { at, fill, show: c.show };
  });
  return {
    total,
    totals: Object.fromEntries(summable.map((c) => [c.key, Number(summary[c.key] ?? 0)])),
    *rows() {
      for (const raw of statement.iterate(...compiled.parameters) as IterableIterator<unknown[]>) {
        const found = lookup?.values.get(raw[lookup.key]);
        const cells: Cell[] = new Array<Cell>(sources.length);
        for (let i = 0; i < sources.length; i++) {
          const { at, fill, show } = sources[i];
          const value = fill >= 0 ? (found?.[fill] ?? null) : raw[at];
          cells[i] = show ? show(value, language) : (value as Cell);
        }
        yield cells;
      }
    },
  };
}
