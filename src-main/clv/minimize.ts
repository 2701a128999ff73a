import { nelderMead, type Minimum } from './nelder-mead';
import { quasiNewton, type ValueAndGradient } from './quasi-newton';

/** How far the fits search, in natural-log units of each parameter. */
export const LOG_BOUND = 12;

/**
 * How the fits minimise a negative log-likelihood over log-parameters within ±LOG_BOUND:
 * quasi-Newton steps on the analytic gradient (a few dozen evaluations). Should they not converge,
 * Nelder–Mead, which needs no gradient, carries on from where they stopped, and its verdict
 * stands: a fit is reported converged only when one of the two says so.
 */
export function minimizeInBox(f: ValueAndGradient, start: number[]): Minimum & { evaluations: number } {
  const fast = quasiNewton(f, start, { bound: LOG_BOUND });
  if (fast.converged) return fast;
  const scratch = new Float64Array(start.length);
  let evaluations = fast.evaluations;
  const value = (v: number[]) => {
    evaluations++;
    return v.some((p) => Math.abs(p) > LOG_BOUND) ? Infinity : f(Float64Array.from(v), scratch);
  };
  const slow = nelderMead(value, fast.value < Infinity ? fast.x : start);
  const polished = nelderMead(value, slow.x, { step: 0.1 });
  return { ...polished, evaluations };
}
