/**
 * Quasi-Newton (BFGS) minimisation in a box |xᵢ| ≤ bound, with the gradient supplied. The fits
 * are smooth likelihoods in three or four log-parameters: BFGS reaches the optimum in a few dozen
 * evaluations where Nelder–Mead takes hundreds, and each evaluation over a whole shop costs
 * milliseconds. The box is kept by projection: a coordinate at its bound with the gradient pushing
 * outwards is held there (the fits' ridges, where two parameters run off to infinity together,
 * end at the bound as they did under Nelder–Mead). Deterministic: the same data gives the same fit.
 */
import type { Minimum } from './nelder-mead';

/** Value of the function at x, its gradient written into `gradient`. */
export type ValueAndGradient = (x: Float64Array, gradient: Float64Array) => number;

export interface QuasiNewtonOptions {
  bound: number;
  maxIterations?: number;
  /** Converged when every free gradient component is below this × (1 + |f|). */
  gradientTolerance?: number;
}

/** Relative to |f|: a decrease this small is below the last digits of a sum over a shop's customers. */
const PROMISE_TOLERANCE = 1e-11;

export function quasiNewton(f: ValueAndGradient, start: number[], options: QuasiNewtonOptions): Minimum & { evaluations: number } {
  const n = start.length;
  const { bound } = options;
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.gradientTolerance ?? 1e-9;
  let evaluations = 0;
  const evaluate = (x: Float64Array, g: Float64Array) => {
    evaluations++;
    const v = f(x, g);
    return Number.isFinite(v) && g.every(Number.isFinite) ? v : Infinity;
  };
  const clamp = (v: number) => Math.min(bound, Math.max(-bound, v));
  let x = Float64Array.from(start, clamp);
  let g = new Float64Array(n);
  let value = evaluate(x, g);
  if (value === Infinity) return { x: [...x], value, iterations: 0, converged: false, evaluations };
  // The inverse Hessian's estimate; identity until the first step gives it a scale.
  let H = identity(n);
  let scaled = false;
  let updates = 0;
  const free = new Array<boolean>(n).fill(true);
  let wasFree = [...free];
  const direction = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // A coordinate at its bound whose gradient points out of the box stays where it is.
    // (Within a millionth of it counts as there: along a ridge the last steps towards the bound are
    // too small to change the function in its last digit, and would be retried forever.)
    let largest = 0;
    for (let j = 0; j < n; j++) {
      free[j] = !((x[j] >= bound - 1e-6 && g[j] < 0) || (x[j] <= -bound + 1e-6 && g[j] > 0));
      if (free[j]) largest = Math.max(largest, Math.abs(g[j]));
    }
    if (largest <= tolerance * (1 + Math.abs(value))) return { x: [...x], value, iterations: iteration, converged: true, evaluations };
    if (free.some((f, j) => f !== wasFree[j])) {
      // A coordinate came to (or left) its bound: the curvature learnt with it free no longer holds.
      H = identity(n);
      scaled = false;
      updates = 0;
      wasFree = [...free];
    }
    let slope = 0;
    for (let j = 0; j < n; j++) {
      direction[j] = 0;
      if (!free[j]) continue;
      for (let l = 0; l < n; l++) if (free[l]) direction[j] -= H[j][l] * g[l];
      slope += direction[j] * g[j];
    }
    if (!(slope < 0)) {
      // The estimate lost its way (rounding): start it again from the gradient.
      H = identity(n);
      scaled = false;
      updates = 0;
      slope = 0;
      for (let j = 0; j < n; j++) {
        direction[j] = free[j] ? -g[j] : 0;
        slope -= direction[j] * direction[j];
      }
    }
    // Converged also when the quadratic model, once it has learnt the curvature in every direction,
    // promises less than the function's last digits (½ gᵀH g: scale-free, where a gradient test on a
    // stiff likelihood over 100,000 customers asks for more digits than a double holds).
    if (updates >= n && -0.5 * slope <= PROMISE_TOLERANCE * (1 + Math.abs(value)))
      return { x: [...x], value, iterations: iteration, converged: true, evaluations };
    // Before the first update the direction is the raw gradient: a first step of at most one unit in log-parameters.
    let t = scaled ? 1 : Math.min(1, 1 / largest);
    const next = new Float64Array(n);
    const nextGradient = new Float64Array(n);
    let nextValue = Infinity;
    let accepted = false;
    for (let halving = 0; halving < 40; halving++) {
      let decrease = 0;
      for (let j = 0; j < n; j++) {
        next[j] = clamp(x[j] + t * direction[j]);
        decrease += g[j] * (next[j] - x[j]);
      }
      nextValue = evaluate(next, nextGradient);
      // Armijo's sufficient decrease along the projected step.
      if (nextValue <= value + 1e-4 * decrease) {
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    // No step lowers the function: it has promised more than it can give, a failure.
    if (!accepted) return { x: [...x], value, iterations: iteration, converged: false, evaluations };
    const s = next.map((v, j) => v - x[j]);
    // The curvature of the free coordinates only: a held one has s = 0 and its y would mislead.
    const y = nextGradient.map((v, j) => (free[j] ? v - g[j] : 0));
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (!scaled) {
        // Shanno's scaling of the first estimate: the curvature seen along the first step.
        H = identity(n).map((row) => row.map((v) => (v * sy) / dot(y, y)));
        scaled = true;
      }
      H = bfgsUpdate(H, s, y, sy);
      updates++;
    }
    x = next;
    g = nextGradient;
    value = nextValue;
  }
  return { x: [...x], value, iterations: maxIterations, converged: false, evaluations };
}

/** H⁺ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / yᵀs. */
function bfgsUpdate(H: number[][], s: Float64Array, y: Float64Array, sy: number): number[][] {
  const rho = 1 / sy;
  const Hy = H.map((row) => dot(row, y));
  const yHy = dot(y, Hy);
  return H.map((row, i) => row.map((v, j) => v - rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j]));
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function dot(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += p[i] * q[i];
  return sum;
}
