import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsDir } from '../../src-main/db/backup';
import { DatabaseTooNewError, currentVersion, loadMigrations, migrate } from '../../src-main/db/migrate';
import { openSqlite } from '../../src-main/db/open';
import { schemaColumns } from '../../src-main/db/schema-columns';
import { migrationsDir } from '../../src-main/paths';
import { openApp } from '../../src-main/app';
import { tempDir } from '../helpers';

describe('migrations', () => {
  it('create every table on a fresh DB and record each migration once', async () => {
    const path = join(tempDir(), 'shop.sqlite');
    const sqlite = openSqlite(path);
    const result = await migrate(sqlite, path);
    expect(result.from).toBe(0);
    expect(result.to).toBe(loadMigrations().at(-1)?.version);
    const applied = sqlite.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(loadMigrations().map((m) => ({ version: m.version, name: m.name })));
    expect(await migrate(sqlite, path)).toEqual({ from: result.to, to: result.to, backup: null });
    sqlite.close();
  });

  it('match the kysely Database type column for column', async () => {
    const path = join(tempDir(), 'shop.sqlite');
    const sqlite = openSqlite(path);
    await migrate(sqlite, path);
    const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(Object.keys(schemaColumns).sort());
    for (const [table, columns] of Object.entries(schemaColumns)) {
      const actual = (sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      expect(actual, table).toEqual([...columns]);
    }
    sqlite.close();
  });

  it('back up a DB holding data before migrating it further', async () => {
    const dir = tempDir();
    const path = join(dir, 'shop.sqlite');
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    const first = readdirSync(migrationsDir()).find((f) => f.startsWith('0001'))!;
    copyFileSync(join(migrationsDir(), first), join(migrations, first));
    const sqlite = openSqlite(path);
    await migrate(sqlite, path, loadMigrations(migrations));
    writeFileSync(join(migrations, '9998_add_note.sql'), 'CREATE TABLE test_note (id TEXT PRIMARY KEY);');
    const result = await migrate(sqlite, path, loadMigrations(migrations));
    expect(result.backup).toBeTruthy();
    expect(readdirSync(backupsDir(path))).toHaveLength(1);
    expect(currentVersion(sqlite)).toBe(9998);
    const backup = openSqlite(result.backup!);
    expect(currentVersion(backup)).toBe(1);
    backup.close();
    sqlite.close();
  });

  it('roll back a failing migration and keep the DB at the previous version', async () => {
    const dir = tempDir();
    const path = join(dir, 'shop.sqlite');
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '0001_a.sql'), 'CREATE TABLE a (id TEXT);');
    writeFileSync(join(migrations, '0002_b.sql'), 'CREATE TABLE b (id TEXT); INSERT INTO missing_table VALUES (1);');
    const sqlite = openSqlite(path);
    await expect(migrate(sqlite, path, loadMigrations(migrations))).rejects.toThrow(/missing_table/);
    expect(currentVersion(sqlite)).toBe(1);
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    sqlite.close();
  });

  it('refuse a DB written by a newer app and leave its bytes untouched', async () => {
    const path = join(tempDir(), 'shop.sqlite');
    const sqlite = openSqlite(path);
    await migrate(sqlite, path);
    sqlite.prepare("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, '0999_future.sql', 'x', '2030-01-01T00:00:00Z')").run();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.close();
    const before = readFileSync(path);
    const error = await openApp({ dbPath: path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as Error).message).toMatch(/newer version.*schema 999.*not changed/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('opening the database', () => {
  it('sets the pragmas every connection needs', () => {
    const sqlite = openSqlite(join(tempDir(), 'shop.sqlite'));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.pragma('journal_size_limit', { simple: true })).toBe(64 * 1024 * 1024);
    sqlite.close();
  });
});
