import { listBackups, type BackupInfo } from './backup';
import { quickCheck } from './integrity';
import { checkHistory } from './migrate';
import { openSqlite, type Sqlite } from './open';

/** The file is not a readable database: one plain sentence, and the newest backup to restore. */
export class DatabaseDamagedError extends Error {
  readonly newestBackup: BackupInfo | undefined;
  constructor(
    dbPath: string,
    readonly detail: string,
  ) {
    const newest = listBackups(dbPath)[0];
    super(
      `The shop's database ${dbPath} is damaged and cannot be used (${detail}). Nothing was changed. ` +
        (newest ? `The newest backup is ${newest.file} (${newest.at.slice(0, 10)}): restore it.` : 'There is no backup of it in the backups folder.'),
    );
    this.name = 'DatabaseDamagedError';
    this.newestBackup = newest;
  }
}

/** SQLite's words for a file that is not a database or whose pages are broken. */
const DAMAGED_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

/** quick_check lists every broken page on a line of its own: the count and the first say enough. */
function summariseCheck(check: string): string {
  const problems = check.split('; ');
  return problems.length === 1 ? `integrity check: ${problems[0]}` : `integrity check: ${problems.length} problems, first: ${problems[0]}`;
}

/** When (performance.now()) each connection's file passed the check made as it was opened. */
const passedAtOpen = new WeakMap<Sqlite, number>();
/** How long that check stands in for a new one: `cli doctor` opens, then asks at once. */
const OPEN_CHECK_STANDS_MS = 60_000;

/** Records that `sqlite`'s file passed quick_check just now (here, or in the thread that prepared it). */
export function notePassedCheck(sqlite: Sqlite): void {
  passedAtOpen.set(sqlite, performance.now());
}

/**
 * Whether the check made at open passed under a minute ago, once: the first diagnostics call after
 * opening reports it rather than reading every page again (in a worker started for that alone,
 * most of what `cli doctor` took); any later call checks afresh.
 */
export function takeRecentOpenCheck(sqlite: Sqlite): boolean {
  const at = passedAtOpen.get(sqlite);
  passedAtOpen.delete(sqlite);
  return at !== undefined && performance.now() - at < OPEN_CHECK_STANDS_MS;
}

/** Opens the shop's file, refusing one whose migration history is not ours or whose pages are broken. */
export function openChecked(dbPath: string): Sqlite {
  try {
    const sqlite = openSqlite(dbPath, (s) => checkHistory(s));
    const check = quickCheck(sqlite);
    if (check !== 'ok') {
      sqlite.close();
      throw new DatabaseDamagedError(dbPath, summariseCheck(check));
    }
    notePassedCheck(sqlite);
    return sqlite;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && DAMAGED_CODES.has(code))
      throw new DatabaseDamagedError(dbPath, code === 'SQLITE_NOTADB' ? 'it is not an SQLite database' : 'its pages are broken');
    throw error;
  }
}
