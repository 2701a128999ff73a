import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, constants, copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { backupDatabase, backupsDir, listBackups, type BackupInfo } from './backup';
import { quickCheck } from './integrity';
import { checkHistory, currentVersion, loadMigrations, migrate, type Migration } from './migrate';
import type { Sqlite } from './open';

export interface BackupSummary extends BackupInfo {
  /** Schema version, or null when the file cannot be read as a shop database. */
  schemaVersion: number | null;
  customers: number | null;
  transactions: number | null;
  products: number | null;
}

/** Why a backup cannot be restored, in words the owner can act on. */
export class RestoreRefused extends Error {
  constructor(
    readonly reason: 'missing' | 'damaged' | 'notShop' | 'tooNew' | 'changedHistory',
    readonly detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
    this.name = 'RestoreRefused';
  }
}

function openReadOnly(file: string): BetterSqlite3.Database {
  return new BetterSqlite3(file, { readonly: true, fileMustExist: true });
}

const COUNTS = {
  customers: 'SELECT COUNT(*) AS n FROM customers',
  transactions: 'SELECT COUNT(*) AS n FROM transactions',
  products: 'SELECT COUNT(*) AS n FROM products',
} as const;

function count(db: BetterSqlite3.Database, table: keyof typeof COUNTS): number | null {
  try {
    return (db.prepare(COUNTS[table]).get() as { n: number }).n;
  } catch {
    return null;
  }
}

/** Every backup of this shop, newest first, with what it holds, read without changing it. */
export function describeBackups(dbPath: string): BackupSummary[] {
  return listBackups(dbPath).map((backup) => {
    try {
      const db = openReadOnly(backup.file);
      try {
        return {
          ...backup,
          schemaVersion: currentVersion(db),
          customers: count(db, 'customers'),
          transactions: count(db, 'transactions'),
          products: count(db, 'products'),
        };
      } finally {
        db.close();
      }
    } catch {
      return { ...backup, schemaVersion: null, customers: null, transactions: null, products: null };
    }
  });
}

function outboxSequence(db: BetterSqlite3.Database): number {
  const row = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

/** The backup must be a readable shop database this app may open; checked without writing to it. */
function verifyBackup(file: string, migrations: Migration[]): void {
  if (!existsSync(file)) throw new RestoreRefused('missing', file);
  let db: BetterSqlite3.Database;
  try {
    db = openReadOnly(file);
  } catch (error) {
    throw new RestoreRefused('damaged', String((error as Error).message));
  }
  try {
    // quick_check, not integrity_check: the full check of a million-sale shop takes minutes, and
    // quick_check reads every page and b-tree (what a torn or truncated copy breaks).
    const check = (() => {
      try {
        return quickCheck(db);
      } catch (error) {
        return String((error as Error).message);
      }
    })();
    if (check !== 'ok') throw new RestoreRefused('damaged', check.split('; ')[0]);
    if (currentVersion(db) === 0) throw new RestoreRefused('notShop');
    try {
      checkHistory(db, migrations);
    } catch (error) {
      throw new RestoreRefused((error as Error).name === 'DatabaseTooNewError' ? 'tooNew' : 'changedHistory', (error as Error).message);
    }
  } finally {
    db.close();
  }
}

export interface Restored {
  from: string;
  /** The consistent copy of the database as it was just before, made first. */
  previous: BackupInfo;
  migratedFrom: number;
}

/**
 * Replaces the shop's data with a backup's, on the open connection, without closing it.
 *
 * The backup is verified first (readable, pages sound, a shop database this app may open), then
 * the current state is saved by the backup API like any backup, then SQLite's backup API copies
 * the backup's pages into the live database in one write transaction: every connection sees the
 * old data or the new, never a mix, and no -wal/-shm file is moved, copied or left stale (copying
 * files by hand beside a live -wal is what corrupts). A backup from an older schema is migrated.
 *
 * The outbox's sequence is kept at the higher of the two: a later sync must never send a sequence
 * number it already sent before the restore (SYNC.md T6).
 */
export async function restoreBackup(sqlite: Sqlite, dbPath: string, backupFile: string, now: Date, migrations = loadMigrations()): Promise<Restored> {
  verifyBackup(backupFile, migrations);
  const previous = await backupDatabase(sqlite, dbPath, 'pre-restore', now);
  const sequence = outboxSequence(sqlite);
  const source = openReadOnly(backupFile);
  try {
    await source.backup(dbPath);
  } finally {
    source.close();
  }
  const { from } = await migrate(sqlite, dbPath, migrations, () => now);
  sqlite
    .prepare(`INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'outbox');`)
    .run(sequence);
  sqlite.prepare("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'outbox'").run(sequence);
  return { from: backupFile, previous, migratedFrom: from };
}

/**
 * Puts a backup in place of a database that cannot be opened at all (damaged: no connection, no
 * backup API). The damaged file and its -wal/-shm are moved into the backups folder under a name
 * that says so, never deleted; the backup is copied in, readable by the owner only. The caller
 * then opens the database as usual (and so migrates it).
 */
export function replaceDamaged(dbPath: string, backupFile: string, now: Date, migrations = loadMigrations()): { from: string; movedAside: string } {
  verifyBackup(backupFile, migrations);
  const dir = backupsDir(dbPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const movedAside = join(dir, `${basename(dbPath, '.sqlite')}-damaged-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${dbPath}${suffix}`)) renameSync(`${dbPath}${suffix}`, `${movedAside}${suffix}`);
  copyFileSync(backupFile, dbPath, constants.COPYFILE_EXCL);
  chmodSync(dbPath, 0o600);
  return { from: backupFile, movedAside };
}
