import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kyselyFor } from '../../src-main/db/open';
import { migrationsDir } from '../../src-main/paths';
import { derivedFigures } from '../../src-main/rfm/derived';
import { dayNumberAt } from '../../src-main/rfm/figures';
import { edgeParams, quintileEdges, SCORE_SQL } from '../../src-main/rfm/score';
import { cellsFromGrid, DEFAULT_EDGES, DEFAULT_SEGMENT_GRID, gridFromCells } from '../../src-shared/rfm/rules';
import { settingsUpdateInput } from '../../src-shared/schemas/settings';

/** The run's score SQL applied by a real SQLite to rows of (recency_days, frequency, monetary). */
function scoresOf(rows: { recency_days: number; frequency: number; monetary: number }[], edges = DEFAULT_EDGES) {
  const sqlite = new Database(':memory:');
  try {
    sqlite.exec('CREATE TABLE f (recency_days INTEGER, frequency INTEGER, monetary INTEGER)');
    const insert = sqlite.prepare('INSERT INTO f VALUES (@recency_days, @frequency, @monetary)');
    for (const row of rows) insert.run(row);
    return sqlite.prepare(`SELECT ${SCORE_SQL.r} AS r, ${SCORE_SQL.f} AS f, ${SCORE_SQL.m} AS m FROM f ORDER BY rowid`).all(edgeParams(edges)) as {
      r: number;
      f: number;
      m: number;
    }[];
  } finally {
    sqlite.close();
  }
}

const row = (recency_days: number, frequency: number, monetary: number) => ({ recency_days, frequency, monetary });

