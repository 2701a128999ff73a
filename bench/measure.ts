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

/**
 * Median milliseconds of each function, measured in turns (a, b, c, a, b, c, …) rather than one
 * after the other: this machine's speed drifts by tens of percent over minutes, and a ratio of two
 * figures taken minutes apart measures the drift as much as the code.
 */
export async function interleavedMedians<K extends string>(fns: Record<K, () => unknown>, runs = 5, warmup = 1): Promise<Record<K, number>> {
  const names = Object.keys(fns) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < warmup + runs; i++) {
    for (const name of names) {
      const start = performance.now();
      await fns[name]();
      if (i >= warmup) times[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((name) => [name, times[name].sort((a, b) => a - b)[Math.floor(runs / 2)]])) as Record<K, number>;
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
  /** Whether the figures meet every bound the goal names; '-' when it names none. */
  met: 'met' | 'missed' | '-';
}

export function row(suite: string, name: string, ms: number, baseline: string, baselineMs: number, goal: string): BenchRow {
  const ratio = ms / baselineMs;
  return { suite, case: name, ms: round(ms), baseline, baselineMs: round(baselineMs), ratio: round(ratio), goal, met: verdict(goal, ms, ratio) };
}

/**
 * Reads the bounds a goal is written with — `≤ 600 ms`, `< 2 s`, `≤ 2×` (a ratio to the baseline),
 * several joined by anything (`≤ 2× and ≤ 8 s`) — and checks the figures against all of them. A goal
 * stays a sentence a person reads in the table; this only saves reading every row by eye.
 */
export function verdict(goal: string, ms: number, ratio: number): BenchRow['met'] {
  const bounds = [...goal.matchAll(/([<≤])\s*(\d+(?:[.,]\d+)?)\s*(ms|s|×)/g)];
  if (bounds.length === 0) return '-';
  const ok = bounds.every(([, op, number, unit]) => {
    const limit = Number(number.replace(',', '.'));
    const value = unit === '×' ? ratio : unit === 's' ? ms / 1000 : ms;
    return op === '<' ? value < limit : value <= limit;
  });
  return ok ? 'met' : 'missed';
}

export const round = (n: number) => Math.round(n * 100) / 100;
