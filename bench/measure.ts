/** Median milliseconds of `runs` calls after `warmup` unmeasured ones. */
export async function medianMs(fn: () => unknown, runs = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export interface BenchRow {
  suite: string;
  case: string;
  ms: number;
  baseline: string;
  baselineMs: number;
  /** ms ÷ baselineMs */
  ratio: number;
  goal: string;
}

export function row(suite: string, name: string, ms: number, baseline: string, baselineMs: number, goal: string): BenchRow {
  return { suite, case: name, ms: round(ms), baseline, baselineMs: round(baselineMs), ratio: round(ms / baselineMs), goal };
}

export const round = (n: number) => Math.round(n * 100) / 100;
