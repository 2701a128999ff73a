import type { Sqlite } from '../db/open';

/**
 * The stamp a hybrid clock resumes after: the outbox's latest, or, once sync has emptied the outbox,
 * the latest it deleted (sync_state.hlc_floor). Stamps sort as text.
 */
export function lastStamp(sqlite: Sqlite): string | null {
  const row = sqlite
    .prepare("SELECT max(coalesce((SELECT max(hlc) FROM outbox), ''), coalesce((SELECT hlc_floor FROM sync_state WHERE id = 1), '')) AS hlc")
    .get() as { hlc: string };
  return row.hlc || null;
}

/**
 * The node id this database's clock stamps with (migrations/0014), with a suffix for the thread
 * (`m` the main thread, `w` a job's worker): stable across restarts, distinct between threads.
 */
export function deviceNode(sqlite: Sqlite, thread: 'm' | 'w'): string {
  const row = sqlite.prepare('SELECT node FROM device_node WHERE id = 1').get() as { node: string } | undefined;
  return `${row?.node ?? 'unknown0'}${thread}`;
}
