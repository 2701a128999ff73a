import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from './schema';

export type Sqlite = BetterSqlite3.Database;

/** How long a connection waits for another's write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Open the shop's SQLite file with the pragmas every connection needs (ARCHITECTURE rule 8).
 * WAL keeps readers and the job worker going while one writer commits; synchronous=FULL because a
 * power cut on a laptop must not lose a committed import.
 */
export function openSqlite(path: string): Sqlite {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // A million-row import leaves a WAL of several hundred MB; once checkpointed it is cut back to
  // this size instead of keeping that disk space until the app closes.
  sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  if (sqlite.pragma('foreign_keys', { simple: true }) !== 1) {
    sqlite.close();
    throw new Error('SQLite refused to enable foreign keys; the database cannot be used safely.');
  }
  return sqlite;
}

export function kyselyFor(sqlite: Sqlite): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
