import { describe, expect, it } from 'vitest';
import { churnBand, cellsFromGrid, DEFAULT_EDGES, DEFAULT_SEGMENT_GRID, fixedRecencyScore, fixedScore, gridFromCells } from '../../src-shared/rfm/rules';
import { settingsUpdateInput } from '../../src-shared/schemas/settings';
import { quintileScores } from '../../src-main/rfm/score';
import { dayNumber, dayNumberAt } from '../../src-main/rfm/aggregate';

describe('fixed thresholds', () => {
  it('frequency edges 1,2,5,10 give the issue table: 1→1, 2→2, 3–5→3, 6–10→4, >10→5', () => {
    const f = (n: number) => fixedScore(n, DEFAULT_EDGES.frequency);
    expect([1, 2, 3, 5, 6, 10, 11, 500].map(f)).toEqual([1, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('monetary edges are upper-inclusive rupiah', () => {
    const m = (n: number) => fixedScore(n, DEFAULT_EDGES.monetary);
    expect([0, 100_000, 100_001, 500_000, 1_000_000, 1_000_001, 5_000_000, 5_000_001].map(m)).toEqual([1, 1, 2, 2, 3, 4, 4, 5]);
  });

  it('recency is reversed: ≤30 days → 5 … >180 days → 1', () => {
    const r = (d: number) => fixedRecencyScore(d, DEFAULT_EDGES.recencyDays);
    expect([0, 30, 31, 60, 61, 90, 91, 180, 181, 4000].map(r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });
});

describe('quintiles', () => {
  it('score = 1 + ⌊5k/n⌋ with k the customers strictly worse; ties share a score', () => {
    // 10 customers: k for each value counts strictly smaller values
    const values = [1, 1, 1, 2, 3, 4, 5, 6, 7, 8];
    expect([...quintileScores(values, true)]).toEqual([1, 1, 1, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('for recency more days is worse', () => {
    const days = [0, 10, 10, 400];
    // k = customers with strictly more days: 3, 1, 1, 0 → 1 + ⌊5k/4⌋
    expect([...quintileScores(days, false)]).toEqual([4, 2, 2, 1]);
  });

  it('everyone equal → everyone 1; one customer → 1', () => {
    expect([...quintileScores([5, 5, 5], true)]).toEqual([1, 1, 1]);
    expect([...quintileScores([7], true)]).toEqual([1]);
  });
});

describe('the segment map', () => {
  it('the default map is the issue table', () => {
    const cell = (r: number, f: number) => DEFAULT_SEGMENT_GRID[r - 1][f - 1];
    expect([cell(5, 1), cell(5, 2), cell(5, 4), cell(4, 1), cell(4, 4), cell(3, 1), cell(3, 3), cell(3, 5), cell(2, 1), cell(2, 3), cell(2, 5), cell(1, 1), cell(1, 4), cell(1, 5)]).toEqual([
      'new_customers', 'potential_loyalist', 'champions', 'promising', 'loyal', 'about_to_sleep', 'need_attention', 'loyal', 'hibernating', 'at_risk', 'cant_lose_them', 'lost', 'at_risk', 'cant_lose_them',
    ]);
  });

  it('round-trips between grid and cells', () => {
    expect(gridFromCells(cellsFromGrid(DEFAULT_SEGMENT_GRID)).grid).toEqual(DEFAULT_SEGMENT_GRID);
  });

  it('refuses a map with an empty or doubly assigned cell, naming the cell', () => {
    const cells = cellsFromGrid(DEFAULT_SEGMENT_GRID);
    const missing = { ...cells, champions: ['5-4'] };
    expect(gridFromCells(missing).problems).toEqual([{ cell: '5-5', problem: 'empty', segments: [] }]);
    const doubled = { ...cells, lost: [...cells.lost, '5-5'] };
    expect(gridFromCells(doubled).problems).toEqual([{ cell: '5-5', problem: 'double', segments: ['champions', 'lost'] }]);

    const parsed = settingsUpdateInput.safeParse({ rfmSegments: missing });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['rfmSegments', '5-5'], message: 'v.rfmCellEmpty' });
    expect(settingsUpdateInput.safeParse({ rfmSegments: cells }).success).toBe(true);
  });

  it('edges must be four ascending numbers', () => {
    expect(settingsUpdateInput.safeParse({ rfmEdges: { ...DEFAULT_EDGES, frequency: [1, 5, 2, 10] } }).success).toBe(false);
    expect(settingsUpdateInput.safeParse({ rfmEdges: { ...DEFAULT_EDGES, frequency: [1, 2, 5] } }).success).toBe(false);
  });
});

describe('churn band', () => {
  it('active < 1 ≤ cooling ≤ 2 < at risk ≤ 3 < likely lost', () => {
    expect([0, 0.99, 1, 2, 2.01, 3, 3.01].map(churnBand)).toEqual(['active', 'active', 'cooling', 'cooling', 'at_risk', 'at_risk', 'likely_lost']);
  });
});

describe('day numbers', () => {
  it('reading digits gives the same day as Date for every day from 1899 to 2101', () => {
    for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (dayNumberAt(`xx${iso}`, 2) !== dayNumber(iso)) throw new Error(`differs on ${iso}`);
    }
    expect(dayNumberAt('1970-01-01')).toBe(0);
    expect(dayNumberAt('2024-02-29')).toBe(dayNumber('2024-02-29'));
  });
});
