import { hyp2f1NegativeC, lnGamma, lnHyp2f1, logAddExp } from './special';
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

/**
 * The data as the likelihood reads it many hundred times: customers with the same (x, t_x, T) merged
 * with a weight, and each distinct x, t_x and T listed once, so one evaluation computes its
 * ln Γ and logarithms per distinct value, not per customer.
 */
export interface PreparedRecency {
  xs: Float64Array;
  txs: Float64Array;
  Ts: Float64Array;
  /** Per merged row: index into xs, txs, Ts, and how many customers it stands for. */
  ix: Uint32Array;
  itx: Uint32Array;
  iT: Uint32Array;
  weight: Float64Array;
  customers: number;
}

export function prepareRecency(data: Recency): PreparedRecency {
  const distinct = (values: Float64Array) => {
    const list = [...new Set(values)].sort((p, q) => p - q);
    return { list: Float64Array.from(list), index: new Map(list.map((v, i) => [v, i])) };
  };
  const xs = distinct(data.x);
  const txs = distinct(data.tx);
  const Ts = distinct(data.T);
  const rows = new Map<string, { ix: number; itx: number; iT: number; weight: number }>();
  for (let i = 0; i < data.x.length; i++) {
    const ix = xs.index.get(data.x[i]) as number;
    const itx = txs.index.get(data.tx[i]) as number;
    const iT = Ts.index.get(data.T[i]) as number;
    const key = `${ix}:${itx}:${iT}`;
    const row = rows.get(key);
    if (row) row.weight += 1;
    else rows.set(key, { ix, itx, iT, weight: 1 });
  }
  const merged = [...rows.values()];
  return {
    xs: xs.list,
    txs: txs.list,
    Ts: Ts.list,
    ix: Uint32Array.from(merged.map((r) => r.ix)),
    itx: Uint32Array.from(merged.map((r) => r.itx)),
    iT: Uint32Array.from(merged.map((r) => r.iT)),
    weight: Float64Array.from(merged.map((r) => r.weight)),
    customers: data.x.length,
  };
}

/** The log-likelihood of the data under the parameters (eq. 6–7 of the paper, in log space). */
export function bgnbdLogLikelihood({ r, alpha, a, b }: BgNbdParams, data: PreparedRecency): number {
  const { xs, txs, Ts } = data;
  const lnGammaR = lnGamma(r);
  const lnGammaAB = lnGamma(a + b);
  const lnGammaB = lnGamma(b);
  const rLnAlpha = r * Math.log(alpha);
  const lnA = Math.log(a);
  // Per distinct x: the terms that do not depend on t_x or T.
  const head = new Float64Array(xs.length);
  const repeat = new Float64Array(xs.length);
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k];
    head[k] = lnGamma(r + x) - lnGammaR + rLnAlpha + lnGammaAB + lnGamma(b + x) - lnGammaB - lnGamma(a + b + x);
    repeat[k] = x > 0 ? lnA - Math.log(b + x - 1) : -Infinity;
  }
  const lnT = Ts.map((T) => Math.log(alpha + T));
  const lnTx = txs.map((tx) => Math.log(alpha + tx));
  let total = 0;
  for (let i = 0; i < data.weight.length; i++) {
    const k = data.ix[i];
    const rx = r + xs[k];
    total += data.weight[i] * (head[k] + logAddExp(-rx * lnT[data.iT[i]], repeat[k] - rx * lnTx[data.itx[i]]));
  }
  return total;
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  customers: number;
  converged: boolean;
}

/** How far the fits search, in natural-log units of each parameter. */
export const LOG_BOUND = 12;

/** Maximum likelihood on log-parameters (all four stay positive), from r = α = a = b = 1. */
export function fitBgNbd(data: Recency | PreparedRecency): BgNbdFit {
  const prepared = 'weight' in data ? data : prepareRecency(data);
  const toParams = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) });
  // A shop whose customers hardly ever drop out drives a and b to infinity together (only their
  // ratio is identified): bounding the log-parameters stops the simplex at e^±12 instead of letting
  // it slide along that ridge for thousands of steps (e^12 ≈ 160,000: far past any rate, time scale or dropout a real shop shows). The predictions there are those of the limit.
  const objective = (v: number[]) => (v.some((p) => Math.abs(p) > LOG_BOUND) ? Infinity : -bgnbdLogLikelihood(toParams(v), prepared));
  const best = nelderMead(objective, [0, 0, 0, 0]);
  // A second start from the first's answer: Nelder–Mead can stall on a ridge; a restart is cheap.
  const polished = nelderMead(objective, best.x, { step: 0.1 });
  return { params: toParams(polished.x), logLikelihood: -polished.value, customers: prepared.customers, converged: polished.converged };
}

/** P(alive | x, t_x, T): the chance the customer has not dropped out (eq. 13). */
export function pAlive({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const lnRatio = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(lnRatio));
}

/** E[Y(t) | x, t_x, T]: purchases expected in the next t time units (eq. 10). */
export function expectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  return expectedIfAlive(params, t, x, T) * pAlive(params, x, tx, T);
}

/**
 * Eq. 10 without its P(alive) factor. It depends on x and T but not on t_x, so scoring a shop
 * computes it once per distinct (x, T) instead of once per customer.
 */
export function expectedIfAlive({ r, alpha, a, b }: BgNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  const z = t / (alpha + T + t);
  const c = a + b + x - 1;
  if (c < 0) {
    // A one-time buyer when a + b < 1: ₂F₁ may be ≤ 0 here, so no logarithm is taken.
    return (c / (a - 1)) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1NegativeC(r + x, b + x, c, z));
  }
  const lnTerm = (r + x) * Math.log((alpha + T) / (alpha + T + t)) + lnHyp2f1(r + x, b + x, a + b + x - 1, z);
  // 1 − e^{lnTerm} without losing the digits when the term is close to 1.
  return ((a + b + x - 1) / (a - 1)) * -Math.expm1(lnTerm);
}
