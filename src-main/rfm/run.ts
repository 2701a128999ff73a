import dayjs from 'dayjs';
import { gridFromCells, type RfmEdges, type RfmMethod, type SegmentCells } from '../../src-shared/rfm/rules';
import type { WriteCtx } from '../core/context';
import { newId } from '../core/ids';
import { write, type Writer } from '../core/write';
import type { JobCtx } from '../jobs/types';
import { collectFigures, dropFigures, GapTally } from './figures';
import { measureValuesFromRollup, refreshStale, refreshStaleInBatches, rollupServes, shopMedianFromRollup } from './rollup';
import { quintileEdgesOf } from './score';
import { writeSnapshot } from './snapshot';
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

/**
 * Aggregate, score, segment, and write the snapshot in one transaction: a run is whole or absent.
 * A run of all time as of a date no sale is after reads the per-customer rollup (rollup.ts); any
 * other reads every sale in range (figures.ts). The run row says which (`figures_from`).
 * The per-customer rows are derived data, rebuilt by every run, so they are written directly rather
 * than through the outbox; the run row goes through the write helper and is synced.
 */
export function runRfm(params: RfmRunParams, ctx: RunCtx): RfmRunResult {
  const started = performance.now();
  const { grid } = gridFromCells(params.segments);
  if (!grid) throw new Error('segment map is incomplete'); // Settings validation refuses such a map
  const sqlite = ctx.sqlite;
  // Customers with live sales: what the aggregate counts up to, at most (a window or an earlier
  // date leaves some out).
  const expected = sqlite.prepare('SELECT COUNT(*) FROM customer_span').pluck().get() as number;
  ctx.progress?.('aggregate', 0, expected);
  const onCustomers = (done: number) => {
    ctx.progress?.('aggregate', Math.min(done, expected), expected);
    ctx.throwIfCancelled?.();
  };
  const runId = newId();

  if (rollupServes(sqlite, params.asOf, params.windowMonths)) {
    refreshStaleInBatches(sqlite, onCustomers, ctx.throwIfCancelled);
    // One write transaction from the refresh of what went stale since to the run row: the rows
    // scored are the rollup of one moment, and reading 100k rows holds the lock for less than
    // scanning a million sales outside it would save.
    const fromRollup = write(ctx, (w) => {
      // Asked again under the lock: a sale dated after the run's date may have been saved since.
      if (!rollupServes(sqlite, params.asOf, params.windowMonths)) return null;
      refreshStale(sqlite, onCustomers);
      const shopMedianGapDays = shopMedianFromRollup(sqlite);
      ctx.throwIfCancelled?.();
      const edges = params.method === 'quintile' ? quintileEdgesOf(measureValuesFromRollup(sqlite, params.asOf)) : params.edges;
      ctx.progress?.('write', 0, expected);
      ctx.throwIfCancelled?.();
      const n = writeSnapshot(sqlite, { runId, edges, grid, rollupAsOf: params.asOf });
      return recordRun(w, params, ctx, { runId, n, edges, shopMedianGapDays, started, figuresFrom: 'rollup' });
    });
    if (fromRollup) return fromRollup;
  }

  const tally = new GapTally(sqlite, { keepValuesAsOf: params.method === 'quintile' ? params.asOf : undefined, onCustomers });
  try {
    // The figures are read before taking the write lock; quintiles need all of them before anyone
    // is scored.
    const customers = collectFigures(sqlite, params.asOf, windowStart(params.asOf, params.windowMonths));
    ctx.throwIfCancelled?.();
    const edges = params.method === 'quintile' ? quintileEdgesOf(tally.values()) : params.edges;
    ctx.progress?.('write', 0, customers);
    ctx.throwIfCancelled?.();
    return write(ctx, (w) => {
      const n = writeSnapshot(sqlite, { runId, edges, grid });
      return recordRun(w, params, ctx, { runId, n, edges, shopMedianGapDays: tally.shopMedian(), started, figuresFrom: 'scan' });
    });
  } finally {
    dropFigures(sqlite);
  }
}

type RunCtx = WriteCtx & Partial<Pick<JobCtx, 'progress' | 'throwIfCancelled'>>;

/** After the snapshot's rows: the summary, the run row and its log entry, in the same transaction. */
function recordRun(
  w: Writer,
  params: RfmRunParams,
  ctx: RunCtx,
  run: { runId: string; n: number; edges: RfmEdges; shopMedianGapDays: number | null; started: number; figuresFrom: 'rollup' | 'scan' },
): RfmRunResult {
  const { runId, n, edges, figuresFrom } = run;
  ctx.progress?.('write', n, n);
  ctx.throwIfCancelled?.();
  const previous = ctx.sqlite.prepare('SELECT id FROM rfm_runs ORDER BY hlc DESC LIMIT 1').pluck().get() as string | undefined;
  const summary = summarise(ctx.sqlite, runId, previous ?? null);
  ctx.throwIfCancelled?.();
  const durationMs = Math.round(performance.now() - run.started);
  w.insert('rfm_runs', {
    id: runId,
    analysis_date: params.asOf,
    method: params.method,
    parameters: JSON.stringify({
      edges: params.edges,
      quintileEdges: params.method === 'quintile' ? edges : undefined,
      segments: params.segments,
      clvExpectedYears: params.clvExpectedYears,
      shopMedianGapDays: run.shopMedianGapDays,
    }),
    summary: JSON.stringify(summary),
    window_months: params.windowMonths,
    customers: n,
    duration_ms: durationMs,
    trigger: params.trigger,
    user_id: ctx.userId,
    figures_from: figuresFrom,
  });
  w.log({
    action: 'rfm.run',
    entity: 'rfm_runs',
    entityId: runId,
    details: { asOf: params.asOf, method: params.method, windowMonths: params.windowMonths, customers: n, trigger: params.trigger, figuresFrom },
  });
  return { runId, customers: n, durationMs };
}
