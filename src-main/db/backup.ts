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

export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupsDir(dbPath);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.sqlite'));
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const stat = statSync(join(dir, name));
      return { file: join(dir, name), at: stat.mtime.toISOString(), bytes: stat.size };
    })
    .sort((a, b) => b.at.localeCompare(a.at));
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
