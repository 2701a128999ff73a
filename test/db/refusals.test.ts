import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseDamagedError, openApp } from '../../src-main/app';
import { backupDatabase, listBackups } from '../../src-main/db/backup';
import { DatabaseTooNewError, MigrationChangedError, MigrationMissingError, migrate } from '../../src-main/db/migrate';
import { openSqlite } from '../../src-main/db/open';
import { migrationsDir } from '../../src-main/paths';
import { tempDir } from '../helpers';

/**
 * The shipped migration files, pinned. A database records each step's checksum and is refused when
 * it differs, so editing a shipped file would lock every shop out: add a new migration instead.
 */
const SHIPPED: Record<string, string> = {
  '0001_init.sql': 'e6b36a53a89880793048f7fb9a6f87a0af5f9c78707e88b0b931939c4c7a8146',
  '0002_import.sql': 'b63c6767839dacb150d212d8ae42b7a245c9ddf0f8557c8b74612ee91c5c80fb',
  '0003_rfm.sql': '353052fd67314fe062aa25fbea31a4310dcb0b3919e0d524df792c5925a23922',
  '0004_export.sql': 'eab840e214817315a9cb03ab0e8cd9c14022350dc4998bcb3dcae1f0a7b6201a',
  '0005_content.sql': 'ea0834504b594f0e66709971b07c3981a45e5ed7c0881b0fcfadcb0e880865f4',
  '0006_customer_rollups.sql': '681e0bf75649dbcc915ecea2bee3ce5d079394fc8d98db556286beeffdfb9349',
  '0007_rfm_analysis_lean.sql': 'c9c98fc9f985fd6e04d87750359f3ff015bd17708006e4d6628ced59b314607b',
  '0008_outbox_imports.sql': 'e38466a851808c6f5a8e6cdcac3b2d199b3d593422fa947f50e58f98b0ecf7f8',
  '0009_login_attempts_client.sql': '3152cfe104263772dcf9265d518e4e69500990dbf76f9d9dbd288d1f44ecf45c',
  '0010_list_sorts.sql': 'f453220fa95cb767549508b197c5f3371f21e50b6b94a2eab4e27a54e88c6647',
  '0011_customer_channel_identity.sql': 'ad62f07cebeee3422e1e26d3464fa30336ff6c9e706140c5b00f50718779db3e',
  '0012_pending_orders.sql': '5085733e706802bdb148f7efb446433830341ea42837b79046ac424cb8c9828b',
  '0013_sync_state.sql': 'ba64c9e84ef12e0ceacfd1d6aa8b83615f8aa828338db19a5b186849a9dbbe73',
  '0014_device_node.sql': '2e3624c72c0a1ab8fc1b477f830cff618332ed29d1acdd54eceb501d2e807649',
  '0015_leads.sql': 'ddfc7b1d606003e21dc0dbeea6c34d2b8308046173f3637d08bb260c52cbe4d4',
  '0016_import_leads.sql': 'e34638ef2fe9661d48198d54be0930eb7a273638f8d61db4a7b5b9a716d3d7fb',
  '0017_leads_indexes.sql': '60f8ce4dcb3575b406d0d6e77ad2db7cb38ec7a6e4a3cd47aa8f02cff5a8fc20',
  '0018_loyalty.sql': '0dd9cbb2ef590c2d25e14a7e166dba27fd2c1545e6eea8e923e287c060ffd1b5',
  '0019_clv_fits.sql': '9f12b2faf4acab9b33eb9d383bfe08dc681239e76884358147a0cbf66c59aa37',
  '0020_product_catalogue.sql': '54aa0061e5625f371d2def8b35e24432efd454fe67ce457bdbcb5b1976c5f3c1',
  '0021_assistant_handovers.sql': '0dfecba63f0a0f9f1be2f3643049e4e1427c480828192eed3c1d7288d5c05839',
  '0022_loyalty_reearn.sql': '48d9d3f9271731cdef09f1a946c50e332036c986448a18cc3bb04a20aa2546fb',
  '0023_loyalty_expiry_index.sql': '338e905268b2948d5eb669e1e21d1c35c2df5a6a535ee667707643a26078cf53',
  '0024_customer_rfm_rollup.sql': '34c527ab5e3aa4b670e96eda03bb9df265c96ba854b477b556b583faa841b583',
  '0025_clv_value_lost_index.sql': '8ac718112ffcfd9f49fc0d8e44952485179a2eb585aa54817dc4d2d1591f75bd',
  '0026_live_sales_index.sql': '595b40c9a0c70edf7609f682bee4298b4b2edf7ac822f74b1dec02dbad65d9fd',
};

