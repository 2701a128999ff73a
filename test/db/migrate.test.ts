import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsDir } from '../../src-main/db/backup';
import { DatabaseTooNewError, currentVersion, loadMigrations, migrate } from '../../src-main/db/migrate';
import { openSqlite } from '../../src-main/db/open';
import { schemaColumns } from './schema-columns';
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
    const tables = (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(Object.keys(schemaColumns).sort());
    for (const [table, columns] of Object.entries(schemaColumns)) {
      const actual = (sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      expect(actual, table).toEqual([...columns]);
    }
    sqlite.close();
  });

  it('0007 keeps every snapshot row of the runs before it, without the columns now derived when read', async () => {
    const path = join(tempDir(), 'shop.sqlite');
    const sqlite = openSqlite(path);
    await migrate(
      sqlite,
      path,
      loadMigrations().filter((m) => m.version <= 6),
    );
    const at = '2026-06-15T05:00:00.000Z';
    sqlite
      .prepare("INSERT INTO customers (id, code, name, created_at, updated_at, hlc) VALUES ('c1', 'C1', 'Ani', ?, ?, 'h1'), ('c2', 'C2', 'Budi', ?, ?, 'h2')")
      .run(at, at, at, at);
    sqlite
      .prepare(
        "INSERT INTO rfm_runs (id, analysis_date, method, parameters, summary, customers, duration_ms, trigger, created_at, updated_at, hlc) VALUES ('run1', '2026-06-15', 'fixed', '{}', '{}', 2, 5, 'manual', ?, ?, 'h3')",
      )
      .run(at, at);
    const insert = sqlite.prepare("INSERT INTO rfm_analysis VALUES ('run1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1800000, ?, 0.19, 'active')");
    insert.run('c1', 14, 3, 600_000, 5, 3, 3, 'potential_loyalist', '2026-01-01', '2026-06-01', 200_000, 75.5);
    insert.run('c2', 365, 1, 50_000, 1, 1, 1, 'lost', '2025-06-15', '2025-06-15', 50_000, null);
    const kept =
      'run_id, customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, segment, first_purchase, last_purchase, avg_order_value, median_gap_days';
    const before = sqlite.prepare(`SELECT ${kept} FROM rfm_analysis ORDER BY customer_id`).all();

    await migrate(sqlite, path);
    expect(sqlite.prepare(`SELECT ${kept} FROM rfm_analysis ORDER BY customer_id`).all()).toEqual(before);
    expect((sqlite.pragma('table_info(rfm_analysis)') as { name: string }[]).map((c) => c.name)).toEqual(kept.split(', '));
    expect(sqlite.pragma('foreign_key_list(rfm_analysis)')).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    sqlite.close();
  });

  it('0008 keeps every outbox entry and the sequence the next one continues from, and accepts import entries', async () => {
    const path = join(tempDir(), 'shop.sqlite');
    const sqlite = openSqlite(path);
    await migrate(
      sqlite,
      path,
      loadMigrations().filter((m) => m.version <= 7),
    );
    const entry = sqlite.prepare(
      "INSERT INTO outbox (op_id, entity, entity_id, op, hlc, created_at) VALUES (?, 'customers', ?, ?, ?, '2026-06-15T05:00:00.000Z')",
    );
    for (let i = 1; i <= 5; i++) entry.run(`op${i}`, `c${i}`, i === 5 ? 'update' : 'insert', `h${i}`);
    // Entries already pushed and let go of: the seq must not start over at them.
    sqlite.prepare('DELETE FROM outbox WHERE seq >= 4').run();
    const before = sqlite.prepare('SELECT * FROM outbox ORDER BY seq').all();
    expect(() => entry.run('op6', 'u1', 'import', 'h6')).toThrow(/CHECK/);

    await migrate(sqlite, path);
    expect(sqlite.prepare('SELECT * FROM outbox ORDER BY seq').all()).toEqual(before);
    expect(Number(entry.run('op6', 'u1', 'import', 'h6').lastInsertRowid)).toBe(6);
    expect(sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name LIKE 'outbox%'").all()).toEqual([{ seq: 6 }]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    sqlite.close();
  });

  it('0010 indexes the sales already there for the amount and recorded-at sorts', async () => {
    const path = join(tempDir(), 'shop.sqlite');
    const sqlite = openSqlite(path);
    await migrate(
      sqlite,
      path,
      loadMigrations().filter((m) => m.version <= 9),
    );
    const at = '2026-06-15T05:00:00.000Z';
    sqlite.prepare("INSERT INTO customers (id, code, name, created_at, updated_at, hlc) VALUES ('c1', 'C1', 'Ani', ?, ?, 'h1')").run(at, at);
    const sale = sqlite.prepare(
      "INSERT INTO transactions (id, customer_id, transaction_date, amount, created_at, updated_at, deleted_at, hlc) VALUES (?, 'c1', '2026-06-01', ?, ?, ?, ?, ?)",
    );
    sale.run('t1', 50_000, at, at, null, 'h2');
    sale.run('t2', 900_000, '2026-06-16T01:00:00.000Z', at, null, 'h3');
    sale.run('t3', 700_000, at, at, at, 'h4');

    await migrate(sqlite, path);
    const byAmount = 'SELECT id FROM transactions WHERE deleted_at IS NULL ORDER BY amount DESC, id DESC LIMIT 25';
    const byCreated = 'SELECT id FROM transactions WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 25';
    expect(sqlite.prepare(byAmount).pluck().all()).toEqual(['t2', 't1']);
    expect(sqlite.prepare(byCreated).pluck().all()).toEqual(['t2', 't1']);
    const plan = (query: string) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan(byAmount)).toMatch(/USING (COVERING )?INDEX idx_transactions_amount/);
    expect(plan(byCreated)).toMatch(/USING (COVERING )?INDEX idx_transactions_created/);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
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
