import { statSync } from 'node:fs';
import type { HealthOutput } from '../../src-shared/schemas/system';
import type { AppServices } from '../core/context';
import { listBackups } from '../db/backup';
import { loadMigrations } from '../db/migrate';
import { takeRecentOpenCheck } from '../db/open-checked';
import { pendingEntries } from '../sync/batch';
import { readState } from '../sync/state';

const COUNTED = ['customers', 'transactions', 'products', 'users', 'activity_logs', 'outbox'] as const;

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** The diagnostics page and `cli doctor`: schema, integrity, size, counts, backups. */
export async function health(app: Pick<AppServices, 'db' | 'sqlite' | 'dbPath' | 'jobs'>): Promise<HealthOutput> {
  const migrations = await app.db.selectFrom('schema_migrations').select(['version', 'name', 'applied_at']).orderBy('version').execute();
  // Until a shop enrols its outbox (every change ever made) is not "waiting" for anything, so it
  // is neither counted nor shown; once enrolled, waiting is what the cloud has not acknowledged.
  const sync = readState(app.sqlite);
  const syncing = sync !== null;
  const counts: Record<string, number> = {};
  for (const table of COUNTED) {
    if (table === 'outbox' && !syncing) continue;
    const row = await app.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  const backup = listBackups(app.dbPath)[0] ?? null;
  return {
    schemaVersion: migrations.at(-1)?.version ?? 0,
    appSchemaVersion: loadMigrations().at(-1)?.version ?? 0,
    migrations,
    dbPath: app.dbPath,
    dbSizeBytes: fileSize(app.dbPath) + fileSize(`${app.dbPath}-wal`),
    // In a worker: on a big shop the check takes seconds, and the window must keep answering.
    integrity: takeRecentOpenCheck(app.sqlite) ? 'ok' : await app.jobs.run('db.check', {}, null).done,
    journalMode: String(app.sqlite.pragma('journal_mode', { simple: true })),
    foreignKeys: app.sqlite.pragma('foreign_keys', { simple: true }) === 1,
    counts,
    outboxPending: sync ? pendingEntries(app.sqlite, sync.acked) : null,
    lastBackup: backup,
    lastSync: sync?.lastSuccessAt ?? null,
  };
}
