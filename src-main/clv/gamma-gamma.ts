import { minimizeInBox } from './minimize';
import { digamma, lnGamma, lnGammaRatio } from './special';

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader &
 * Hardie's note on it): a customer's transaction values vary around their own mean, gamma(p, ν),
 * and those means vary across customers, ν ~ gamma(q, γ). Fitted on customers with repeat
 * purchases: x repeat transactions with average value m.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, x: Float64Array, m: Float64Array): number {
  return gammaGammaLogLikelihoodAndGradient(params, prepareSpend(x, m), null);
}

/**
 * The repeat buyers as the likelihood reads them: each one's x and total repeat value s = m·x, the
 * customers per distinct x (the ln Γ terms depend on x alone), and the sums that do not depend on
 * the parameters at all.
 */
export interface PreparedSpend {
  x: Float64Array;
  total: Float64Array;
  xs: Float64Array;
  weightOfX: Float64Array;
  /** Σ x (ln m + ln x) and Σ ln m. */
  xLnMX: number;
  lnM: number;
}

export function prepareSpend(x: Float64Array, m: Float64Array): PreparedSpend {
  const counts = new Map<number, number>();
  let xLnMX = 0;
  let lnM = 0;
  for (let i = 0; i < x.length; i++) {
    counts.set(x[i], (counts.get(x[i]) ?? 0) + 1);
    xLnMX += x[i] * (Math.log(m[i]) + Math.log(x[i]));
    lnM += Math.log(m[i]);
  }
  return { x, total: x.map((xi, i) => xi * m[i]), xs: Float64Array.from(counts.keys()), weightOfX: Float64Array.from(counts.values()), xLnMX, lnM };
}

/**
 * The log-likelihood and, when `gradient` is given, its derivatives by ln p, ln q, ln γ. Per customer
 *   ln L = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ+mx),
 * written with ℓ = ln(1 + s/γ) as … − q ℓ − px (ln γ + ℓ): q ln γ and (px+q) ln(γ+s) are both huge
 * where spend barely varies between customers (q and γ in the hundred thousands), their difference
 * is not (nor is ln Γ(px+q) − ln Γ(q): lnGammaRatio). One log1p per customer per evaluation; the ln Γ and ψ terms once per distinct x.
 */
export function gammaGammaLogLikelihoodAndGradient({ p, q, gamma }: GammaGammaParams, data: PreparedSpend, gradient: Float64Array | null): number {
  const { x, total: s, xs, weightOfX } = data;
  const lnG = Math.log(gamma);
  let total = p * data.xLnMX - data.lnM;
  let dp = data.xLnMX;
  let dq = 0;
  let dLnGamma = 0;
  const psiQ = gradient ? digamma(q) : 0;
  for (let k = 0; k < xs.length; k++) {
    const px = p * xs[k];
    total += weightOfX[k] * (lnGammaRatio(q, px) - lnGamma(px));
    if (gradient) {
      const psiPXQ = digamma(px + q);
      dp += weightOfX[k] * xs[k] * (psiPXQ - digamma(px));
      dq += weightOfX[k] * (psiPXQ - psiQ);
    }
  }
  for (let i = 0; i < x.length; i++) {
    const l = Math.log1p(s[i] / gamma);
    const px = p * x[i];
    total -= q * l + px * (lnG + l);
    if (gradient) {
      dp -= x[i] * (lnG + l);
      dq -= l;
      // γ ∂/∂γ of q ln γ − (px+q) ln(γ+s), over one fraction so neither huge term is formed.
      dLnGamma += (q * s[i] - px * gamma) / (gamma + s[i]);
    }
  }
  if (gradient) {
    gradient[0] = p * dp;
    gradient[1] = q * dq;
    gradient[2] = dLnGamma;
  }
  return total;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  customers: number;
  converged: boolean;
  /** Likelihood evaluations the fit took (each with its gradient): the bench reports them. */
  evaluations: number;
}

/**
 * Maximum likelihood on log-parameters, as BG/NBD is (minimizeInBox). γ starts at the mean spend, so
 * the fit does not depend on the currency's scale: the same sales in cents give the same p and q
 * and γ × 100. Spend that barely varies between customers sends q and γ to infinity together: the
 * box bounds them as it bounds BG/NBD's a and b.
 */
export function fitGammaGamma(x: Float64Array, m: Float64Array): GammaGammaFit {
  const data = prepareSpend(x, m);
  const meanSpend = m.reduce((s, v) => s + v, 0) / Math.max(1, m.length);
  const scale = Math.log(meanSpend);
  // The coordinates are ln p, ln q and ln(γ/q): where spend barely varies between customers, q and γ
  // grow together with γ/q (about the shop's mean rate) fixed, a ridge that in ln q and ln γ is a
  // narrow diagonal valley the search crawls along; in these it runs along one axis.
  const toParams = (v: ArrayLike<number>): GammaGammaParams => ({ p: Math.exp(v[0]), q: Math.exp(v[1]), gamma: Math.exp(v[1] + v[2] + scale) });
  const fit = minimizeInBox(
    (v, gradient) => {
      const ll = gammaGammaLogLikelihoodAndGradient(toParams(v), data, gradient);
      // By ln q with γ/q held: the derivative by ln q plus the one by ln γ.
      gradient[1] += gradient[2];
      for (let j = 0; j < 3; j++) gradient[j] = -gradient[j];
      return -ll;
    },
    [0, 0, 0],
  );
  return { params: toParams(fit.x), logLikelihood: -fit.value, customers: x.length, converged: fit.converged, evaluations: fit.evaluations };
}

/** E[M | x, m]: the customer's expected value per transaction, pulled towards the shop's mean. */
export function expectedAverageValue({ p, q, gamma }: GammaGammaParams, x: number, m: number): number {
  return (p * (gamma + m * x)) / (p * x + q - 1);
}
