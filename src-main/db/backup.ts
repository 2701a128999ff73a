import { closeSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Sqlite } from './open';

export interface BackupInfo {
  file: string;
  at: string;
  bytes: number;
}

/** Backups live next to the DB in `backups/`; the file name says why and when. */
export function backupsDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/** A consistent copy through SQLite's backup API: never a copy of the live file, which could tear. */
export async function backupDatabase(sqlite: Sqlite, dbPath: string, reason: string, now = new Date()): Promise<BackupInfo> {
  const dir = backupsDir(dbPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `${basename(dbPath, '.sqlite')}-${stamp}-${reason}.sqlite`);
  // Made readable by the owner only before SQLite writes into it, like the database itself.
  closeSync(openSync(file, 'wx', 0o600));
  await sqlite.backup(file);
  return { file, at: now.toISOString(), bytes: statSync(file).size };
}

/**
 * This database's backups, by their name: `<db name>-<UTC stamp>-<reason>.sqlite`. Several shop
 * files may share a folder (and so `backups/`); another shop's backup must never count as this
 * one's last backup, be rotated away by it, or be offered for restore.
 */
function ownBackupName(dbPath: string): RegExp {
  const base = basename(dbPath, '.sqlite').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${base}-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z-[a-z0-9-]+\\.sqlite$`);
}

export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupsDir(dbPath);
  const own = ownBackupName(dbPath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const name of names) {
    const stamp = own.exec(name);
    // When it was made is in its name: a copied or touched file keeps it.
    if (stamp)
      backups.push({ file: join(dir, name), at: `${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}.${stamp[5]}Z`, bytes: statSync(join(dir, name)).size });
  }
  return backups.sort((a, b) => b.at.localeCompare(a.at));
}

/** Daily automatic backup at start-up, keeping the newest `keep` of them. */
export async function autoBackup(sqlite: Sqlite, dbPath: string, now = new Date(), keep = 10): Promise<BackupInfo | null> {
  const existing = listBackups(dbPath);
  const newest = existing[0];
  if (newest && now.getTime() - Date.parse(newest.at) < 24 * 3600 * 1000) return null;
  const made = await backupDatabase(sqlite, dbPath, 'auto', now);
  const autos = listBackups(dbPath).filter((b) => b.file.endsWith('-auto.sqlite'));
  for (const old of autos.slice(keep)) rmSync(old.file, { force: true });
  return made;
}
