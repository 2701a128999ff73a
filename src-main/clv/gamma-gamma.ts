import { lnGamma } from './special';
import { LOG_BOUND } from './bgnbd';
import { nelderMead } from './nelder-mead';

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

export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGammaParams, x: Float64Array, m: Float64Array): number {
  const lnGammaQ = lnGamma(q);
  const qLnGamma = q * Math.log(gamma);
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const px = p * x[i];
    total += lnGamma(px + q) - lnGamma(px) - lnGammaQ + qLnGamma + (px - 1) * Math.log(m[i]) + px * Math.log(x[i]) - (px + q) * Math.log(gamma + m[i] * x[i]);
  }
  return total;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  customers: number;
  converged: boolean;
}

/**
 * Maximum likelihood on log-parameters. γ starts at the mean spend, so the fit does not depend on
 * the currency's scale: the same sales in cents give the same p and q and γ × 100.
 */
export function fitGammaGamma(x: Float64Array, m: Float64Array): GammaGammaFit {
  const meanSpend = m.reduce((s, v) => s + v, 0) / Math.max(1, m.length);
  const scale = Math.log(meanSpend);
  const toParams = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0]), q: Math.exp(v[1]), gamma: Math.exp(v[2] + scale) });
  // Spend that barely varies between customers sends q and γ to infinity together: bounded as BG/NBD is.
  const objective = (v: number[]) => (v.some((p) => Math.abs(p) > LOG_BOUND) ? Infinity : -gammaGammaLogLikelihood(toParams(v), x, m));
  const first = nelderMead(objective, [0, 0, 0]);
  const polished = nelderMead(objective, first.x, { step: 0.1 });
  return { params: toParams(polished.x), logLikelihood: -polished.value, customers: x.length, converged: polished.converged };
}

/** E[M | x, m]: the customer's expected value per transaction, pulled towards the shop's mean. */
export function expectedAverageValue({ p, q, gamma }: GammaGammaParams, x: number, m: number): number {
  return (p * (gamma + m * x)) / (p * x + q - 1);
}
