import { minimizeInBox } from './minimize';
import { digamma, hyp2f1NegativeC, lnGammaRatio, lnHyp2f1 } from './special';

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
 * The data as the likelihood reads it many times over: customers with the same (x, t_x, T) merged
 * with a weight, and each distinct x, t_x and T listed once, so one evaluation computes its
 * ln Γ and logarithms per distinct value, not per customer (days are whole, so a shop of 100,000
 * customers over two years has a few hundred distinct t_x and T).
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
  /** Customers per distinct x: the terms of x alone are summed once per x with this weight. */
  weightOfX: Float64Array;
  customers: number;
}

export function prepareRecency(data: Recency): PreparedRecency {
  const distinct = (values: Float64Array) => {
    const list = Float64Array.from(new Set(values)).sort();
    const index = new Map<number, number>();
    list.forEach((v, i) => index.set(v, i));
    return { list, index, of: Uint32Array.from(values, (v) => index.get(v) as number) };
  };
  const xs = distinct(data.x);
  const txs = distinct(data.tx);
  const Ts = distinct(data.T);
  // One number per (x, t_x, T): its indices in mixed radix (below 2⁵³ for any real shop).
  const rows = new Map<number, number>();
  for (let i = 0; i < data.x.length; i++) {
    const key = (xs.of[i] * txs.list.length + txs.of[i]) * Ts.list.length + Ts.of[i];
    rows.set(key, (rows.get(key) ?? 0) + 1);
  }
  const n = rows.size;
  const prepared: PreparedRecency = {
    xs: xs.list,
    txs: txs.list,
    Ts: Ts.list,
    ix: new Uint32Array(n),
    itx: new Uint32Array(n),
    iT: new Uint32Array(n),
    weight: new Float64Array(n),
    weightOfX: new Float64Array(xs.list.length),
    customers: data.x.length,
  };
  let i = 0;
  for (const [key, weight] of rows) {
    prepared.iT[i] = key % Ts.list.length;
    const rest = (key - prepared.iT[i]) / Ts.list.length;
    prepared.itx[i] = rest % txs.list.length;
    prepared.ix[i] = (rest - prepared.itx[i]) / txs.list.length;
    prepared.weight[i] = weight;
    prepared.weightOfX[prepared.ix[i]] += weight;
    i++;
  }
  return prepared;
}

/** The log-likelihood of the data under the parameters (eq. 6–7 of the paper, in log space). */
export function bgnbdLogLikelihood(params: BgNbdParams, data: PreparedRecency): number {
  return bgnbdLogLikelihoodAndGradient(params, data, null);
}

/**
 * The log-likelihood and, when `gradient` is given, its derivatives by ln r, ln α, ln a, ln b (the
 * fit's coordinates). Per customer
 *   ln L = lnΓ(r+x) − lnΓ(r) + r ln α + ln B(a, b+x) − ln B(a, b) + ln(A₁ + A₂),
 *   A₁ = (α+T)^−(r+x),  A₂ = [x > 0] · a/(b+x−1) · (α+t_x)^−(r+x).
 * The first part depends on x alone and is summed once per distinct x; per merged row only the
 * last term is left, with w = A₂/(A₁+A₂) (a logistic of ln A₂ − ln A₁) for its derivatives:
 *   ∂/∂r = −(1−w) ln(α+T) − w ln(α+t_x),  ∂/∂α = −(r+x) [(1−w)/(α+T) + w/(α+t_x)],
 *   ∂/∂a = w/a,  ∂/∂b = −w/(b+x−1).
 */
