/**
 * The RFM rules as data (segments, methods, edges, the segment map, churn bands), shared by the
 * scorer (main, which applies them in SQL: rfm/score.ts), the Settings editor and the "how is this
 * scored" panel (renderer): one definition, so what the owner reads is what the code does.
 */

export const SEGMENT_IDS = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new_customers',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose_them',
  'hibernating',
  'lost',
] as const;
export type SegmentId = (typeof SEGMENT_IDS)[number];

export const RFM_METHODS = ['fixed', 'quintile'] as const;
export type RfmMethod = (typeof RFM_METHODS)[number];

/** Four ascending, upper-inclusive edges per measure. Monetary is in whole rupiah. */
export interface RfmEdges {
  recencyDays: number[];
  frequency: number[];
  monetary: number[];
}

export const DEFAULT_EDGES: RfmEdges = {
  recencyDays: [30, 60, 90, 180],
  frequency: [1, 2, 5, 10],
  monetary: [100_000, 500_000, 1_000_000, 5_000_000],
};

/** `SEGMENT_MAP[r-1][f-1]`: the segment of each R×F cell. */
export type SegmentGrid = SegmentId[][];

export const DEFAULT_SEGMENT_GRID: SegmentGrid = [
  /* R=1 */ ['lost', 'lost', 'at_risk', 'at_risk', 'cant_lose_them'],
  /* R=2 */ ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose_them'],
  /* R=3 */ ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  /* R=4 */ ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'loyal'],
  /* R=5 */ ['new_customers', 'potential_loyalist', 'potential_loyalist', 'champions', 'champions'],
];

/**
 * The map as stored and edited: segment → its `"r-f"` cells. A grid could not express a mistake,
 * but a list per segment can leave a cell out or give it twice, and `gridFromCells` says which.
 */
export type SegmentCells = Record<SegmentId, string[]>;

export function cellsFromGrid(grid: SegmentGrid): SegmentCells {
  const cells = Object.fromEntries(SEGMENT_IDS.map((s) => [s, [] as string[]])) as SegmentCells;
  grid.forEach((row, r) => row.forEach((segment, f) => cells[segment].push(`${r + 1}-${f + 1}`)));
  return cells;
}

export type GridProblem = { cell: string; problem: 'empty' | 'double'; segments: SegmentId[] } | { cell: string; problem: 'invalid'; segments: SegmentId[] };

/** The grid of a segment map, or the cells that are empty, doubly assigned or not a cell at all. */
export function gridFromCells(cells: Partial<Record<SegmentId, string[]>>): { grid: SegmentGrid | null; problems: GridProblem[] } {
  const owners = new Map<string, SegmentId[]>();
  const problems: GridProblem[] = [];
  for (const segment of SEGMENT_IDS) {
    for (const cell of cells[segment] ?? []) {
      if (!/^[1-5]-[1-5]$/.test(cell)) {
        problems.push({ cell, problem: 'invalid', segments: [segment] });
        continue;
      }
      owners.set(cell, [...(owners.get(cell) ?? []), segment]);
    }
  }
  const grid: SegmentGrid = [];
  for (let r = 1; r <= 5; r++) {
    const row: SegmentId[] = [];
    for (let f = 1; f <= 5; f++) {
      const cell = `${r}-${f}`;
      const segments = owners.get(cell) ?? [];
      if (segments.length === 0) problems.push({ cell, problem: 'empty', segments });
      else if (segments.length > 1) problems.push({ cell, problem: 'double', segments });
      row.push(segments[0]);
    }
    grid.push(row);
  }
  return problems.length ? { grid: null, problems } : { grid, problems };
}

export const CHURN_BANDS = ['active', 'cooling', 'at_risk', 'likely_lost'] as const;
export type ChurnBand = (typeof CHURN_BANDS)[number];

/**
 * Purchases per year over the customer's tenure, counting at least one year so a new buyer is not
 * extrapolated: shown beside the CLV proxy, which applies the same rule in SQL (main's rfm/derived.ts).
 */
export function purchasesPerYear(frequency: number, tenureDays: number): number {
  return frequency / Math.max(tenureDays / 365, 1);
}
