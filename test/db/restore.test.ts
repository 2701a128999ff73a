import BetterSqlite3 from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoBackup, backupDatabase, backupsDir } from '../../src-main/db/backup';
import { loadMigrations, migrate } from '../../src-main/db/migrate';
import { openSqlite } from '../../src-main/db/open';
import { describeBackups, RestoreRefused, restoreBackup } from '../../src-main/db/restore';
import { fails, loginAsNewUser, ok, shopWithOwner, tempDir } from '../helpers';

const names = async (app: Awaited<ReturnType<typeof shopWithOwner>>) => (await ok(app, 'customers.list', { pageSize: 50 })).rows.map((r) => r.name).sort();
const outboxSeq = (sqlite: BetterSqlite3.Database) => (sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get() as { seq: number }).seq;

describe('restoring a backup', () => {
  it('brings back the data of that day on the open connection, keeps the day after as a backup, and reuses no outbox sequence', async () => {
    const app = await shopWithOwner();
    const { sqlite, dbPath } = app.services;
    await ok(app, 'customers.create', { name: 'Ani' });
    const dayOld = await backupDatabase(sqlite, dbPath, 'auto', new Date('2026-12-01T00:00:00Z'));
    await ok(app, 'customers.create', { name: 'Budi' });
    await ok(app, 'customers.create', { name: 'Citra' });
    const seqBefore = outboxSeq(sqlite);
    expect(await names(app)).toEqual(['Ani', 'Budi', 'Citra']);

    const listed = describeBackups(dbPath).find((b) => b.file === dayOld.file);
    expect(listed).toMatchObject({ customers: 1, schemaVersion: loadMigrations().at(-1)?.version });

    const restored = await restoreBackup(sqlite, dbPath, dayOld.file, new Date('2026-12-02T00:00:00Z'));
    expect(await names(app)).toEqual(['Ani']);
    // The state just before is a backup of its own, with everything in it.
    const previous = new BetterSqlite3(restored.previous.file, { readonly: true });
    expect((previous.prepare('SELECT name FROM customers ORDER BY name').all() as { name: string }[]).map((r) => r.name)).toEqual(['Ani', 'Budi', 'Citra']);
    previous.close();
    // The next change gets a sequence number above every one used before the restore.
    expect(outboxSeq(sqlite)).toBe(seqBefore);
    await ok(app, 'customers.create', { name: 'Dewi' });
    const newest = sqlite.prepare('SELECT MAX(seq) AS s FROM outbox').get() as { s: number };
    expect(newest.s).toBe(seqBefore + 1);
    expect(sqlite.pragma('quick_check', { simple: true })).toBe('ok');
  });

  it('migrates a backup made by an older schema', async () => {
    const app = await shopWithOwner();
    const { sqlite, dbPath } = app.services;
    const old = join(backupsDir(dbPath), 'shop-old-schema.sqlite');
    const oldDb = openSqlite(old);
    await migrate(
      oldDb,
      old,
      loadMigrations().filter((m) => m.version <= 7),
    );
    oldDb.pragma('wal_checkpoint(TRUNCATE)');
    oldDb.pragma('journal_mode = DELETE');
    oldDb.close();
    const restored = await restoreBackup(sqlite, dbPath, old, new Date());
    expect(restored.migratedFrom).toBe(7);
    expect((sqlite.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v).toBe(loadMigrations().at(-1)?.version);
  });

  it('refuses a damaged file or one from a newer app, and changes nothing', async () => {
    const app = await shopWithOwner();
    const { sqlite, dbPath } = app.services;
    await ok(app, 'customers.create', { name: 'Ani' });
    const backup = await backupDatabase(sqlite, dbPath, 'manual');
    const bytes = readFileSync(backup.file);
    const torn = join(tempDir(), 'torn.sqlite');
    writeFileSync(torn, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const garbage = join(tempDir(), 'garbage.sqlite');
    writeFileSync(garbage, Buffer.alloc(8192, 9));
    const newer = join(tempDir(), 'newer.sqlite');
    writeFileSync(newer, bytes);
    const raw = new BetterSqlite3(newer);
    raw.prepare("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, '0999_future.sql', 'x', '2030-01-01T00:00:00Z')").run();
    raw.close();

    for (const [file, reason] of [
      [torn, 'damaged'],
      [garbage, 'damaged'],
      [newer, 'tooNew'],
      [join(tempDir(), 'nope.sqlite'), 'missing'],
    ] as const) {
      const error = await restoreBackup(sqlite, dbPath, file, new Date()).catch((e: unknown) => e);
      expect(error, file).toBeInstanceOf(RestoreRefused);
      expect((error as RestoreRefused).reason, file).toBe(reason);
    }
    expect(await names(app)).toEqual(['Ani']);
    expect(describeBackups(dbPath)).toHaveLength(1);
  });
});

describe('restoring from the health page', () => {
  it('lists the backups by name with what they hold, restores one for the owner, and logs it', async () => {
    const app = await shopWithOwner();
    const { sqlite, dbPath } = app.services;
    await ok(app, 'customers.create', { name: 'Ani' });
    await backupDatabase(sqlite, dbPath, 'auto', new Date('2026-12-01T00:00:00Z'));
    await ok(app, 'customers.create', { name: 'Budi' });
    const [listed] = await ok(app, 'health.backups', {});
    expect(listed).toMatchObject({ customers: 1, transactions: 0, products: 0 });
    expect(listed.name).not.toContain('/');

    expect((await fails(app, 'health.restore', { name: '../shop.sqlite' })).code).toBe('NOT_FOUND');
    const done = await ok(app, 'health.restore', { name: listed.name });
    expect(done.restoredFrom).toBe(listed.name);
    expect(await names(app)).toEqual(['Ani']);
    const log = sqlite.prepare("SELECT details FROM activity_logs WHERE action = 'db.restore'").get() as { details: string };
    expect(JSON.parse(log.details)).toMatchObject({ from: listed.name, previous: done.previous });
    // The state before the restore is in the list, so the restore can be undone.
    expect((await ok(app, 'health.backups', {})).map((b) => b.name)).toContain(done.previous);
  });

  it('is for the owner only', async () => {
    const app = await shopWithOwner();
    await loginAsNewUser(app, 'manager', 'maya');
    expect(await ok(app, 'health.backups', {}, 'maya')).toEqual([]);
    expect((await fails(app, 'health.restore', { name: 'x.sqlite' }, 'maya')).code).toBe('FORBIDDEN');
  });
});

describe('backups of several shops in one folder', () => {
  it('are told apart by their database: last backup, rotation and restore see only their own', async () => {
    const dir = tempDir();
    const open = async (name: string) => {
      const path = join(dir, name);
      const sqlite = openSqlite(path);
      await migrate(sqlite, path);
      return { path, sqlite };
    };
    const big = await open('shop.sqlite');
    const other = await open('shop-2.sqlite');
    const mine = await backupDatabase(big.sqlite, big.path, 'auto', new Date('2026-12-01T00:00:00Z'));
    const theirs = await backupDatabase(other.sqlite, other.path, 'auto', new Date('2026-12-02T00:00:00Z'));
    expect(describeBackups(big.path).map((b) => b.file)).toEqual([mine.file]);
    expect(describeBackups(other.path).map((b) => b.file)).toEqual([theirs.file]);
    // Rotation keeps this shop's newest N and never removes the other shop's.
    for (let day = 3; day <= 6; day++) await autoBackup(big.sqlite, big.path, new Date(`2026-12-0${day}T00:00:00Z`), 2);
    expect(describeBackups(big.path)).toHaveLength(2);
    expect(describeBackups(other.path).map((b) => b.file)).toEqual([theirs.file]);
    big.sqlite.close();
    other.sqlite.close();
  });
});
