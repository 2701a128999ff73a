import { SEGMENT_IDS, type SegmentId } from '../../src-shared/rfm/rules';
import type { RfmRunSummary } from '../../src-shared/schemas/rfm';
import type { Sqlite } from '../db/open';
import type { CustomerFigures } from './aggregate';
import type { Scored } from './score';

/**
 * What the RFM page shows about a run (segment table, R×F grid, movement since the run before),
 * computed once while the run has every figure in memory and stored with it: reading it back is
 * instant at any size, and it stays exactly what that run found.
 */
export function summarise(sqlite: Sqlite, figures: CustomerFigures, scored: Scored, previousRunId: string | null): RfmRunSummary {
  const n = figures.count;
  const totals = new Map<SegmentId, { customers: number; revenue: number; orders: number; recency: number }>(SEGMENT_IDS.map((s) => [s, { customers: 0, revenue: 0, orders: 0, recency: 0 }]));
  const grid = new Map<string, number>();
  let revenue = 0;
  for (let i = 0; i < n; i++) {
    const t = totals.get(scored.segment[i])!;
    t.customers++;
    t.revenue += figures.monetary[i];
    t.orders += figures.frequency[i];
    t.recency += scored.recencyDays[i];
    revenue += figures.monetary[i];
    const cell = `${scored.r[i]}-${scored.f[i]}`;
    grid.set(cell, (grid.get(cell) ?? 0) + 1);
  }
  const segments = SEGMENT_IDS.map((segment) => {
    const t = totals.get(segment)!;
    return {
      segment,
      customers: t.customers,
      customersPct: n ? (100 * t.customers) / n : 0,
      revenue: t.revenue,
      revenuePct: revenue ? (100 * t.revenue) / revenue : 0,
      aov: t.orders ? Math.round(t.revenue / t.orders) : 0,
      meanRecencyDays: t.customers ? t.recency / t.customers : 0,
      meanFrequency: t.customers ? t.orders / t.customers : 0,
      meanMonetary: t.customers ? t.revenue / t.customers : 0,
    };
  });
  const cells = [];
  for (let r = 5; r >= 1; r--) for (let f = 1; f <= 5; f++) cells.push({ r, f, customers: grid.get(`${r}-${f}`) ?? 0 });
  return { segments, grid: cells, movement: previousRunId ? movement(sqlite, figures, scored, previousRunId) : null };
}

/** Customers per (segment in the previous run → segment now); `from` null: not scored then. */
function movement(sqlite: Sqlite, figures: CustomerFigures, scored: Scored, previousRunId: string) {
  const before = new Map(sqlite.prepare('SELECT customer_id, segment FROM rfm_analysis WHERE run_id = ?').raw().all(previousRunId) as [string, SegmentId][]);
  const counts = new Map<string, number>();
  for (let i = 0; i < figures.count; i++) {
    const key = `${before.get(figures.customerIds[i]) ?? ''}>${scored.segment[i]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = [...counts].map(([key, customers]) => {
    const [from, to] = key.split('>');
    return { from: (from || null) as SegmentId | null, to: to as SegmentId, customers };
  });
  return { previousRunId, rows: rows.sort((a, b) => b.customers - a.customers) };
}