export function bgnbdLogLikelihoodAndGradient({ r, alpha, a, b }: BgNbdParams, data: PreparedRecency, gradient: Float64Array | null): number {
  const { xs, txs, Ts, ix, itx, iT, weight, weightOfX } = data;
  const rLnAlpha = r * Math.log(alpha);
  const lnA = Math.log(a);
  const psiR = gradient ? digamma(r) : 0;
  const psiAB = gradient ? digamma(a + b) : 0;
  const psiB = gradient ? digamma(b) : 0;
  let total = 0;
  let dr = 0;
  let dAlpha = 0;
  let da = 0;
  let shareOfRepeat = 0;
  let db = 0;
  // Per distinct x: the terms that do not depend on t_x or T, and the repeat term's constant.
  const repeat = new Float64Array(xs.length);
  const invRepeat = new Float64Array(xs.length);
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k];
    const w = weightOfX[k];
    // ln Γ(r+x) − ln Γ(r) + ln B(a, b+x) − ln B(a, b) as three ratios: a and b run to 160,000 on a ridge.
    total += w * (lnGammaRatio(r, x) + rLnAlpha + lnGammaRatio(b, x) - lnGammaRatio(a + b, x));
    if (gradient) {
      const psiABX = digamma(a + b + x);
      dr += w * (digamma(r + x) - psiR + Math.log(alpha));
      dAlpha += (w * r) / alpha;
      da += w * (psiAB - psiABX);
      db += w * (psiAB + digamma(b + x) - psiB - psiABX);
    }
    repeat[k] = x > 0 ? lnA - Math.log(b + x - 1) : -Infinity;
    invRepeat[k] = x > 0 ? 1 / (b + x - 1) : 0;
  }
  const lnT = new Float64Array(Ts.length);
  const invT = new Float64Array(Ts.length);
  for (let j = 0; j < Ts.length; j++) {
    lnT[j] = Math.log(alpha + Ts[j]);
    invT[j] = 1 / (alpha + Ts[j]);
  }
  const lnTx = new Float64Array(txs.length);
  const invTx = new Float64Array(txs.length);
  for (let j = 0; j < txs.length; j++) {
    lnTx[j] = Math.log(alpha + txs[j]);
    invTx[j] = 1 / (alpha + txs[j]);
  }
  for (let i = 0; i < weight.length; i++) {
    const k = ix[i];
    const rx = r + xs[k];
    const n = weight[i];
    const first = -rx * lnT[iT[i]];
    if (xs[k] === 0) {
      total += n * first;
      if (gradient) {
        dr -= n * lnT[iT[i]];
        dAlpha -= n * rx * invT[iT[i]];
      }
      continue;
    }
    const second = repeat[k] - rx * lnTx[itx[i]];
    // ln(e^first + e^second) and the share of the second, without overflow either way.
    const d = second - first;
    const e = Math.exp(-Math.abs(d));
    total += n * (Math.max(first, second) + Math.log1p(e));
    if (gradient) {
      const w = d > 0 ? 1 / (1 + e) : e / (1 + e);
      dr -= n * ((1 - w) * lnT[iT[i]] + w * lnTx[itx[i]]);
      dAlpha -= n * rx * ((1 - w) * invT[iT[i]] + w * invTx[itx[i]]);
      shareOfRepeat += n * w;
      db -= n * w * invRepeat[k];
    }
  }
  if (gradient) {
    // By the log-parameters: ∂/∂ln θ = θ ∂/∂θ (the rows' ∂/∂a = w/a times a is their share w).
    gradient[0] = r * dr;
    gradient[1] = alpha * dAlpha;
    gradient[2] = a * da + shareOfRepeat;
    gradient[3] = b * db;
  }
  return total;
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  customers: number;
  converged: boolean;
  /** Likelihood evaluations the fit took (each with its gradient): the bench reports them. */
  evaluations: number;
}

/**
 * Maximum likelihood on log-parameters (all four stay positive), from r = α = a = b = 1, by
 * quasi-Newton steps on the analytic gradient. Should that not converge, Nelder–Mead carries on from
 * where it stopped, and its verdict stands.
 */
export function fitBgNbd(data: Recency | PreparedRecency): BgNbdFit {
  const prepared = 'weight' in data ? data : prepareRecency(data);
  const toParams = (v: ArrayLike<number>): BgNbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) });
  // A shop whose customers hardly ever drop out drives a and b to infinity together (only their
  // ratio is identified): bounding the log-parameters stops the search at e^±12 instead of letting
  // it slide along that ridge for thousands of steps (e^12 ≈ 160,000: far past any rate, time scale or dropout a real shop shows). The predictions there are those of the limit.
  const fit = minimizeInBox(
    (v, gradient) => {
      const ll = bgnbdLogLikelihoodAndGradient(toParams(v), prepared, gradient);
      for (let j = 0; j < 4; j++) gradient[j] = -gradient[j];
      return -ll;
    },
    [0, 0, 0, 0],
  );
  return { params: toParams(fit.x), logLikelihood: -fit.value, customers: prepared.customers, converged: fit.converged, evaluations: fit.evaluations };
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
