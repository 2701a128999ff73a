import { SEGMENT_IDS, type SegmentId } from '../../src-shared/rfm/rules';
import type { RfmRunSummary } from '../../src-shared/schemas/rfm';
import type { Sqlite } from '../db/open';
import type { CustomerFigures } from './aggregate';
import type { Scored } from './score';

/**
 * What the RFM page shows about a run (segment table, R×F grid, movement since the run before),
 * computed once while the run is being written and stored with it: reading it back is instant at
 * any size, and it stays exactly what that run found. The movement is read from the run's rows,
 * so call this after they are inserted, in the same transaction.
 */
export function summarise(sqlite: Sqlite, runId: string, figures: CustomerFigures, scored: Scored, previousRunId: string | null): RfmRunSummary {
  const n = figures.count;
  const totals = new Map<SegmentId, { customers: number; revenue: number; orders: number; recency: number }>(SEGMENT_IDS.map((s) => [s, { customers: 0, revenue: 0, orders: 0, recency: 0 }]));
  const grid = new Int32Array(36); // indexed r * 6 + f: no string key per customer
  let revenue = 0;
  for (let i = 0; i < n; i++) {
    const t = totals.get(scored.segment[i])!;
    t.customers++;
    t.revenue += figures.monetary[i];
    t.orders += figures.frequency[i];
    t.recency += scored.recencyDays[i];
    revenue += figures.monetary[i];
    grid[scored.r[i] * 6 + scored.f[i]]++;
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
  for (let r = 5; r >= 1; r--) for (let f = 1; f <= 5; f++) cells.push({ r, f, customers: grid[r * 6 + f] });
  return { segments, grid: cells, movement: previousRunId ? movement(sqlite, runId, previousRunId) : null };
}

/**
 * Customers per (segment in the previous run → segment now); `from` null: not scored then.
 * A join of the two runs' rows inside SQLite: both are in customer order under one primary key,
 * and no customer id has to cross into JavaScript (which cost more than the join).
 */
function movement(sqlite: Sqlite, runId: string, previousRunId: string) {
  const rows = sqlite
    .prepare(
      `SELECT p.segment AS "from", a.segment AS "to", COUNT(*) AS customers
       FROM rfm_analysis a LEFT JOIN rfm_analysis p ON p.run_id = ? AND p.customer_id = a.customer_id
       WHERE a.run_id = ? GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
    )
    .all(previousRunId, runId) as { from: SegmentId | null; to: SegmentId; customers: number }[];
  return { previousRunId, rows };
}
