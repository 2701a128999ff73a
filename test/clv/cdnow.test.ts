import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectedPurchases, fitBgNbd, pAlive } from '../../src-main/clv/bgnbd';
import { expectedAverageValue, fitGammaGamma } from '../../src-main/clv/gamma-gamma';

const DATASETS = new URL('../fixtures/datasets/', import.meta.url).pathname;
const DAY = 86_400_000;
const WEEK = 7;

/**
 * The BTYD package's CDNOW sample, per customer: purchase days merged (a day's purchases are one
 * transaction, its sales summed), as the paper counts them.
 */
function cdnow() {
  const lines = readFileSync(`${DATASETS}BTYD_cdnowElog.csv`, 'utf8').trim().split('\n').slice(1);
  const days = new Map<string, Map<number, number>>();
  for (const line of lines) {
    const [, customer, date, , sales] = line.split(',');
    const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))) / DAY;
    const own = days.get(customer) ?? new Map<number, number>();
    own.set(day, (own.get(day) ?? 0) + Number(sales));
    days.set(customer, own);
  }
  return days;
}

/** x, t_x, T in weeks up to the end of the calibration period, and the repeat purchases' mean value. */
function calibration(days: Map<string, Map<number, number>>, end: number) {
  const rows: { x: number; tx: number; T: number; m: number; holdout: number }[] = [];
  for (const own of days.values()) {
    const sorted = [...own.entries()].sort((p, q) => p[0] - q[0]);
    const inside = sorted.filter(([d]) => d <= end);
    if (inside.length === 0) continue;
    const first = inside[0][0];
    const repeats = inside.slice(1);
    rows.push({
      x: repeats.length,
      tx: (inside[inside.length - 1][0] - first) / WEEK,
      // T counts to the end of the last calibration day (BTYD: 1997-09-30 is in week 39).
      T: (end - first) / WEEK,
      m: repeats.length ? repeats.reduce((s, [, v]) => s + v, 0) / repeats.length : 0,
      holdout: sorted.filter(([d]) => d > end).length,
    });
  }
  return rows;
}

const END = Date.UTC(1997, 8, 30) / DAY;

describe("BG/NBD and Gamma-Gamma on the paper's CDNOW sample", () => {
  const rows = calibration(cdnow(), END);
  const data = { x: Float64Array.from(rows.map((r) => r.x)), tx: Float64Array.from(rows.map((r) => r.tx)), T: Float64Array.from(rows.map((r) => r.T)) };

  it('fits the published BG/NBD estimates: r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4', () => {
    expect(rows).toHaveLength(2357);
    const fit = fitBgNbd(data);
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeCloseTo(0.243, 3);
    expect(fit.params.alpha).toBeCloseTo(4.414, 2);
    expect(fit.params.a).toBeCloseTo(0.793, 3);
    expect(fit.params.b).toBeCloseTo(2.426, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('predicts the holdout weeks 40–78: in total and per calibration frequency, close to what happened', () => {
    const fit = fitBgNbd(data);
    const predicted = rows.reduce((s, r) => s + expectedPurchases(fit.params, 39, r.x, r.tx, r.T), 0);
    const actual = rows.reduce((s, r) => s + r.holdout, 0);
    // The conditional expectations match the reference implementation to six digits (lifetimes'
    // README: x 26, t_x 30.86, T 31 → 0.710623 in the next week); the model, not the arithmetic,
    // is what falls short of the holdout here (predicted 1,653, actual 1,882).
    expect(expectedPurchases({ r: 0.242593, alpha: 4.413532, a: 0.792919, b: 2.425752 }, 1, 26, 30.86, 31)).toBeCloseTo(0.710623, 5);
    console.log(`holdout weeks 40–78: predicted ${predicted.toFixed(1)}, actual ${actual}`);
    expect(Math.abs(predicted - actual) / actual).toBeLessThan(0.15);
    // Per calibration frequency 0–6: the mean holdout purchases predicted and seen rise together.
    const byFrequency = [0, 1, 2, 3, 4, 5, 6].map((f) => {
      const group = rows.filter((r) => r.x === f);
      return {
        predicted: group.reduce((s, r) => s + expectedPurchases(fit.params, 39, r.x, r.tx, r.T), 0) / group.length,
        actual: group.reduce((s, r) => s + r.holdout, 0) / group.length,
      };
    });
    for (let f = 1; f < byFrequency.length; f++) expect(byFrequency[f].predicted).toBeGreaterThan(byFrequency[f - 1].predicted);
    for (const g of byFrequency) expect(Math.abs(g.predicted - g.actual)).toBeLessThan(Math.max(0.35, 0.3 * g.actual));
    // A one-time buyer is certainly "alive" by the model's definition; a lapsed frequent buyer is not.
    expect(pAlive(fit.params, 0, 0, 39)).toBe(1);
    expect(pAlive(fit.params, 10, 5, 39)).toBeLessThan(0.2);
  });

  it('fits the published Gamma-Gamma estimates on the 946 repeat buyers: p 6.25, q 3.74, γ 15.44; the same in cents gives γ × 100', () => {
    const repeat = rows.filter((r) => r.x > 0);
    expect(repeat).toHaveLength(946);
    const x = Float64Array.from(repeat.map((r) => r.x));
    const m = Float64Array.from(repeat.map((r) => r.m));
    const fit = fitGammaGamma(x, m);
    expect(fit.params.p).toBeCloseTo(6.25, 1);
    expect(fit.params.q).toBeCloseTo(3.74, 1);
    expect(fit.params.gamma).toBeCloseTo(15.44, 1);
    const cents = fitGammaGamma(
      x,
      m.map((v) => v * 100),
    );
    expect(cents.params.p).toBeCloseTo(fit.params.p, 4);
    expect(cents.params.q).toBeCloseTo(fit.params.q, 4);
    expect(cents.params.gamma / 100).toBeCloseTo(fit.params.gamma, 3);
    expect(expectedAverageValue(fit.params, 3, 40)).toBeGreaterThan(35);
  });
});
