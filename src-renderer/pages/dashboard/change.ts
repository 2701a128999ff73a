/** The change of a figure against the previous period, for the ▲/▼ next to a KPI. */
export type Change = { kind: 'up' | 'down' | 'flat'; pct: number } | { kind: 'new' } | { kind: 'none' };

export function change(current: number, before: number): Change {
  if (before === 0) return current === 0 ? { kind: 'none' } : { kind: 'new' };
  const pct = ((current - before) / before) * 100;
  // Below half a percent reads as "no change" once rounded to one decimal anyway.
  if (Math.abs(pct) < 0.05) return { kind: 'flat', pct: 0 };
  return { kind: pct > 0 ? 'up' : 'down', pct: Math.abs(pct) };
}
