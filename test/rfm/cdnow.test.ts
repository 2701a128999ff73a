import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { ok, shopWithOwner } from '../helpers';
import { DATASETS, importFile } from '../import/harness';
import { jobFinished } from './harness';

/**
 * RFM on the CDNOW master file, checked against figures computed here straight from the raw text
 * (its own parsing, day arithmetic, scoring and the segment table), not by the app's code.
 */
const AS_OF = '1998-07-01';
const DAY = 86_400_000;

interface Expected {
  recency: number;
  frequency: number;
  monetary: number;
  /** Days between consecutive distinct purchase days. */
  gaps: number[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function expectedFromFile(): Map<string, Expected> {
  const lines = readFileSync(`${DATASETS}lifetimes_CDNOW_master.txt`, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim());
  const byCustomer = new Map<string, { last: number; frequency: number; monetary: number; days: Set<number> }>();
  for (const line of lines) {
    const [id, yyyymmdd, , dollars] = line.trim().split(/\s+/);
    const when = Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8)));
    const c = byCustomer.get(id) ?? { last: 0, frequency: 0, monetary: 0, days: new Set<number>() };
    c.last = Math.max(c.last, when);
    c.days.add(when / DAY);
    c.frequency += 1;
    c.monetary += Math.round(Number(dollars) * 100);
    byCustomer.set(id, c);
  }
  const asOf = Date.UTC(1998, 6, 1);
  return new Map(
    [...byCustomer].map(([id, c]) => {
      const days = [...c.days].sort((a, b) => a - b);
      return [id, { recency: Math.round((asOf - c.last) / DAY), frequency: c.frequency, monetary: c.monetary, gaps: days.slice(1).map((d, i) => d - days[i]) }];
    }),
  );
}

// The table, R from 5 down to 1, F from 1 to 5.
const TABLE: Record<number, string[]> = {
  5: ['new_customers', 'potential_loyalist', 'potential_loyalist', 'champions', 'champions'],
  4: ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'loyal'],
  3: ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  2: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose_them'],
  1: ['lost', 'lost', 'at_risk', 'at_risk', 'cant_lose_them'],
};

function bucket(value: number, edges: number[]): number {
  return 1 + edges.filter((e) => value > e).length;
}

/** Quintiles by counting: how many customers have a strictly worse value, from a tally of values. */
function quintiles(values: number[], worse: (a: number, b: number) => boolean): number[] {
  const tally = new Map<number, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  const distinct = [...tally.keys()];
  const worseCount = new Map(distinct.map((v) => [v, distinct.filter((o) => worse(o, v)).reduce((s, o) => s + (tally.get(o) ?? 0), 0)]));
  return values.map((v) => 1 + Math.floor((5 * (worseCount.get(v) ?? 0)) / values.length));
}

function scoresFromCsv(app: App, runId: string) {
  const rows = app.services.sqlite
    .prepare(
      'SELECT c.code, a.recency_days, a.frequency, a.monetary, a.r_score, a.f_score, a.m_score, a.segment FROM rfm_analysis a JOIN customers c ON c.id = a.customer_id WHERE a.run_id = ?',
    )
    .all(runId) as {
    code: string;
    recency_days: number;
    frequency: number;
    monetary: number;
    r_score: number;
    f_score: number;
    m_score: number;
    segment: string;
  }[];
  return new Map(rows.map((r) => [r.code, r]));
}

describe('RFM on the CDNOW data', () => {
  it('recency, frequency, monetary, scores and segments equal an independent computation, for both methods', { timeout: 120_000 }, async () => {
    const expected = expectedFromFile();
    const app = await shopWithOwner();
    const afterImport = jobFinished(app, 'rfm.run');
    await importFile(app, `${DATASETS}lifetimes_CDNOW_master.txt`, 'transactions', { amountMultiplier: 100 });
    await afterImport; // the run an import starts by itself

    const ids = [...expected.keys()];
    const list = ids.map((id) => expected.get(id)!);

    // Fixed thresholds (defaults), amounts in cents here, compared as stored.
    const fixed = await ok(app, 'rfm.run', { asOf: AS_OF, method: 'fixed', windowMonths: null });
    expect(fixed.run).toMatchObject({ analysisDate: AS_OF, method: 'fixed', customers: expected.size, trigger: 'manual' });
    const got = scoresFromCsv(app, fixed.run!.id);
    expect(got.size).toBe(expected.size);
    let checked = 0;
    for (const id of ids) {
      const e = expected.get(id)!;
      const g = got.get(id)!;
      const r = 6 - bucket(e.recency, [30, 60, 90, 180]);
      const f = bucket(e.frequency, [1, 2, 5, 10]);
      const m = bucket(e.monetary, [100_000, 500_000, 1_000_000, 5_000_000]);
      expect({
        id,
        recency: g.recency_days,
        frequency: g.frequency,
        monetary: g.monetary,
        r: g.r_score,
        f: g.f_score,
        m: g.m_score,
        segment: g.segment,
      }).toEqual({ id, recency: e.recency, frequency: e.frequency, monetary: e.monetary, r, f, m, segment: TABLE[r][f - 1] });
      checked++;
    }
    expect(checked).toBe(23_570);

    // The usual gap behind the churn band: each customer's median gap, and the shop's over every gap.
    const gaps = new Map(
      app.services.sqlite
        .prepare('SELECT c.code, a.median_gap_days FROM rfm_analysis a JOIN customers c ON c.id = a.customer_id WHERE a.run_id = ?')
        .raw()
        .all(fixed.run!.id) as [string, number | null][],
    );
    for (const id of ids) {
      const e = expected.get(id)!;
      expect({ id, gap: gaps.get(id) }).toEqual({ id, gap: e.gaps.length ? median(e.gaps) : null });
    }
    expect(fixed.run!.parameters.shopMedianGapDays).toBe(median(list.flatMap((e) => e.gaps)));

    // Quintiles.
    const quint = await ok(app, 'rfm.run', { asOf: AS_OF, method: 'quintile', windowMonths: null });
    const q = scoresFromCsv(app, quint.run!.id);
    const rq = quintiles(
      list.map((e) => e.recency),
      (other, v) => other > v,
    );
    const fq = quintiles(
      list.map((e) => e.frequency),
      (other, v) => other < v,
    );
    const mq = quintiles(
      list.map((e) => e.monetary),
      (other, v) => other < v,
    );
    ids.forEach((id, i) => {
      const g = q.get(id)!;
      expect({ id, r: g.r_score, f: g.f_score, m: g.m_score, segment: g.segment }).toEqual({
        id,
        r: rq[i],
        f: fq[i],
        m: mq[i],
        segment: TABLE[rq[i]][fq[i] - 1],
      });
    });
    // Segment totals of the summary add up to the file.
    const totalCents = list.reduce((s, e) => s + e.monetary, 0);
    expect(quint.segments.reduce((s, x) => s + x.revenue, 0)).toBe(totalCents);
    expect(quint.segments.reduce((s, x) => s + x.customers, 0)).toBe(expected.size);
    // Movement: every customer counted once, from their fixed-run segment to their quintile one.
    expect(quint.movement?.previousRun.id).toBe(fixed.run!.id);
    const moves = new Map<string, number>();
    for (const id of ids) {
      const key = `${got.get(id)!.segment}>${q.get(id)!.segment}`;
      moves.set(key, (moves.get(key) ?? 0) + 1);
    }
    expect(new Map(quint.movement!.rows.map((m) => [`${m.from}>${m.to}`, m.customers]))).toEqual(moves);
  });
});
