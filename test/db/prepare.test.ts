import BetterSqlite3 from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseDamagedError, openApp } from '../../src-main/app';
import { listBackups } from '../../src-main/db/backup';
import { DatabaseTooNewError, MigrationChangedError, loadMigrations, migrate } from '../../src-main/db/migrate';
import { openSqlite } from '../../src-main/db/open';
import { prepareInThread } from '../../src-main/db/prepare';
import { tempDir } from '../helpers';

/** A migrated shop file, closed, with everything folded into the main file. */
async function shopFile(): Promise<string> {
  const path = join(tempDir(), 'shop.sqlite');
  const sqlite = openSqlite(path);
  await migrate(sqlite, path);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return path;
}

const raw = (path: string, sql: string) => {
  const db = new BetterSqlite3(path);
  db.prepare(sql).run();
  db.close();
};

/**
 * The desktop app and browser mode check and migrate the shop's file on a thread of their own
 * (db/prepare-thread.ts). What a shop owner sees must not depend on where that ran: the same
 * schema, and the same refusals, each leaving the file as it was.
 */
describe('opening a shop with its checks on another thread', () => {
  it('creates and migrates a new file there, and the app opens it ready to use', async () => {
    const path = join(tempDir(), 'shop.sqlite');
    expect(await prepareInThread(path, new Date())).toBe(true);
    const steps = new BetterSqlite3(path).prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get();
    expect(steps).toBe(loadMigrations().length);
    const app = await openApp({ dbPath: path, prepareInThread: true });
    expect(await app.call('app.status', {}, { clientId: 'c' })).toMatchObject({ ok: true, data: { setupDone: false } });
    await app.close();
  });

  it('takes a pending migration there, with its backup first', async () => {
    // A shop one step behind this app: the thread takes the last step, after backing the file up.
    const behind = join(tempDir(), 'behind.sqlite');
    const sqlite = openSqlite(behind);
    await migrate(sqlite, behind, loadMigrations().slice(0, -1));
    sqlite.close();
    expect(listBackups(behind)).toHaveLength(0);
    expect(await prepareInThread(behind, new Date('2026-12-07T10:00:00Z'))).toBe(true);
    const db = new BetterSqlite3(behind);
    expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(loadMigrations().at(-1)!.version);
    db.close();
    expect(listBackups(behind).map((b) => b.file)).toEqual([expect.stringContaining('pre-migrate')]);
  });

  it('refuses what the inline open refuses, with the same error, and changes nothing', async () => {
    const changed = await shopFile();
    raw(changed, "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 3");
    const before = readFileSync(changed);
    await expect(openApp({ dbPath: changed, prepareInThread: true })).rejects.toBeInstanceOf(MigrationChangedError);
    expect(readFileSync(changed).equals(before)).toBe(true);

    const newer = await shopFile();
    raw(newer, "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, '0999_future.sql', 'x', '2030-01-01T00:00:00Z')");
    await expect(openApp({ dbPath: newer, prepareInThread: true })).rejects.toBeInstanceOf(DatabaseTooNewError);
  });

  it('reports a damaged file from the thread in the same one plain sentence', async () => {
    const garbage = join(tempDir(), 'shop.sqlite');
    writeFileSync(garbage, Buffer.alloc(8192, 7));
    const error = await openApp({ dbPath: garbage, prepareInThread: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseDamagedError);
    expect((error as Error).message).toContain('is damaged and cannot be used (it is not an SQLite database)');

    const broken = await shopFile();
    const bytes = readFileSync(broken);
    bytes.fill(0, 4096 * 3, Math.min(bytes.length, 4096 * 40));
    writeFileSync(broken, bytes);
    await expect(prepareInThread(broken, new Date())).rejects.toBeInstanceOf(DatabaseDamagedError);
  });
});
