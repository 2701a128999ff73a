/**
 * Nelder–Mead simplex minimisation (Lagarias et al. 1998's standard coefficients), the method the
 * reference implementations of these models use on log-parameters. Small, dependency-free and
 * deterministic: the same data always gives the same fit.
 */
export interface Minimum {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export function nelderMead(f: (x: number[]) => number, start: number[], options: { maxIterations?: number; tolerance?: number; step?: number } = {}): Minimum {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 2000 * n;
  const tolerance = options.tolerance ?? 1e-10;
  const step = options.step ?? 0.5;
  const value = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex = [start, ...start.map((_, i) => start.map((s, j) => (i === j ? s + step : s)))].map((x) => ({ x, v: value(x) }));
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0];
    const worst = simplex[n];
    if (Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + tolerance) && spread(simplex.map((p) => p.x)) <= 1e-8) {
      return { x: best.x, value: best.v, iterations: iteration, converged: true };
    }
    const centroid = start.map((_, j) => simplex.slice(0, n).reduce((sum, p) => sum + p.x[j], 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (worst.x[j] - c));
    const reflected = along(-1);
    const vr = value(reflected);
    if (vr < best.v) {
      const expanded = along(-2);
      const ve = value(expanded);
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
    } else if (vr < simplex[n - 1].v) {
      simplex[n] = { x: reflected, v: vr };
    } else {
      const outside = vr < worst.v;
      const contracted = along(outside ? -0.5 : 0.5);
      const vc = value(contracted);
      if (vc < (outside ? vr : worst.v)) simplex[n] = { x: contracted, v: vc };
      else
        simplex = simplex
          .map((p, i) => (i === 0 ? p : { x: p.x.map((xj, j) => best.x[j] + 0.5 * (xj - best.x[j])), v: 0 }))
          .map((p, i) => (i === 0 ? p : { x: p.x, v: value(p.x) }));
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  return { x: simplex[0].x, value: simplex[0].v, iterations: maxIterations, converged: false };
}

function spread(points: number[][]): number {
  let widest = 0;
  for (let j = 0; j < points[0].length; j++) {
    const column = points.map((p) => p[j]);
    widest = Math.max(widest, Math.max(...column) - Math.min(...column));
  }
  return widest;
}
