import { describe, expect, it } from 'vitest';
import { bgnbdLogLikelihood, bgnbdLogLikelihoodAndGradient, fitBgNbd, prepareRecency, type BgNbdParams } from '../../src-main/clv/bgnbd';
import { fitGammaGamma, gammaGammaLogLikelihoodAndGradient, prepareSpend, type GammaGammaParams } from '../../src-main/clv/gamma-gamma';
import { LOG_BOUND, minimizeInBox } from '../../src-main/clv/minimize';
import { quasiNewton, type ValueAndGradient } from '../../src-main/clv/quasi-newton';
import { digamma, lnGamma, lnGammaRatio } from '../../src-main/clv/special';
import { seededRandom } from '../../src-main/demo/random';

/** Rosenbrock's valley in n dimensions: minimum 0 at (1, …, 1), a curved narrow valley to follow. */
const rosenbrock: ValueAndGradient = (x, g) => {
  let f = 0;
  g.fill(0);
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    f += 100 * a * a + b * b;
    g[i] += -400 * x[i] * a - 2 * b;
    g[i + 1] += 200 * a;
  }
  return f;
};

/** The derivative by each log-parameter, by central differences. */
function numericGradient<P extends Record<string, number>>(ll: (p: P) => number, params: P): number[] {
  const h = 1e-5;
  return Object.keys(params).map((k) => (ll({ ...params, [k]: params[k] * Math.exp(h) }) - ll({ ...params, [k]: params[k] * Math.exp(-h) })) / (2 * h));
}

/** A shop drawn from the BG/NBD itself: 2,000 customers over a year of whole days, in weeks. */
function simulatedShop(params: BgNbdParams, customers = 2_000) {
  const random = seededRandom(11);
  const gamma = (shape: number) => {
    // Marsaglia–Tsang, with the shape < 1 boost.
    const boost = shape < 1 ? random() ** (1 / shape) : 1;
    const d = (shape < 1 ? shape + 1 : shape) - 1 / 3;
    for (;;) {
      let z = 0;
      let v = 0;
      do {
        z = Math.sqrt(-2 * Math.log(random() || 1e-300)) * Math.cos(2 * Math.PI * random());
        v = 1 + z / Math.sqrt(9 * d);
      } while (v <= 0);
      v = v * v * v;
      if (Math.log(random() || 1e-300) < 0.5 * z * z + d - d * v + d * Math.log(v)) return boost * d * v;
    }
  };
  const x = new Float64Array(customers);
  const tx = new Float64Array(customers);
  const T = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    const rate = gamma(params.r) / params.alpha;
    const ga = gamma(params.a);
    const dropout = ga / (ga + gamma(params.b));
    const span = Math.floor(random() * 365) / 7;
    let t = 0;
    for (;;) {
      t += -Math.log(1 - random()) / rate;
      if (t > span) break;
      const day = Math.floor(t * 7) / 7;
      if (day > tx[i]) {
        x[i] += 1;
        tx[i] = day;
      }
      if (random() < dropout) break;
    }
    T[i] = span;
  }
  return { x, tx, T };
}

describe('the quasi-Newton search the fits use', () => {
  it("finds Rosenbrock's minimum in 2 and 4 dimensions from the classic start", () => {
    for (const start of [
      [-1.2, 1],
      [-1.2, 1, -1.2, 1],
    ]) {
      const found = quasiNewton(rosenbrock, start, { bound: LOG_BOUND });
      expect(found.converged).toBe(true);
      for (const v of found.x) expect(v).toBeCloseTo(1, 4);
      expect(found.evaluations).toBeLessThan(200);
    }
  });

  it('stops at the bound when the minimum lies outside the box, and says it converged there', () => {
    // (x − 20)² + (y − 1)²: x is held at 12, y still goes to 1.
    const outside: ValueAndGradient = (v, g) => {
      g[0] = 2 * (v[0] - 20);
      g[1] = 2 * (v[1] - 1);
      return (v[0] - 20) ** 2 + (v[1] - 1) ** 2;
    };
    const found = quasiNewton(outside, [0, 0], { bound: LOG_BOUND });
    expect(found.converged).toBe(true);
    expect(found.x[0]).toBe(LOG_BOUND);
    expect(found.x[1]).toBeCloseTo(1, 6);
  });

  it('does not call a search converged when the gradient does not belong to the function', () => {
    // A wrong gradient (half the true one, pointing the other way in y): no step can keep its promise.
    const lying: ValueAndGradient = (v, g) => {
      g[0] = v[0];
      g[1] = -(v[1] - 3);
      return v[0] ** 2 + (v[1] - 3) ** 2;
    };
    expect(quasiNewton(lying, [1, 1], { bound: LOG_BOUND }).converged).toBe(false);
  });
});

describe("the fits' search: quasi-Newton first, Nelder–Mead when that fails", () => {
  it('a search the gradient cannot finish is carried on without it, and its verdict stands', () => {
    // The gradient points the wrong way in y: quasi-Newton gives up, Nelder–Mead finds (0, 3).
    const lying: ValueAndGradient = (v, g) => {
      g[0] = 2 * v[0];
      g[1] = -(v[1] - 3);
      return v[0] ** 2 + (v[1] - 3) ** 2;
    };
    expect(quasiNewton(lying, [1, 1], { bound: LOG_BOUND }).converged).toBe(false);
    const found = minimizeInBox(lying, [1, 1]);
    expect(found.converged).toBe(true);
    expect(found.x[0]).toBeCloseTo(0, 4);
    expect(found.x[1]).toBeCloseTo(3, 4);
  });
});

