import type { Sqlite } from '../db/open';

/**
 * The stamp a hybrid clock resumes after: the outbox's latest, or, once sync has emptied the outbox,
 * the latest it deleted (sync_state.hlc_floor). Stamps sort as text.
 */
export function lastStamp(sqlite: Sqlite): string | null {
  const row = sqlite.prepare("SELECT max(coalesce((SELECT max(hlc) FROM outbox), ''), coalesce((SELECT hlc_floor FROM sync_state WHERE id = 1), '')) AS hlc").get() as { hlc: string };
  return row.hlc || null;
}
