import dayjs from 'dayjs';
import { gridFromCells, type RfmEdges, type RfmMethod, type SegmentCells } from '../../src-shared/rfm/rules';
import type { WriteCtx } from '../core/context';
import { newId } from '../core/ids';
import { write } from '../core/write';
import type { JobCtx } from '../jobs/types';
import { collectFigures, dropFigures, GapTally } from './figures';
import { collectFiguresFromRollup, measureValuesOfFigures, refreshStale, rollupServes, shopMedianFromRollup } from './rollup';
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
export function runRfm(params: RfmRunParams, ctx: WriteCtx & Partial<Pick<JobCtx, 'progress' | 'throwIfCancelled'>>): RfmRunResult {
  const started = performance.now();
  const { grid } = gridFromCells(params.segments);
  if (!grid) throw new Error('segment map is incomplete'); // Settings validation refuses such a map
  const sqlite = ctx.sqlite;
  const after = windowStart(params.asOf, params.windowMonths);
  // Customers with live sales: what the aggregate counts up to, at most (a window or an earlier
  // date leaves some out).
  const expected = sqlite.prepare('SELECT COUNT(*) FROM customer_span').pluck().get() as number;
  ctx.progress?.('aggregate', 0, expected);
  const fromRollup = rollupServes(sqlite, params.asOf, params.windowMonths);
  const onCustomers = (done: number) => {
    ctx.progress?.('aggregate', Math.min(done, expected), expected);
    ctx.throwIfCancelled?.();
  };
  const tally = fromRollup ? null : new GapTally(sqlite, { keepValuesAsOf: params.method === 'quintile' ? params.asOf : undefined, onCustomers });
  try {
    // The figures are read before taking the write lock for the snapshot; quintiles need all of
    // them before anyone is scored. The rollup's stale medians are written back as they are read,
    // in a transaction of their own (derived data: no outbox entry), so the figures read with them
    // are of one moment.
    let shopMedianGapDays: number | null;
    let edges: RfmEdges;
    let customers: number;
    if (tally) {
      customers = collectFigures(sqlite, params.asOf, after);
      shopMedianGapDays = tally.shopMedian();
      ctx.throwIfCancelled?.();
      edges = params.method === 'quintile' ? quintileEdgesOf(tally.values()) : params.edges;
    } else {
      [customers, shopMedianGapDays] = sqlite
        .transaction(() => {
          refreshStale(sqlite, onCustomers);
          return [collectFiguresFromRollup(sqlite, params.asOf), shopMedianFromRollup(sqlite)] as const;
        })
        .immediate();
      ctx.throwIfCancelled?.();
      edges = params.method === 'quintile' ? quintileEdgesOf(measureValuesOfFigures(sqlite)) : params.edges;
    }
    ctx.progress?.('write', 0, customers);
    ctx.throwIfCancelled?.();
    const runId = newId();

    return write(ctx, (w) => {
      const n = writeSnapshot(sqlite, { runId, edges, grid });
      ctx.progress?.('write', n, n);
      ctx.throwIfCancelled?.();
      const previous = sqlite.prepare('SELECT id FROM rfm_runs ORDER BY hlc DESC LIMIT 1').pluck().get() as string | undefined;
      const summary = summarise(sqlite, runId, previous ?? null);
      ctx.throwIfCancelled?.();
      const durationMs = Math.round(performance.now() - started);
      w.insert('rfm_runs', {
        id: runId,
        analysis_date: params.asOf,
        method: params.method,
        parameters: JSON.stringify({
          edges: params.edges,
          quintileEdges: params.method === 'quintile' ? edges : undefined,
          segments: params.segments,
          clvExpectedYears: params.clvExpectedYears,
          shopMedianGapDays,
        }),
        summary: JSON.stringify(summary),
        window_months: params.windowMonths,
        customers: n,
        duration_ms: durationMs,
        trigger: params.trigger,
        user_id: ctx.userId,
        figures_from: fromRollup ? 'rollup' : 'scan',
      });
      w.log({ action: 'rfm.run', entity: 'rfm_runs', entityId: runId, details: { asOf: params.asOf, method: params.method, windowMonths: params.windowMonths, customers: n, trigger: params.trigger, figuresFrom: fromRollup ? 'rollup' : 'scan' } });
      return { runId, customers: n, durationMs };
    });
  } finally {
    dropFigures(sqlite);
  }
}