describe('fixed thresholds', () => {
  it('frequency edges 1,2,5,10 give the issue table: 1→1, 2→2, 3–5→3, 6–10→4, >10→5', () => {
    const values = [1, 2, 3, 5, 6, 10, 11, 500];
    expect(scoresOf(values.map((n) => row(0, n, 0))).map((s) => s.f)).toEqual([1, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('monetary edges are upper-inclusive', () => {
    const values = [0, 100_000, 100_001, 500_000, 1_000_000, 1_000_001, 5_000_000, 5_000_001];
    expect(scoresOf(values.map((n) => row(0, 1, n))).map((s) => s.m)).toEqual([1, 1, 2, 2, 3, 4, 4, 5]);
  });

  it('recency is reversed: ≤30 days → 5 … >180 days → 1', () => {
    const days = [0, 30, 31, 60, 61, 90, 91, 180, 181, 4000];
    expect(scoresOf(days.map((d) => row(d, 1, 0))).map((s) => s.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });
});

/** The issue's definition, straight: 1 + ⌊5k/n⌋ with k the customers strictly worse. */
function quintileByDefinition(values: number[], higherIsBetter: boolean): number[] {
  return values.map((v) => 1 + Math.floor((5 * values.filter((o) => (higherIsBetter ? o < v : o > v)).length) / values.length));
}

describe('quintiles', () => {
  it('score = 1 + ⌊5k/n⌋ with k the customers strictly worse; ties share a score', () => {
    // 10 customers: k for each value counts strictly smaller values
    const values = [1, 1, 1, 2, 3, 4, 5, 6, 7, 8];
    const edges = { ...DEFAULT_EDGES, frequency: quintileEdges(Float64Array.from(values), true) };
    expect(
      scoresOf(
        values.map((n) => row(0, n, 0)),
        edges,
      ).map((s) => s.f),
    ).toEqual([1, 1, 1, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('for recency more days is worse', () => {
    const days = [0, 10, 10, 400];
    // k = customers with strictly more days: 3, 1, 1, 0 → 1 + ⌊5k/4⌋
    const edges = { ...DEFAULT_EDGES, recencyDays: quintileEdges(Float64Array.from(days), false) };
    expect(
      scoresOf(
        days.map((d) => row(d, 1, 0)),
        edges,
      ).map((s) => s.r),
    ).toEqual([4, 2, 2, 1]);
  });

  it('the edges read off the sorted values give the definition’s score for every customer', () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + Math.floor(random() * 40);
      const spread = 1 + Math.floor(random() * 12); // few distinct values: many ties
      const days = Array.from({ length: n }, () => Math.floor(random() * spread) * 7);
      const counts = Array.from({ length: n }, () => 1 + Math.floor(random() * spread));
      const money = Array.from({ length: n }, () => Math.floor(random() * spread) * 25_000);
      const edges = {
        recencyDays: quintileEdges(Float64Array.from(days), false),
        frequency: quintileEdges(Float64Array.from(counts), true),
        monetary: quintileEdges(Float64Array.from(money), true),
      };
      const got = scoresOf(
        days.map((d, i) => row(d, counts[i], money[i])),
        edges,
      );
      expect(got.map((s) => s.r)).toEqual(quintileByDefinition(days, false));
      expect(got.map((s) => s.f)).toEqual(quintileByDefinition(counts, true));
      expect(got.map((s) => s.m)).toEqual(quintileByDefinition(money, true));
    }
  });

  it('everyone equal → everyone 1; one customer → 1', () => {
    const same = [5, 5, 5];
    expect(
      scoresOf(
        same.map((n) => row(n, n, n)),
        {
          recencyDays: quintileEdges(Float64Array.from(same), false),
          frequency: quintileEdges(Float64Array.from(same), true),
          monetary: quintileEdges(Float64Array.from(same), true),
        },
      ),
    ).toEqual([
      { r: 1, f: 1, m: 1 },
      { r: 1, f: 1, m: 1 },
      { r: 1, f: 1, m: 1 },
    ]);
    expect(
      scoresOf([row(7, 7, 7)], {
        recencyDays: quintileEdges(Float64Array.of(7), false),
        frequency: quintileEdges(Float64Array.of(7), true),
        monetary: quintileEdges(Float64Array.of(7), true),
      }),
    ).toEqual([{ r: 1, f: 1, m: 1 }]);
  });
});

describe('the segment map', () => {
  it('the default map is the issue table', () => {
    const cell = (r: number, f: number) => DEFAULT_SEGMENT_GRID[r - 1][f - 1];
    expect([
      cell(5, 1),
      cell(5, 2),
      cell(5, 4),
      cell(4, 1),
      cell(4, 4),
      cell(3, 1),
      cell(3, 3),
      cell(3, 5),
      cell(2, 1),
      cell(2, 3),
      cell(2, 5),
      cell(1, 1),
      cell(1, 4),
      cell(1, 5),
    ]).toEqual([
      'new_customers',
      'potential_loyalist',
      'champions',
      'promising',
      'loyal',
      'about_to_sleep',
      'need_attention',
      'loyal',
      'hibernating',
      'at_risk',
      'cant_lose_them',
      'lost',
      'at_risk',
      'cant_lose_them',
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

describe('CLV proxy and churn band, derived when read', () => {
  /** derivedFigures on rows of a real SQLite table aliased `a`, as the lists read them. */
  async function derived(
    rows: { recency_days: number; median_gap_days: number | null; frequency?: number; avg_order_value?: number; first_purchase?: string }[],
    shopMedianGapDays: number | null,
  ) {
    const sqlite = new Database(':memory:');
    const db = kyselyFor(sqlite);
    try {
      sqlite.exec(
        'CREATE TABLE rfm_analysis (run_id TEXT, customer_id TEXT, recency_days INTEGER, frequency INTEGER, avg_order_value INTEGER, first_purchase TEXT, median_gap_days REAL)',
      );
      // The fitted model's tables as shipped, empty: a shop without a fit reads the rule-of-thumb figures.
      sqlite.exec(readFileSync(join(migrationsDir(), '0019_clv_fits.sql'), 'utf8'));
      const insert = sqlite.prepare("INSERT INTO rfm_analysis VALUES ('run', ?, ?, ?, ?, ?, ?)");
      rows.forEach((r, i) =>
        insert.run(String(i).padStart(3, '0'), r.recency_days, r.frequency ?? 1, r.avg_order_value ?? 0, r.first_purchase ?? '2026-01-01', r.median_gap_days),
      );
      const d = derivedFigures({ analysisDate: '2026-06-15', parameters: { edges: DEFAULT_EDGES, segments: {}, clvExpectedYears: 3, shopMedianGapDays } });
      return await db
        .selectFrom('rfm_analysis as a')
        .select([d.clv.as('clv'), d.churnRatio.as('ratio'), d.churnBand.as('band')])
        .orderBy('a.customer_id')
        .execute();
    } finally {
      await db.destroy();
    }
  }

  it('bands: active < 1 ≤ cooling ≤ 2 < at risk ≤ 3 < likely lost; the shop’s gap for one-day buyers; none when nobody came back', async () => {
    const ratios = [0, 9, 10, 20, 21, 30, 31].map((recency_days) => ({ recency_days, median_gap_days: 10 }));
    const got = await derived([...ratios, { recency_days: 45, median_gap_days: null }, { recency_days: 5, median_gap_days: 0.5 }], 30);
    expect(got.map((r) => r.band)).toEqual(['active', 'active', 'cooling', 'cooling', 'at_risk', 'at_risk', 'likely_lost', 'cooling', 'likely_lost']);
    expect(got.map((r) => r.ratio)).toEqual([0, 0.9, 1, 2, 2.1, 3, 3.1, 1.5, 5]); // a gap under a day counts as one
    expect(await derived([{ recency_days: 45, median_gap_days: null }], null)).toEqual([{ clv: 0, ratio: null, band: null }]);
  });

  it('CLV: AOV × purchases per year over the tenure (at least a year) × the expected years', async () => {
    const got = await derived(
      [
        { recency_days: 0, median_gap_days: null, frequency: 3, avg_order_value: 200_000, first_purchase: '2026-01-01' }, // 165 days: counts as a year
        { recency_days: 0, median_gap_days: null, frequency: 6, avg_order_value: 100_000, first_purchase: '2024-06-15' }, // 730 days: 3 a year
      ],
      10,
    );
    expect(got.map((r) => r.clv)).toEqual([1_800_000, 900_000]);
  });
});

describe('day numbers', () => {
  it('reading digits gives the same day as Date for every day from 1899 to 2101', () => {
    for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (dayNumberAt(`xx${iso}`, 2) !== t / 86_400_000) throw new Error(`differs on ${iso}`);
    }
    expect(dayNumberAt('1970-01-01')).toBe(0);
    expect(dayNumberAt('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
  });
});