/** A migrated shop database, closed, its WAL folded back in, in rollback-journal mode when asked. */
async function shopFile(journal: 'wal' | 'delete' = 'wal'): Promise<string> {
  const path = join(tempDir(), 'shop.sqlite');
  const sqlite = openSqlite(path);
  await migrate(sqlite, path);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  if (journal === 'delete') sqlite.pragma('journal_mode = DELETE');
  sqlite.close();
  return path;
}

function withRaw(path: string, work: (db: BetterSqlite3.Database) => void): void {
  const db = new BetterSqlite3(path);
  work(db);
  db.close();
}

describe('shipped migrations', () => {
  it('are never edited: each file hashes to what shipped', () => {
    const files = readdirSync(migrationsDir()).filter((f) => f.endsWith('.sql'));
    const shipped = files.filter((f) => f in SHIPPED);
    for (const file of shipped) {
      const hash = createHash('sha256')
        .update(readFileSync(join(migrationsDir(), file), 'utf8'))
        .digest('hex');
      expect(hash, `${file} was edited after it shipped: put the change in a new migration`).toBe(SHIPPED[file]);
    }
    expect(shipped).toEqual(Object.keys(SHIPPED));
  });
});

describe('a database the app must not touch', () => {
  it('is refused when a recorded step differs from the shipped file, and left byte for byte', async () => {
    const path = await shopFile();
    withRaw(path, (db) => db.prepare("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 3").run());
    const before = readFileSync(path);
    const error = await openApp({ dbPath: path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationChangedError);
    expect((error as Error).message).toMatch(/schema step 0003_rfm\.sql differs.*It was not changed/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('is refused when a recorded step has another name than the shipped one', async () => {
    const path = await shopFile();
    withRaw(path, (db) => db.prepare("UPDATE schema_migrations SET name = '0002_other.sql' WHERE version = 2").run());
    await expect(openApp({ dbPath: path })).rejects.toThrow(/schema step 0002_other\.sql is not the one this app has \(0002_import\.sql\)/);
  });

  it('is refused when it never took a step the app has below its newest one, and left byte for byte', async () => {
    const path = await shopFile();
    withRaw(path, (db) => db.prepare('DELETE FROM schema_migrations WHERE version = 10').run());
    const before = readFileSync(path);
    const error = await openApp({ dbPath: path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationMissingError);
    expect((error as Error).message).toMatch(/never took the schema step 0010_list_sorts\.sql.*It was not changed/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('from a newer app in rollback-journal mode stays in that mode: refused before the switch to WAL', async () => {
    const path = await shopFile('delete');
    withRaw(path, (db) =>
      db.prepare("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, '0999_future.sql', 'x', '2030-01-01T00:00:00Z')").run(),
    );
    const before = readFileSync(path);
    await expect(openApp({ dbPath: path })).rejects.toBeInstanceOf(DatabaseTooNewError);
    expect(readFileSync(path).equals(before)).toBe(true);
    withRaw(path, (db) => expect(db.pragma('journal_mode', { simple: true })).toBe('delete'));
  });
});

describe('a damaged database', () => {
  it('that is not a database at all gets one plain sentence naming the newest backup', async () => {
    const dir = tempDir();
    const path = join(dir, 'shop.sqlite');
    const app = await openApp({ dbPath: path });
    const backup = await backupDatabase(app.services.sqlite, path, 'auto');
    await app.close();
    writeFileSync(path, Buffer.alloc(8192, 7));
    const error = await openApp({ dbPath: path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseDamagedError);
    const message = (error as Error).message;
    expect(message).toContain('is damaged and cannot be used (it is not an SQLite database)');
    expect(message).toContain(`The newest backup is ${backup.file}`);
    expect(message).not.toMatch(/file is not a database/);
    expect((error as DatabaseDamagedError).newestBackup?.file).toBe(backup.file);
  });

  it('with broken pages is summarised in one line, not a line per page', async () => {
    const path = await shopFile();
    // Zero a run of pages in the middle of the file: quick_check then reports many of them.
    const bytes = readFileSync(path);
    const pageSize = 4096;
    bytes.fill(0, pageSize * 3, Math.min(bytes.length, pageSize * 40));
    writeFileSync(path, bytes);
    const error = await openApp({ dbPath: path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseDamagedError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/is damaged and cannot be used \((integrity check: .+|its pages are broken)\)\. Nothing was changed\. There is no backup/);
  });
});

describe('files only the owner can read', () => {
  it('a new database, its WAL and its backups are created 0600', async () => {
    const path = join(tempDir(), 'toko', 'shop.sqlite');
    const app = await openApp({ dbPath: path });
    const backup = await backupDatabase(app.services.sqlite, path, 'manual');
    const mode = (file: string) => statSync(file).mode & 0o777;
    expect(mode(path)).toBe(0o600);
    expect(mode(`${path}-wal`)).toBe(0o600);
    expect(mode(backup.file)).toBe(0o600);
    expect(listBackups(path)).toHaveLength(1);
    await app.close();
  });
});
