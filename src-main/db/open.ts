import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from './schema';

export type Sqlite = BetterSqlite3.Database;

/** How long a connection waits for another's write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Open the shop's SQLite file with the pragmas every connection needs (ARCHITECTURE rule 8).
 * WAL keeps readers and the job worker going while one writer commits; synchronous=FULL because a
 * power cut on a laptop must not lose a committed import.
 *
 * `check` runs before anything is written: switching to WAL rewrites the file's header, so a file
 * that is to be refused (written by a newer app, or with a changed schema history) is refused
 * before that and stays as it was.
 */
export function openSqlite(path: string, check?: (sqlite: Sqlite) => void): Sqlite {
  if (path !== ':memory:') createPrivately(path);
  const sqlite = new BetterSqlite3(path);
  try {
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    check?.(sqlite);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // A million-row import leaves a WAL of several hundred MB; once checkpointed it is cut back to
    // this size instead of keeping that disk space until the app closes.
    sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
    if (sqlite.pragma('foreign_keys', { simple: true }) !== 1) throw new Error('SQLite refused to enable foreign keys; the database cannot be used safely.');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return sqlite;
}

/**
 * A new database file is readable by its owner only (0600; SQLite gives its -wal and -shm files
 * the same mode), and so is a new folder for it: the shop's customers are personal data.
 */
function createPrivately(path: string): void {
  if (existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
}

export function kyselyFor(sqlite: Sqlite): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
