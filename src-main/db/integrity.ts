import type { Sqlite } from './open';

/** `quick_check` at every start (fast, catches most damage); the full check on the health page. */
export function quickCheck(sqlite: Sqlite): string {
  const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
  return rows.map((r) => r.quick_check).join('; ');
}

export function integrityCheck(sqlite: Sqlite): string {
  const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}
