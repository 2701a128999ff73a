import type { RfmEdges, SegmentGrid } from '../../src-shared/rfm/rules';
import type { Sqlite } from '../db/open';
import { ROLLUP_FIGURES } from './rollup';
import { edgeParams, SCORE_SQL, SEGMENT_SQL, segmentParams } from './score';

/**
 * The snapshot's rows: every customer's figures, scores and segment, computed by SQLite in one
 * INSERT … SELECT from the run's figures (in customer order: each row is appended to the primary
 * key), so 100k customers × 13 values never cross into JavaScript and back (handing them over cost
 * more than the SQL that produced them). The CLV proxy and churn band are derived from these rows
 * when read (derived.ts).
 */
const snapshotRows = (
  figures: string,
) => `SELECT @run AS run_id, customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, ${SEGMENT_SQL} AS segment,
      first_purchase, last_purchase, round(monetary * 1.0 / frequency) AS avg_order_value, median_gap_days
    FROM (SELECT *, ${SCORE_SQL.r} AS r_score, ${SCORE_SQL.f} AS f_score, ${SCORE_SQL.m} AS m_score FROM ${figures})`;
const INSERT = `INSERT INTO rfm_analysis (run_id, customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, segment,
      first_purchase, last_purchase, avg_order_value, median_gap_days)`;
const WRITE_SNAPSHOT = `${INSERT} ${snapshotRows('temp.rfm_figures')}`;
/** The default run's rows, scored from the rollup: what its write inserts (the bench times the read apart). */
export const SNAPSHOT_ROWS_FROM_ROLLUP = snapshotRows(ROLLUP_FIGURES);
const WRITE_SNAPSHOT_FROM_ROLLUP = `${INSERT} ${SNAPSHOT_ROWS_FROM_ROLLUP}`;

/**
 * Write a run's rows from temp.rfm_figures (collectFigures), or with `rollupAsOf` straight from
 * the per-customer rollup (rollup.ts); returns how many customers were scored.
 */
export function writeSnapshot(sqlite: Sqlite, input: { runId: string; edges: RfmEdges; grid: SegmentGrid; rollupAsOf?: string }): number {
  const params = { run: input.runId, ...edgeParams(input.edges), ...segmentParams(input.grid) };
  if (input.rollupAsOf === undefined) return sqlite.prepare(WRITE_SNAPSHOT).run(params).changes;
  return sqlite.prepare(WRITE_SNAPSHOT_FROM_ROLLUP).run({ ...params, asOf: input.rollupAsOf }).changes;
}
