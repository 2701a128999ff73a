import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cli } from './cli-run';
import { tempDir } from './helpers';

beforeAll(buildCli, 180_000);

/** A shop with an owner and the customers of a small CSV, imported on the command line (which backs up first). */
function shop(dir: string, names: string[]): string {
  const db = join(dir, 'toko.sqlite');
  expect(cli(['init', '--db', db, '--owner', 'sari', '--password-stdin'], { input: 'kata-sandi-123\n' }).code).toBe(0);
  const csv = join(dir, `pelanggan-${names.length}.csv`);
  writeFileSync(csv, `nama,kota\n${names.map((n) => `${n},Solo`).join('\n')}\n`);
  const imported = cli(['import', csv, '--kind', 'customers', '--db', db]);
  expect(imported.code, imported.err).toBe(0);
  return db;
}

const customers = (db: string) =>
  (JSON.parse(cli(['customers', 'list', '--db', db, '--json']).out) as { rows: { name: string }[] }).rows.map((r) => r.name).sort();
const backups = (db: string) => JSON.parse(cli(['restore', '--db', db, '--json']).out) as { name: string; customers: number | null }[];

describe('restore on the command line', { timeout: 120_000 }, () => {
  it('lists the backups, restores one by name, and keeps what it replaced', () => {
    const dir = tempDir();
    const db = shop(dir, ['Ani']);
    // The first import's backup holds the shop before Ani; a second import's day is already backed up.
    const [before] = backups(db);
    expect(before.customers).toBe(0);
    expect(cli(['restore', '--db', db]).out).toMatch(
      /made \(UTC\)\s+name\s+size\s+customers\s+sales[\s\S]*Restore one with: restore --db <path> --from <name>/,
    );

    const done = cli(['restore', '--db', db, '--from', before.name]);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toMatch(new RegExp(`^Backup ${before.name} restored\\. The data from before is kept as toko-.*-pre-restore\\.sqlite\\.\\n$`));
    expect(customers(db)).toEqual([]);
    const previous = backups(db).find((b) => b.name.endsWith('-pre-restore.sqlite'));
    expect(previous?.customers).toBe(1);
    // …and that one brings Ani back.
    expect(cli(['restore', '--db', db, '--from', previous!.name]).code).toBe(0);
    expect(customers(db)).toEqual(['Ani']);
  });

  it('replaces a database that cannot be opened, moving the damaged file aside', () => {
    const dir = tempDir();
    const db = shop(dir, ['Ani', 'Budi']);
    const [newest] = backups(db);
    writeFileSync(db, Buffer.alloc(16384, 3));
    const doctor = cli(['doctor', '--db', db]);
    expect(doctor).toMatchObject({ code: 1, out: '' });
    expect(doctor.err).toBe(
      `The database is damaged and cannot be used; nothing was changed. Restore the newest backup: restore --db ${db} --from ${newest.name}\n`,
    );

    const restored = cli(['restore', '--db', db, '--from', newest.name]);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(/^Backup .* restored\. The damaged file was moved to .*toko-damaged-.*\.sqlite\.\n$/);
    expect(cli(['doctor', '--db', db]).code).toBe(0);
    expect(readdirSync(join(dir, 'backups')).some((f) => f.startsWith('toko-damaged-'))).toBe(true);
  });

  it('takes a backup file from elsewhere, keeping a copy with the backups, and refuses one that is not a shop without keeping it', () => {
    const dir = tempDir();
    const db = shop(dir, ['Ani']);
    const empty = join(dir, 'kosong.sqlite');
    writeFileSync(empty, Buffer.alloc(0));
    expect(cli(['restore', '--db', db, '--from', empty])).toMatchObject({
      code: 1,
      err: 'That file is not a backup of shop data. Your data was not changed.\n',
    });
    expect(backups(db).some((b) => b.name.endsWith('-copied.sqlite'))).toBe(false);
    expect(cli(['restore', '--db', db, '--from', join(dir, 'nope.sqlite')]).err).toMatch(
      /^There is no backup ".*nope\.sqlite" \(not a name in .*backups, nor a file\)\.\n$/,
    );

    // A backup carried over on a flash disk: here, the backup another shop folder's import made.
    const otherDir = tempDir();
    const other = shop(otherDir, ['Citra', 'Dewi']);
    expect(cli(['customers', 'list', '--db', other]).code).toBe(0);
    const carried = join(otherDir, 'backups', readdirSync(join(otherDir, 'backups'))[0]);
    const restored = cli(['restore', '--db', db, '--from', carried]);
    expect(restored.code, restored.err).toBe(0);
    expect(customers(db)).toEqual([]); // that backup was taken before its shop's import
    expect(backups(db).some((b) => b.name.endsWith('-copied.sqlite'))).toBe(true);
    expect(existsSync(carried)).toBe(true);
  });
});
