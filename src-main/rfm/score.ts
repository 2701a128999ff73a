import { churnBand, clvProxy, fixedRecencyScore, fixedScore, purchasesPerYear, type ChurnBand, type RfmEdges, type RfmMethod, type SegmentGrid, type SegmentId } from '../../src-shared/rfm/rules';
import type { CustomerFigures } from './aggregate';

export interface Scored {
  recencyDays: Int32Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  segment: SegmentId[];
  aov: Float64Array;
  clv: Float64Array;
  churnRatio: Float64Array;
  churnBand: (ChurnBand | null)[];
}

/**
 * Quintile score of each value: 1 + ⌊5·k/n⌋, where k counts the customers strictly worse. Ties
 * share a score because they share k. `higherIsBetter` false for recency (more days is worse).
 */
export function quintileScores(values: ArrayLike<number>, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const k = higherIsBetter ? lowerBound(sorted, v) : n - upperBound(sorted, v);
    scores[i] = 1 + Math.floor((5 * k) / n);
  }
  return scores;
}

/** Index of the first element ≥ v. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element > v. */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ScoreOptions {
  asOfDay: number;
  method: RfmMethod;
  edges: RfmEdges;
  grid: SegmentGrid;
  clvExpectedYears: number;
}

export function scoreCustomers(figures: CustomerFigures, options: ScoreOptions): Scored {
  const n = figures.count;
  const recencyDays = new Int32Array(n);
  for (let i = 0; i < n; i++) recencyDays[i] = options.asOfDay - figures.last[i];

  let r: Uint8Array;
  let f: Uint8Array;
  let m: Uint8Array;
  if (options.method === 'quintile') {
    r = quintileScores(recencyDays, false);
    f = quintileScores(figures.frequency, true);
    m = quintileScores(figures.monetary, true);
  } else {
    r = new Uint8Array(n);
    f = new Uint8Array(n);
    m = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      r[i] = fixedRecencyScore(recencyDays[i], options.edges.recencyDays);
      f[i] = fixedScore(figures.frequency[i], options.edges.frequency);
      m[i] = fixedScore(figures.monetary[i], options.edges.monetary);
    }
  }

  const segment: SegmentId[] = new Array<SegmentId>(n);
  const aov = new Float64Array(n);
  const clv = new Float64Array(n);
  const churnRatio = new Float64Array(n);
  const bands: (ChurnBand | null)[] = new Array<ChurnBand | null>(n);
  const shopGap = figures.shopMedianGap;
  for (let i = 0; i < n; i++) {
    segment[i] = options.grid[r[i] - 1][f[i] - 1];
    aov[i] = Math.round(figures.monetary[i] / figures.frequency[i]);
    const tenure = options.asOfDay - figures.first[i];
    clv[i] = clvProxy(aov[i], purchasesPerYear(figures.frequency[i], tenure), options.clvExpectedYears);
    // A gap of 0 (two purchases on one day) would make every later day "infinitely" late: count it as 1.
    const gap = Number.isNaN(figures.medianGap[i]) ? shopGap : figures.medianGap[i];
    if (gap === null) {
      churnRatio[i] = NaN;
      bands[i] = null;
    } else {
      churnRatio[i] = recencyDays[i] / Math.max(gap, 1);
      bands[i] = churnBand(churnRatio[i]);
    }
  }
  return { recencyDays, r, f, m, segment, aov, clv, churnRatio, churnBand: bands };
}
