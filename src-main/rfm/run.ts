import dayjs from 'dayjs';
import type { Insertable } from 'kysely';
import { gridFromCells, type RfmEdges, type RfmMethod, type SegmentCells } from '../../src-shared/rfm/rules';
import type { WriteCtx } from '../core/context';
import { newId } from '../core/ids';
import { write } from '../core/write';
import type { RfmAnalysisTable } from '../db/schema';
import type { JobCtx } from '../jobs/types';
import { aggregateCustomers, dayNumber } from './aggregate';
import { scoreCustomers } from './score';
import { summarise } from './summary';

export type RfmTrigger = 'manual' | 'import' | 'startup';

/** Everything a run needs, resolved from Settings and the request before the job starts. */
export interface RfmRunParams {
  asOf: string;
  method: RfmMethod;
  windowMonths: number | null;
  edges: RfmEdges;
  segments: SegmentCells;
  clvExpectedYears: number;
  trigger: RfmTrigger;
}

export interface RfmRunResult {
  runId: string;
  customers: number;
  durationMs: number;
}

/** The first day outside the window: transactions must be dated after it. */
export function windowStart(asOf: string, windowMonths: number | null): string | null {
  return windowMonths === null ? null : dayjs(asOf).subtract(windowMonths, 'month').format('YYYY-MM-DD');
}

const COLUMNS = ['run_id', 'customer_id', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'segment', 'first_purchase', 'last_purchase', 'avg_order_value', 'clv', 'median_gap_days', 'churn_ratio', 'churn_band'] as const satisfies readonly (keyof RfmAnalysisTable)[];
const BATCH = 250;

/** One prepared multi-row INSERT per batch size: 100k rows are 400 calls into SQLite, not 100k. */
function batchInsert(ctx: WriteCtx, rows: number): (values: unknown[]) => void {
  // Only the SQL is wanted: kysely writes one `(?, …)` group per row, in COLUMNS order.
  const placeholders = Array.from({ length: rows }, () => Object.fromEntries(COLUMNS.map((c) => [c, null])) as unknown as Insertable<RfmAnalysisTable>);
  const { sql } = ctx.db.insertInto('rfm_analysis').values(placeholders).compile();
  const stmt = ctx.sqlite.prepare(sql);
  return (values) => stmt.run(values);
}

/**
 * Aggregate, score, segment, and write the snapshot in one transaction: a run is whole or absent.
 * The per-customer rows are derived data, rebuilt by every run, so they are written directly rather
 * than through the outbox; the run row goes through the write helper and is synced.
 */
export function runRfm(params: RfmRunParams, ctx: WriteCtx & Partial<Pick<JobCtx, 'progress' | 'throwIfCancelled'>>): RfmRunResult {
  const started = performance.now();
  const { grid } = gridFromCells(params.segments);
  if (!grid) throw new Error('segment map is incomplete'); // Settings validation refuses such a map
  ctx.progress?.('aggregate', 0, 1);
  const figures = aggregateCustomers(ctx.sqlite, params.asOf, windowStart(params.asOf, params.windowMonths));
  ctx.throwIfCancelled?.();
  const scored = scoreCustomers(figures, { asOfDay: dayNumber(params.asOf), method: params.method, edges: params.edges, grid, clvExpectedYears: params.clvExpectedYears });
  ctx.throwIfCancelled?.();
  const runId = newId();
  const n = figures.count;

  return write(ctx, (w) => {
    const full = batchInsert(ctx, BATCH);
    const values: unknown[] = [];
    const flush = (rows: number) => {
      (rows === BATCH ? full : batchInsert(ctx, rows))(values);
      values.length = 0;
    };
    for (let i = 0; i < n; i++) {
      const gap = figures.medianGap[i];
      const ratio = scored.churnRatio[i];
      values.push(
        runId,
        figures.customerIds[i],
        scored.recencyDays[i],
        figures.frequency[i],
        figures.monetary[i],
        scored.r[i],
        scored.f[i],
        scored.m[i],
        scored.segment[i],
        figures.firstDate[i],
        figures.lastDate[i],
        scored.aov[i],
        scored.clv[i],
        Number.isNaN(gap) ? null : gap,
        Number.isNaN(ratio) ? null : Math.round(ratio * 100) / 100,
        scored.churnBand[i],
      );
      if ((i + 1) % BATCH === 0) {
        flush(BATCH);
        ctx.progress?.('write', i + 1, n);
        if ((i + 1) % (BATCH * 40) === 0) ctx.throwIfCancelled?.();
      }
    }
    if (values.length) flush(values.length / COLUMNS.length);
    const previous = ctx.sqlite.prepare('SELECT id FROM rfm_runs ORDER BY hlc DESC LIMIT 1').pluck().get() as string | undefined;
    const summary = summarise(ctx.sqlite, runId, figures, scored, previous ?? null);
    const durationMs = Math.round(performance.now() - started);
    w.insert('rfm_runs', {
      id: runId,
      analysis_date: params.asOf,
      method: params.method,
      parameters: JSON.stringify({ edges: params.edges, segments: params.segments, clvExpectedYears: params.clvExpectedYears, shopMedianGapDays: figures.shopMedianGap }),
      summary: JSON.stringify(summary),
      window_months: params.windowMonths,
      customers: n,
      duration_ms: durationMs,
      trigger: params.trigger,
      user_id: ctx.userId,
    });
    w.log({ action: 'rfm.run', entity: 'rfm_runs', entityId: runId, details: { asOf: params.asOf, method: params.method, windowMonths: params.windowMonths, customers: n, trigger: params.trigger } });
    return { runId, customers: n, durationMs };
  });
}
