/**
 * The special functions the BG/NBD and Gamma-Gamma models need, in log space so that a customer with
 * hundreds of purchases or a shop open for years neither overflows nor loses every digit.
 */

// Lanczos approximation, g = 7, n = 9 (Numerical Recipes' coefficients): about 15 significant digits.
const G = 7;
const C = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let sum = C[0];
  for (let i = 1; i < G + 2; i++) sum += C[i] / (z + i);
  const t = z + G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/**
 * ln ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, the case the BG/NBD's expected purchases meet
 * (every term of the series is positive). For a customer with many purchases the terms rise by a
 * factor near x·z before they fall, far past what a double holds: the sum is kept in plain numbers
 * (scoring a shop takes millions of these series, and a logarithm per term made it seconds) and
 * divided down, its logarithm set aside, whenever it nears the top of the range.
 */
export function lnHyp2f1(a: number, b: number, c: number, z: number): number {
  if (c < 0 && !Number.isInteger(c) && z >= 0 && z < 1) return Math.log(hyp2f1NegativeC(a, b, c, z));
  if (!(a > 0 && b > 0 && c > 0) || !(z >= 0 && z < 1)) throw new RangeError(`hyp2f1 outside its domain: a=${a} b=${b} c=${c} z=${z}`);
  if (z === 0) return 0;
  let term = 1;
  let sum = 1;
  let lnScale = 0;
  for (let k = 0; k < 1_000_000; k++) {
    term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    sum += term;
    if (sum > 1e250) {
      lnScale += Math.log(sum);
      term /= sum;
      sum = 1;
    }
    // Past the peak (ratio < 1) the rest is at most a geometric tail: stop once it cannot matter.
    const ratio = ((a + k + 1) * (b + k + 1) * z) / ((c + k + 1) * (k + 2));
    if (ratio < 1 && term < 1e-16 * sum * (1 - ratio)) return lnScale + Math.log(sum);
  }
  throw new Error(`hyp2f1 did not converge: a=${a} b=${b} c=${c} z=${z}`);
}

/**
 * ₂F₁ for c < 0 (not an integer), which the BG/NBD meets for a one-time buyer (x = 0) when a + b < 1:
 * c = a + b + x − 1. The first terms change sign, so the sum is taken as it is, not in logs; it only
 * arises for x = 0, where a and b are below 1 and the terms cannot grow large. It may be zero or
 * negative: callers that need it so use this, not the logarithm.
 */
export function hyp2f1NegativeC(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 1_000_000; k++) {
    term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    sum += term;
    const ratio = Math.abs(((a + k + 1) * (b + k + 1) * z) / ((c + k + 1) * (k + 2)));
    if (c + k + 1 > 0 && ratio < 1 && Math.abs(term) <= 1e-16 * Math.abs(sum) * (1 - ratio)) return sum;
  }
  throw new Error(`hyp2f1 did not converge: a=${a} b=${b} c=${c} z=${z}`);
}

/**
 * ψ(x) = d ln Γ(x) / dx for x > 0, which the likelihoods' gradients need. Shifted up by
 * ψ(x) = ψ(x + 1) − 1/x until x ≥ 10, then the asymptotic series (error below 1e-13 there).
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))));
  return shift + Math.log(x) - 0.5 / x - series;
}

/**
 * ln Γ(z + y) − ln Γ(z) for z > 0, y ≥ 0. Taken as that difference it loses every digit when z is
 * large (a fit running along a ridge meets z ≈ 160,000, where each ln Γ is near 1.8 million and the
 * difference a few hundred): from z = 10 on, Stirling's series is differenced term by term instead.
 */
export function lnGammaRatio(z: number, y: number): number {
  if (y === 0) return 0;
  if (z < 10) return lnGamma(z + y) - lnGamma(z);
  const w = z + y;
  return (z - 0.5) * Math.log1p(y / z) + y * Math.log(w) - y + stirlingTail(w) - stirlingTail(z);
}

/** ln Γ(w) − [(w − ½) ln w − w + ½ ln 2π] for w ≥ 10, below 1e-14 off. */
function stirlingTail(w: number): number {
  const inv2 = 1 / (w * w);
  return (1 / w) * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 * (1 / 1188 - inv2 * (691 / 360360))))));
}
