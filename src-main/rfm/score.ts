import type { RfmEdges, SegmentGrid } from '../../src-shared/rfm/rules';
import type { MeasureValues } from './figures';

/**
 * The scoring rules, in the SQL that applies them to a customer's figures (figures.ts). Edges are
 * bound as @r1…@r4, @f1…@f4, @m1…@m4 (edgeParams). A comparison is 1 or 0 in SQLite, so
 * "1 + the number of (upper-inclusive) edges the value exceeds" is a sum of them, whatever the
 * edges' order. Recency is reversed: few days since the last purchase is good.
 */
export const SCORE_SQL = {
  r: '5 - (recency_days > @r1) - (recency_days > @r2) - (recency_days > @r3) - (recency_days > @r4)',
  f: '1 + (frequency > @f1) + (frequency > @f2) + (frequency > @f3) + (frequency > @f4)',
  m: '1 + (monetary > @m1) + (monetary > @m2) + (monetary > @m3) + (monetary > @m4)',
} as const;

const CELLS = [1, 2, 3, 4, 5].flatMap((r) => [1, 2, 3, 4, 5].map((f) => r * 10 + f));

/** The segment of an R×F cell, from the map bound as @s11…@s55 (segmentParams). Built from constants only. */
export const SEGMENT_SQL = `CASE r_score * 10 + f_score ${CELLS.map((cell) => `WHEN ${cell} THEN @s${cell}`).join(' ')} END`;

export function edgeParams(edges: RfmEdges): Record<string, number> {
  const params: Record<string, number> = {};
  edges.recencyDays.forEach((edge, i) => (params[`r${i + 1}`] = edge));
  edges.frequency.forEach((edge, i) => (params[`f${i + 1}`] = edge));
  edges.monetary.forEach((edge, i) => (params[`m${i + 1}`] = edge));
  return params;
}

export function segmentParams(grid: SegmentGrid): Record<string, string> {
  return Object.fromEntries(CELLS.map((cell) => [`s${cell}`, grid[Math.floor(cell / 10) - 1][(cell % 10) - 1]]));
}

/**
 * Quintile scores are 1 + ⌊5·k/n⌋, k the customers strictly worse. That is a step function of the
 * value, so it is the fixed-threshold rule with edges read off the sorted values: for F and M the
 * s-th edge is the value at position ⌈s·n/5⌉ − 1 (everything up to it has k < s·n/5). Recency,
 * where more days is worse, takes the same edges counted from the other end: the value at
 * n − ⌈s·n/5⌉ is the first one with fewer than s·n/5 customers above it, and as days are whole
 * numbers, "fewer days than it" is "at most it − 1 days", an upper-inclusive recency edge.
 */
export function quintileEdges(values: Float64Array, higherIsBetter: boolean): number[] {
  const n = values.length;
  if (n === 0) return [0, 0, 0, 0];
  const sorted = values.slice().sort();
  return [1, 2, 3, 4].map((s) => {
    const c = Math.ceil((s * n) / 5);
    return higherIsBetter ? sorted[c - 1] : sorted[n - c] - 1;
  });
}

/** A quintile run's edges, from every scored customer's values (GapTally.values). */
export function quintileEdgesOf(values: MeasureValues): RfmEdges {
  return {
    recencyDays: quintileEdges(values.recencyDays, false),
    frequency: quintileEdges(values.frequency, true),
    monetary: quintileEdges(values.monetary, true),
  };
}
