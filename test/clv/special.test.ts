import { describe, expect, it } from 'vitest';
import { expectedPurchases, pAlive } from '../../src-main/clv/bgnbd';
import { lnGamma, lnHyp2f1 } from '../../src-main/clv/special';

describe('special functions: exact where known, finite where the data is extreme', () => {
  it('ln Γ matches closed forms and Stirling far out', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lnGamma(1e-8)).toBeCloseTo(-Math.log(1e-8) - 0.5772156649e-8, 6);
    const x = 1e7;
    const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x);
    expect(lnGamma(x) / stirling).toBeCloseTo(1, 12);
  });

  it('ln ₂F₁ matches its closed forms, also where the series rises far before it falls', () => {
    for (const z of [0.1, 0.5, 0.9, 0.999]) {
      expect(lnHyp2f1(1, 1, 2, z)).toBeCloseTo(Math.log(-Math.log(1 - z) / z), 9);
      expect(lnHyp2f1(3.7, 2.2, 2.2, z)).toBeCloseTo(-3.7 * Math.log(1 - z), 8);
    }
    // a = b = 500: the terms climb to ~e^300 before they fall; the log-space sum stays exact.
    expect(lnHyp2f1(500, 2.2, 2.2, 0.6)).toBeCloseTo(-500 * Math.log(0.4), 6);
    // a = 3,000: the sum itself passes e^2,700, far beyond a double; it is divided down as it goes.
    expect(lnHyp2f1(3000, 2.2, 2.2, 0.6) / (-3000 * Math.log(0.4))).toBeCloseTo(1, 12);
    expect(lnHyp2f1(3000, 40.5, 12.25, 0.95)).toBeGreaterThan(lnHyp2f1(3000, 40.5, 12.25, 0.9));
  });

  it('ln ₂F₁ with c below zero: a one-time buyer in a BG/NBD fit with a + b < 1', () => {
    // ₂F₁(a, c; c; z) = (1 − z)^−a holds for any c; here the terms change sign.
    for (const z of [0.1, 0.5, 0.9]) expect(lnHyp2f1(0.67, -0.6, -0.6, z)).toBeCloseTo(-0.67 * Math.log(1 - z), 10);
    // A shop fitted to a + b = 0.4: a one-time buyer's expected purchases are finite, positive and grow with t.
    const params = { r: 0.35, alpha: 2.1, a: 0.18, b: 0.22 };
    const ahead = [4, 13, 52].map((t) => expectedPurchases(params, t, 0, 0, 20));
    expect(ahead.every((e) => Number.isFinite(e) && e > 0)).toBe(true);
    expect(ahead[0]).toBeLessThan(ahead[1]);
    expect(ahead[1]).toBeLessThan(ahead[2]);
    // A brand-new customer (T = 0) buys at the population rate r/α at first.
    expect(expectedPurchases(params, 1e-4, 0, 0, 0) / 1e-4).toBeCloseTo(params.r / params.alpha, 3);
    // a + b just under 1: c = −0.01 and ₂F₁ itself is negative (its second term is −r·b·z/0.01), so
    // it has no logarithm; the expectation still has its value.
    const edge = { r: 1, alpha: 1, a: 0.5, b: 0.49 };
    const far = [13, 52, 104].map((t) => expectedPurchases(edge, t, 0, 0, 10));
    expect(far.every((e) => Number.isFinite(e) && e > 0)).toBe(true);
    expect(far[0]).toBeLessThan(far[1]);
    expect(far[1]).toBeLessThan(far[2]);
    expect(expectedPurchases(edge, 1e-4, 0, 0, 0) / 1e-4).toBeCloseTo(edge.r / edge.alpha, 3);
  });

  it('BG/NBD answers stay finite and sensible for a 1,000-purchase customer and a brand-new one', () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const loyal = expectedPurchases(params, 52, 1000, 520, 520);
    // About two purchases a week for ten years, still buying: about two a week ahead, discounted by P(alive).
    expect(loyal).toBeGreaterThan(80);
    expect(loyal).toBeLessThan(110);
    expect(pAlive(params, 1000, 519, 520)).toBeGreaterThan(0.9);
    expect(pAlive(params, 1000, 10, 520)).toBeLessThan(1e-6);
    const fresh = expectedPurchases(params, 52, 0, 0, 0.01);
    expect(Number.isFinite(fresh) && fresh > 0).toBe(true);
  });
});
