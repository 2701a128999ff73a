import { SEGMENT_IDS, type SegmentId } from '../../src-shared/rfm/rules';
import type { RfmRunSummary } from '../../src-shared/schemas/rfm';
import type { Sqlite } from '../db/open';

interface CellRow {
  r: number;
  f: number;
  segment: SegmentId;
  previous: SegmentId | null;
  customers: number;
  revenue: number;
  orders: number;
  recency: number;
}

/**
 * What the RFM page shows about a run (segment table, R×F grid, movement since the run before),
 * computed once while the run is being written and stored with it: reading it back is instant at
 * any size, and it stays exactly what that run found. One pass over the run's rows, joined to the
 * previous run's (both in customer order under one primary key), grouped by cell and former
 * segment; call it after the rows are inserted, in the same transaction. A run's segment follows
 * from its R and F, so the cell alone groups it (one small number to sort by instead of a text
 * too: a tenth off the statement), and `a.segment` is read from any row of the group.
 */
export function summarise(sqlite: Sqlite, runId: string, previousRunId: string | null): RfmRunSummary {
  const cells = sqlite
    .prepare(
      `SELECT a.r_score AS r, a.f_score AS f, a.segment, p.segment AS previous, COUNT(*) AS customers,
              SUM(a.monetary) AS revenue, SUM(a.frequency) AS orders, SUM(a.recency_days) AS recency
       FROM rfm_analysis a LEFT JOIN rfm_analysis p ON p.run_id = @previous AND p.customer_id = a.customer_id
       WHERE a.run_id = @run
       GROUP BY a.r_score * 8 + a.f_score, p.segment`,
    )
    .all({ run: runId, previous: previousRunId }) as CellRow[];

  const totals = new Map(SEGMENT_IDS.map((s) => [s, { customers: 0, revenue: 0, orders: 0, recency: 0 }]));
  const grid = new Int32Array(36); // indexed r * 6 + f
  const moves = new Map<string, { from: SegmentId | null; to: SegmentId; customers: number }>();
  let customers = 0;
  let revenue = 0;
  for (const cell of cells) {
    const t = totals.get(cell.segment)!;
    t.customers += cell.customers;
    t.revenue += cell.revenue;
    t.orders += cell.orders;
    t.recency += cell.recency;
    customers += cell.customers;
    revenue += cell.revenue;
    grid[cell.r * 6 + cell.f] += cell.customers;
    const key = `${cell.previous}>${cell.segment}`;
    const move = moves.get(key) ?? { from: cell.previous, to: cell.segment, customers: 0 };
    move.customers += cell.customers;
    moves.set(key, move);
  }

  const segments = SEGMENT_IDS.map((segment) => {
    const t = totals.get(segment)!;
    return {
      segment,
      customers: t.customers,
      customersPct: customers ? (100 * t.customers) / customers : 0,
      revenue: t.revenue,
      revenuePct: revenue ? (100 * t.revenue) / revenue : 0,
      aov: t.orders ? Math.round(t.revenue / t.orders) : 0,
      meanRecencyDays: t.customers ? t.recency / t.customers : 0,
      meanFrequency: t.customers ? t.orders / t.customers : 0,
      meanMonetary: t.customers ? t.revenue / t.customers : 0,
    };
  });
  const gridCells = [];
  for (let r = 5; r >= 1; r--) for (let f = 1; f <= 5; f++) gridCells.push({ r, f, customers: grid[r * 6 + f] });
  // Biggest moves first; "not scored then" (null) before named segments, as SQL sorts NULL.
  const byName = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  const rows = [...moves.values()].sort((a, b) => b.customers - a.customers || byName(a.from, b.from) || byName(a.to, b.to));
  return { segments, grid: gridCells, movement: previousRunId ? { previousRunId, rows } : null };
}
