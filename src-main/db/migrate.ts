import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsDir } from '../paths';
import { backupDatabase } from './backup';
import type { Sqlite } from './open';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class DatabaseTooNewError extends Error {
  constructor(
    readonly dbVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This database was written by a newer version of Smart Marketing Agent (schema ${dbVersion}; this app knows up to ${appVersion}). ` +
        'It was not changed. Update the app to open it.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * A step this database recorded is not the one this app ships under that number: the file was
 * edited after it shipped, or the database comes from another build. Running the app's later
 * steps on top could leave a schema neither version knows, so nothing is done.
 */
export class MigrationChangedError extends Error {
  constructor(
    readonly recorded: string,
    readonly shipped: string | null,
  ) {
    super(
      `This database was set up by another version of Smart Marketing Agent: its schema step ${recorded} ` +
        `${shipped === recorded ? 'differs from' : 'is not'} the one this app has${shipped && shipped !== recorded ? ` (${shipped})` : ''}. ` +
        'It was not changed. Open it with the version that created it, or restore a backup made by this version.',
    );
    this.name = 'MigrationChangedError';
  }
}

/**
 * A step the app ships below the database's newest was never recorded: the database came from a
 * build without it (two steps numbered in another order than they landed). The app only runs steps
 * above the newest, so it would never run this one and nothing would say so.
 */
export class MigrationMissingError extends Error {
  constructor(readonly missing: string) {
    super(
      `This database was set up by another version of Smart Marketing Agent: it never took the schema step ${missing}, ` +
        'which this app has below its newest step. It was not changed. Open it with the version that created it, or restore a backup made by this version.',
    );
    this.name = 'MigrationMissingError';
  }
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return { version: Number(file.slice(0, 4)), name: file, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export function currentVersion(sqlite: Sqlite): number {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return 0;
  const row = sqlite.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Refuse a database this app must not touch, before anything is written: one from a newer app, or
 * one whose recorded steps differ (by name or checksum) from the files this app ships, as Actual
 * Budget's checkDatabaseValidity does. Shipped migration files are pinned in a test, so an edit of
 * one fails CI instead of locking users out.
 */
export function checkHistory(sqlite: Sqlite, migrations = loadMigrations()): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const from = currentVersion(sqlite);
  if (from > latest) throw new DatabaseTooNewError(from, latest);
  if (from === 0) return;
  const applied = sqlite.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
    checksum: string;
  }[];
  for (const row of applied) {
    const shipped = migrations.find((m) => m.version === row.version);
    if (!shipped || shipped.name !== row.name || shipped.checksum !== row.checksum) throw new MigrationChangedError(row.name, shipped?.name ?? null);
  }
  const recorded = new Set(applied.map((row) => row.version));
  const missing = migrations.find((m) => m.version < from && !recorded.has(m.version));
  if (missing) throw new MigrationMissingError(missing.name);
}

/**
 * Bring the DB to the newest schema: each migration in its own transaction, recorded in
 * schema_migrations. A DB that already holds data is backed up first. A DB from a newer app is
 * refused before anything is written.
 */
export async function migrate(
  sqlite: Sqlite,
  dbPath: string,
  migrations = loadMigrations(),
  now = () => new Date(),
): Promise<{ from: number; to: number; backup: string | null }> {
  checkHistory(sqlite, migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const from = currentVersion(sqlite);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, backup: null };

  let backup: string | null = null;
  if (from > 0 && dbPath !== ':memory:') backup = (await backupDatabase(sqlite, dbPath, `pre-migrate-${latest}`, now())).file;

  sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const record = sqlite.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  for (const m of pending) {
    sqlite.transaction(() => {
      sqlite.exec(m.sql);
      record.run(m.version, m.name, m.checksum, now().toISOString());
    })();
  }
  return { from, to: latest, backup };
}