describe("the likelihoods' gradients, against finite differences", () => {
  const shop = simulatedShop({ r: 0.5, alpha: 3, a: 0.6, b: 2.5 });
  const prepared = prepareRecency(shop);

  it('BG/NBD: each derivative by a log-parameter matches, near and far from the optimum', () => {
    for (const params of [
      { r: 0.5, alpha: 3, a: 0.6, b: 2.5 },
      { r: 2, alpha: 0.2, a: 0.05, b: 40 },
      { r: 0.1, alpha: 50, a: 3000, b: 9000 },
    ]) {
      const gradient = new Float64Array(4);
      const ll = bgnbdLogLikelihoodAndGradient(params, prepared, gradient);
      expect(ll).toBe(bgnbdLogLikelihood(params, prepared));
      const numeric = numericGradient((p) => bgnbdLogLikelihood(p, prepared), params);
      numeric.forEach((d, j) => expect(Math.abs(gradient[j] - d)).toBeLessThan(1e-5 * (1 + Math.abs(d))));
    }
  });

  it('Gamma-Gamma: each derivative matches, also where q and γ are in the hundred thousands', () => {
    const random = seededRandom(5);
    const n = 1_500;
    const x = Float64Array.from({ length: n }, () => 1 + Math.floor(random() * 12));
    const m = Float64Array.from({ length: n }, () => 20_000 + random() * 500_000);
    const data = prepareSpend(x, m);
    const ll = (p: GammaGammaParams) => gammaGammaLogLikelihoodAndGradient(p, data, null);
    for (const params of [
      { p: 6, q: 3.7, gamma: 15e4 },
      { p: 0.3, q: 40, gamma: 1e7 },
      { p: 2.4, q: 160_000, gamma: 7e10 },
    ]) {
      const gradient = new Float64Array(3);
      gammaGammaLogLikelihoodAndGradient(params, data, gradient);
      const numeric = numericGradient(ll, params);
      numeric.forEach((d, j) => expect(Math.abs(gradient[j] - d)).toBeLessThan(1e-5 * (1 + Math.abs(d))));
    }
  });

  it('recovers the parameters a simulated shop was drawn from', () => {
    const fit = fitBgNbd(prepared);
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeGreaterThan(0.35);
    expect(fit.params.r).toBeLessThan(0.7);
    expect(fit.params.alpha).toBeGreaterThan(1.5);
    expect(fit.params.alpha).toBeLessThan(5);
    expect(fit.params.a / (fit.params.a + fit.params.b)).toBeGreaterThan(0.1);
    expect(fit.params.a / (fit.params.a + fit.params.b)).toBeLessThan(0.3);
  });

  it('Gamma-Gamma where every customer spends alike: q and γ run to the bound together and the fit says so, quickly', () => {
    // Each sale drawn from the same spread around the same mean: the customers' means do not vary.
    const random = seededRandom(3);
    const n = 3_000;
    const x = Float64Array.from({ length: n }, () => 1 + Math.floor(random() * 20));
    const m = Float64Array.from(x, (xi) => {
      let sum = 0;
      for (let k = 0; k < xi; k++) sum += 10_000 + Math.floor(random() * 1_990) * 1_000;
      return sum / xi;
    });
    const fit = fitGammaGamma(x, m);
    expect(fit.converged).toBe(true);
    expect(Math.log(fit.params.q)).toBeCloseTo(LOG_BOUND, 6);
    expect(fit.evaluations).toBeLessThan(150);
    // The mean spend it implies is the shop's.
    const mean = m.reduce((s, v) => s + v, 0) / n;
    expect((fit.params.p * fit.params.gamma) / (fit.params.q - 1) / mean).toBeCloseTo(1, 1);
  });
});

describe('the special functions the gradients need', () => {
  it('ψ matches its closed forms and the slope of ln Γ', () => {
    const eulerGamma = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-eulerGamma, 13);
    expect(digamma(0.5)).toBeCloseTo(-eulerGamma - 2 * Math.LN2, 13);
    // Near zero: ψ(x) = −1/x − γ + (π²/6) x + O(x²).
    expect(digamma(1e-6)).toBeCloseTo(-1e6 - eulerGamma + (Math.PI ** 2 / 6) * 1e-6, 8);
    for (const z of [0.03, 2.7, 9.99, 10, 123.4, 2e5]) expect(digamma(z)).toBeCloseTo((lnGamma(z * (1 + 1e-6)) - lnGamma(z * (1 - 1e-6))) / (2e-6 * z), 5);
  });

  it('ln Γ(z + y) − ln Γ(z) agrees with the plain difference, and keeps its digits where that loses them', () => {
    for (const [z, y] of [
      [0.2, 3],
      [5, 0.5],
      [9.99, 40],
      [10, 40],
      [37.5, 2.25],
      [1e3, 1e3],
    ])
      expect(lnGammaRatio(z, y)).toBeCloseTo(lnGamma(z + y) - lnGamma(z), 9);
    // z large, y whole: the product z (z + 1) … (z + y − 1) summed in logs is exact to rounding.
    const z = 160_000.5;
    let exact = 0;
    for (let k = 0; k < 50; k++) exact += Math.log(z + k);
    expect(Math.abs(lnGammaRatio(z, 50) - exact)).toBeLessThan(1e-11);
  });
});
