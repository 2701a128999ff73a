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
const snapshotFrom = (figures: string) => `INSERT INTO rfm_analysis (run_id, customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, segment,
      first_purchase, last_purchase, avg_order_value, median_gap_days)
    SELECT @run, customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, ${SEGMENT_SQL},
      first_purchase, last_purchase, round(monetary * 1.0 / frequency), median_gap_days
    FROM (SELECT *, ${SCORE_SQL.r} AS r_score, ${SCORE_SQL.f} AS f_score, ${SCORE_SQL.m} AS m_score FROM ${figures})`;
const WRITE_SNAPSHOT = snapshotFrom('temp.rfm_figures');
const WRITE_SNAPSHOT_FROM_ROLLUP = snapshotFrom(ROLLUP_FIGURES);

/**
 * Write a run's rows from temp.rfm_figures (collectFigures), or with `rollupAsOf` straight from
 * the per-customer rollup (rollup.ts); returns how many customers were scored.
 */
export function writeSnapshot(sqlite: Sqlite, input: { runId: string; edges: RfmEdges; grid: SegmentGrid; rollupAsOf?: string }): number {
  const params = { run: input.runId, ...edgeParams(input.edges), ...segmentParams(input.grid) };
  if (input.rollupAsOf === undefined) return sqlite.prepare(WRITE_SNAPSHOT).run(params).changes;
  return sqlite.prepare(WRITE_SNAPSHOT_FROM_ROLLUP).run({ ...params, asOf: input.rollupAsOf }).changes;
}
