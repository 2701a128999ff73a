import { closeSync, copyFileSync, existsSync, openSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { App } from '../app';
import { write } from '../core/write';
import { backupsDir } from '../db/backup';
import { describeBackups, replaceDamaged, RestoreRefused } from '../db/restore';
import type { Values } from './args';
import { CliError, table, type Call } from './io';
import { say } from './messages';

export interface RestoreArgs {
  from: string | undefined;
  json: boolean;
}

export const restoreArgs = (values: Values): RestoreArgs => ({ from: values.from ?? undefined, json: Boolean(values.json) });

/** Without --from: this shop's backups, newest first, with what each holds. */
export function listRestorable(dbPath: string, json: boolean): void {
  const backups = describeBackups(dbPath).map((b) => ({
    name: basename(b.file),
    at: b.at,
    bytes: b.bytes,
    customers: b.customers,
    transactions: b.transactions,
  }));
  if (json) {
    console.log(JSON.stringify(backups));
    return;
  }
  if (backups.length === 0) {
    console.log(say('restore.none', { folder: backupsDir(dbPath) }));
    return;
  }
  const [when, name, size, customers, sales] = say('restore.columns').split(',');
  const show = (n: number | null) => (n === null ? '?' : String(n));
  console.log(
    table(
      backups.map((b) => ({
        [when]: b.at.slice(0, 19).replace('T', ' '),
        [name]: b.name,
        [size]: `${(b.bytes / 1024 / 1024).toFixed(1)} MB`,
        [customers]: show(b.customers),
        [sales]: show(b.transactions),
      })),
      [when, name, size, customers, sales],
    ),
  );
  console.log(say('restore.how'));
}

/**
 * `--from`: a backup's name in the backups folder, or a path to a backup elsewhere. A file from
 * elsewhere is first copied into the backups folder under a backup's name, so that the restore
 * goes the one way the health page's does (health.restore) and the file stays with the shop's
 * backups; if it is refused, the copy goes again.
 */
/** `--from` as one of this shop's backups: by its name, or by its path in the backups folder. */
function ownBackup(dbPath: string, from: string): string | undefined {
  return describeBackups(dbPath).find((b) => basename(b.file) === from || b.file === resolve(from))?.file;
}

export function backupToRestore(dbPath: string, from: string, now: Date): { name: string; copied: boolean } {
  const own = ownBackup(dbPath, from);
  if (own) return { name: basename(own), copied: false };
  const path = resolve(from);
  if (!existsSync(path)) throw new CliError(say('restore.noFile', { file: from, folder: backupsDir(dbPath) }));
  const name = `${basename(dbPath, '.sqlite')}-${now.toISOString().replace(/[:.]/g, '-')}-copied.sqlite`;
  const target = join(backupsDir(dbPath), name);
  closeSync(openSync(target, 'wx', 0o600));
  copyFileSync(path, target);
  return { name, copied: true };
}

export async function restoreCommand(app: App, call: Call, dbPath: string, args: RestoreArgs): Promise<void> {
  if (!args.from) return listRestorable(dbPath, args.json);
  const { name, copied } = backupToRestore(dbPath, args.from, app.services.clock.now());
  try {
    const done = await call('health.restore', { name });
    console.log(args.json ? JSON.stringify(done) : say('restore.done', { name: done.restoredFrom, previous: done.previous }));
  } catch (error) {
    if (copied) rmSync(join(backupsDir(dbPath), name), { force: true });
    throw error;
  }
}

/**
 * The database cannot be opened at all: with --from, the backup takes its place (the damaged
 * files are moved aside, never deleted) and the app opens it as usual. Logged once it is open.
 */
export async function restoreOverDamaged(
  dbPath: string,
  args: RestoreArgs,
  reopen: () => Promise<App>,
  ownerId: (app: App) => Promise<string | null>,
): Promise<void> {
  if (!args.from) {
    listRestorable(dbPath, args.json);
    return;
  }
  const file = ownBackup(dbPath, args.from) ?? resolve(args.from);
  let replaced;
  try {
    replaced = replaceDamaged(dbPath, file, new Date());
  } catch (error) {
    if (error instanceof RestoreRefused) throw new CliError(say(`restore.${error.reason}`, { file: args.from }));
    throw error;
  }
  const app = await reopen();
  try {
    const userId = await ownerId(app);
    write({ ...app.services, userId }, (w) =>
      w.log({ action: 'db.restore', details: { from: basename(file), damagedMovedTo: basename(replaced.movedAside) } }),
    );
  } finally {
    await app.close();
  }
  console.log(
    args.json
      ? JSON.stringify({ restoredFrom: basename(file), movedAside: replaced.movedAside })
      : say('restore.doneDamaged', { name: basename(file), aside: replaced.movedAside }),
  );
}
