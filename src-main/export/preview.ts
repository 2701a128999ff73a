/**
 * The Laporan page's preview: a report's first rows, its row count and its totals, reading only
 * what it shows. The rows come from the report's query with a LIMIT in the SQL (SQLite keeps the
 * top rows of a sort instead of sorting them all). When they are every row of the report (a year
 * of months, the segment table) the count and sums are taken from them: no second pass. Otherwise
 * one counting statement runs: the report's own (`totals`, e.g. the list's, or a rollup), or a
 * COUNT and SUMs over its query with the ORDER BY left out, as order changes neither.
 */
import { sql, type OperationNodeSource, type SelectQueryNode } from 'kysely';
import type { Language } from '../../src-shared/schemas/auth';
import type { WriteCtx } from '../core/context';
import type { Cell } from './cells';
import type { PreparedReport, Report, ReportQuery } from './report';

export const PREVIEW_ROWS = 20;
/** A report whose query keeps at most this many rows (top customers) is read whole, counted as it is read. */
export const READ_WHOLE = 1_000;

export interface PreviewRows {
  rows: Cell[][];
  total: number;
  totals: Record<string, number>;
}

type Reader = Pick<WriteCtx, 'sqlite' | 'db'>;

/** The query without its ORDER BY, unless a LIMIT needs it to pick its rows (top customers). */
export function unordered(query: ReportQuery): OperationNodeSource {
  const node = query.toOperationNode();
  if (node.kind !== 'SelectQueryNode') return query;
  const select = node as SelectQueryNode;
  if (!select.orderBy || select.limit || select.offset) return query;
  return { toOperationNode: () => ({ ...select, orderBy: undefined }) as SelectQueryNode };
}

/** The LIMIT a report's query carries itself, e.g. the top 100 customers; null without one. */
function ownLimit(query: ReportQuery): number | null {
  const node = query.toOperationNode() as SelectQueryNode;
  const limit = node.kind === 'SelectQueryNode' ? (node.limit?.limit as { kind: string; value?: unknown } | undefined) : undefined;
  return limit?.kind === 'ValueNode' && typeof limit.value === 'number' ? limit.value : null;
}

export function readPreview(ctx: Reader, report: Report, prepared: PreparedReport, language: Language, shown = PREVIEW_ROWS): PreviewRows {
  // Counting a top-100 list would group every sale a second time: read its rows once instead.
  const bound = ownLimit(prepared.query);
  const limit = bound !== null && bound <= READ_WHOLE ? Math.max(bound, shown) : shown;
  const first = prepared.first ? prepared.first(limit + 1).compile() : sql`SELECT * FROM (${prepared.query}) AS r LIMIT ${limit + 1}`.compile(ctx.db);
  const statement = ctx.sqlite.prepare(first.sql).raw(true);
  const names = statement.columns().map((c) => c.name);
  const raw = statement.all(...first.parameters) as unknown[][];
  const summable = report.columns.filter((c) => c.total);
  let total: number;
  let totals: Record<string, number>;
  if (raw.length <= limit) {
    // Every row of the report is here.
    total = raw.length;
    totals = Object.fromEntries(summable.map((c) => [c.key, raw.reduce((sum, row) => sum + Number(row[names.indexOf(c.key)] ?? 0), 0)]));
  } else {
    const sums = summable.map((c) => sql`, COALESCE(SUM(${sql.ref(`r.${c.key}`)}), 0) AS ${sql.ref(c.key)}`);
    const compiled =
      prepared.totals?.compile() ?? sql`SELECT COUNT(*) AS ${sql.ref('rows')}${sql.join(sums, sql``)} FROM (${unordered(prepared.query)}) AS r`.compile(ctx.db);
    const summary = ctx.sqlite.prepare(compiled.sql).get(...compiled.parameters) as Record<string, number | null>;
    total = Number(summary.rows);
    totals = Object.fromEntries(summable.map((c) => [c.key, Number(summary[c.key] ?? 0)]));
  }
  const columns = report.columns.map((c) => ({ at: names.indexOf(c.key), show: c.show }));
  const rows = raw.slice(0, shown).map((row) => columns.map(({ at, show }) => (show ? show(row[at], language) : (row[at] as Cell))));
  return { rows, total, totals };
}
