import { lnGamma, lnHyp2f1, logAddExp } from './special';
import { nelderMead } from './nelder-mead';

/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive,
 * a customer buys as a Poisson process whose rate is gamma(r, α) across customers; after each
 * purchase they drop out with probability p, beta(a, b) across customers. Fitted by maximum
 * likelihood on each customer's x (repeat purchase days), t_x (last purchase since the first) and T
 * (end of the data since the first), times in one unit (weeks by default).
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface Recency {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

/** The log-likelihood of the data under the parameters (eq. 6–7 of the paper, in log space). */
export function bgnbdLogLikelihood({ r, alpha, a, b }: BgNbdParams, data: Recency): number {
  const lnGammaR = lnGamma(r);
  const lnGammaAB = lnGamma(a + b);
  const lnGammaB = lnGamma(b);
  const rLnAlpha = r * Math.log(alpha);
  const lnA = Math.log(a);
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i];
    const a1 = lnGamma(r + x) - lnGammaR + rLnAlpha;
    const a2 = lnGammaAB + lnGamma(b + x) - lnGammaB - lnGamma(a + b + x);
    const a3 = -(r + x) * Math.log(alpha + data.T[i]);
    const a4 = x > 0 ? lnA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + data.tx[i]) : -Infinity;
    total += a1 + a2 + logAddExp(a3, a4);
  }
  return total;
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  customers: number;
  converged: boolean;
}

/** Maximum likelihood on log-parameters (all four stay positive), from r = α = a = b = 1. */
export function fitBgNbd(data: Recency): BgNbdFit {
  const toParams = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) });
  const best = nelderMead((v) => -bgnbdLogLikelihood(toParams(v), data), [0, 0, 0, 0]);
  // A second start from the first's answer: Nelder–Mead can stall on a ridge; a restart is cheap.
  const polished = nelderMead((v) => -bgnbdLogLikelihood(toParams(v), data), best.x, { step: 0.1 });
  return { params: toParams(polished.x), logLikelihood: -polished.value, customers: data.x.length, converged: polished.converged };
}

/** P(alive | x, t_x, T): the chance the customer has not dropped out (eq. 13). */
export function pAlive({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const lnRatio = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(lnRatio));
}

/** E[Y(t) | x, t_x, T]: purchases expected in the next t time units (eq. 10). */
export function expectedPurchases({ r, alpha, a, b }: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const z = t / (alpha + T + t);
  const lnTerm = (r + x) * Math.log((alpha + T) / (alpha + T + t)) + lnHyp2f1(r + x, b + x, a + b + x - 1, z);
  // 1 − e^{lnTerm} without losing the digits when the term is close to 1.
  const numerator = ((a + b + x - 1) / (a - 1)) * -Math.expm1(lnTerm);
  return numerator * pAlive({ r, alpha, a, b }, x, tx, T);
}
