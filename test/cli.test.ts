import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cli } from './cli-run';
import { tempDir } from './helpers';

const BAD_ROWS = join(import.meta.dirname, 'fixtures/import/bad-rows-transactions.csv');

beforeAll(buildCli, 180_000);

describe('the CLI', { timeout: 120_000 }, () => {
  it('creates the demo shop, lists and searches customers, and checks the DB', () => {
    const db = join(tempDir(), 'shop.sqlite');
    const init = cli(['init', '--db', db, '--demo']);
    expect(init.code, init.err).toBe(0);
    expect(init.out).toContain('500 customers, 10000 transactions');

    const all = cli(['customers', 'list', '--db', db, '--json', '--page-size', '5']);
    expect(all.code, all.err).toBe(0);
    expect(JSON.parse(all.out)).toMatchObject({ total: 500, pageSize: 5 });

    const found = JSON.parse(cli(['customers', 'list', '--db', db, '--json', '--search', 'C000007']).out) as { rows: { code: string; phone: string }[] };
    expect(found.rows.map((r) => r.code)).toEqual(['C000007']);
    const local = `0${found.rows[0].phone.slice(3, 6)} ${found.rows[0].phone.slice(6)}`; // +62812… typed as 0812 …
    const byPhone = JSON.parse(cli(['customers', 'list', '--db', db, '--json', '--search', local]).out) as { rows: { code: string }[] };
    expect(byPhone.rows.map((r) => r.code)).toContain('C000007');
    // The README's example: the demo shop is generated from a fixed seed.
    expect(cli(['customers', 'list', '--db', db, '--search', '0812 7043']).out).toContain('C000007  Dewi Putra  0812-7043-7928');

    const doctor = cli(['doctor', '--db', db]);
    expect(doctor.code, doctor.err).toBe(0);
    expect(doctor.out).toContain('Integrity:   ok');
    expect(doctor.out).toContain('customers 500, transactions 10000');
  });

  it('creates an owner with the password from standard input', () => {
    const db = join(tempDir(), 'shop.sqlite');
    const made = cli(['init', '--db', db, '--owner', 'budi', '--password-stdin', '--business', 'Toko Budi'], { input: 'kata-sandi-123\n' });
    expect(made.code, made.err).toBe(0);
    const again = cli(['init', '--db', db, '--demo']);
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('already has a shop') });
    const weak = cli(['init', '--db', join(tempDir(), 'x.sqlite'), '--owner', 'ani', '--password-stdin'], { input: 'short\n' });
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('password');
  });

  it('exits 2 on bad usage and 1 on a user error, with one clear line', () => {
    const db = join(tempDir(), 'shop.sqlite');
    expect(cli(['frobnicate', '--db', db])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Unknown command "frobnicate". Commands: init, customers list, .*\n$/),
    });
    expect(cli(['customer', 'list', '--db', db])).toMatchObject({ code: 2, err: 'Unknown command "customer list". Did you mean "customers list"?\n' });
    expect(cli(['customers', 'list'])).toMatchObject({ code: 2, err: 'Say which database: --db <path> (or set SMA_DB).\n' });
    expect(cli(['init', '--db', db, '--owner', 'ani']).code).toBe(2);
    expect(cli(['customers', 'list', '--db', db, '--bogus'])).toMatchObject({ code: 2, err: 'Unknown option --bogus. See --help for the options.\n' });
    expect(existsSync(db)).toBe(false); // bad usage touches nothing
    expect(cli(['init', '--db', db]).code).toBe(0);
    const notSetUp = cli(['customers', 'list', '--db', db]);
    expect(notSetUp).toMatchObject({ code: 1, err: 'The shop is not set up yet: run `init` first.\n' });
    const help = cli(['--help']);
    expect(help).toMatchObject({ code: 0, err: '' });
    expect(help.out).toMatch(/^Usage: npm run -s cli -- <command> \[options\]/);
  });

  it('names a wrong option and the closest valid one, in one line (exit 2)', () => {
    const db = join(tempDir(), 'shop.sqlite');
    expect(cli(['doctor', '--dbb', db])).toEqual({ code: 2, out: '', err: 'Unknown option --dbb. Did you mean --db?\n' });
    expect(cli(['rfm', '--db', db, '--as_of', '2026-11-30'])).toEqual({ code: 2, out: '', err: 'Unknown option --as_of. Did you mean --as-of?\n' });
    expect(cli(['import', 'x.csv', '--db', db, '--kind', 'customers', '--dryrun'])).toEqual({
      code: 2,
      out: '',
      err: 'Unknown option --dryrun. Did you mean --dry-run?\n',
    });
    expect(cli(['doctor', '--db'])).toEqual({ code: 2, out: '', err: '--db needs a value, e.g. --db toko.sqlite.\n' });
    expect(cli(['doctor', '--db', '--json'])).toEqual({ code: 2, out: '', err: '--db needs a value, e.g. --db toko.sqlite.\n' });
    expect(cli(['doctor', '--db', db, '--json=yes'])).toEqual({ code: 2, out: '', err: '--json takes no value.\n' });
    expect(cli(['doctor', '--db', db, '-x'])).toEqual({ code: 2, out: '', err: 'Unknown option -x. See --help for the options.\n' });
    expect(cli(['customers', 'list', '--db', db, '--page-size', '1'])).toEqual({
      code: 2,
      out: '',
      err: '--page-size must be a whole number from 5 to 200.\n',
    });
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a --db that does not exist for every command but init, and creates nothing', () => {
    const dir = tempDir();
    const missing = join(dir, 'typo', 'shop.sqlite');
    const commands = [
      ['doctor'],
      ['customers', 'list'],
      ['rfm'],
      ['rfm', 'scores', '--csv'],
      ['import', BAD_ROWS, '--kind', 'transactions'],
      ['content', 'generate', '--segment', 'lost', '--channel', 'sms'],
      ['export', 'customers', '--out', join(dir, 'x.xlsx')],
    ];
    for (const command of commands) {
      expect(cli([...command, '--db', missing]), command.join(' ')).toEqual({
        code: 1,
        out: '',
        err: `There is no database at ${missing} (init creates one).\n`,
      });
    }
    expect(cli(['doctor', '--db', join(dir, 'shop.sqlite')]).err).toBe(`There is no database at ${join(dir, 'shop.sqlite')} (init creates one).\n`);
    expect(cli(['doctor', '--db', dir])).toEqual({ code: 1, out: '', err: `${dir} is a folder, not a database file.\n` });
    expect(cli(['init', '--db', missing])).toEqual({ code: 1, out: '', err: `Cannot create ${missing}: the folder ${join(dir, 'typo')} does not exist.\n` });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('import on the command line', { timeout: 120_000 }, () => {
  it("speaks one language per run: the owner's, or SMA_LANG, import rows included", () => {
    const db = join(tempDir(), 'shop.sqlite');
    expect(cli(['init', '--db', db, '--demo']).code).toBe(0); // the demo owner speaks Indonesian

    const owners = cli(['import', BAD_ROWS, '--kind', 'transactions', '--db', db, '--dry-run'], { env: { SMA_LANG: '' } });
    expect(owners.code).toBe(0);
    expect(owners.out).toMatch(/^valid: 7 baris, akan diimpor 2 \(2 data, 2 pelanggan baru\), dilewati 1, gagal 4\.\n/);
    expect(owners.out).toContain('baris 3, Tanggal: Tanggal ini tidak ada: Februari 2026 hanya sampai tanggal 28.');
    expect(owners.out).toContain('baris 4, Tanggal: Tanggal tidak dikenali.');
    expect(owners.out).toContain('peringatan: Pembatalan/retur');
    expect(owners.out).not.toMatch(/\brow\b|would|skipped|warning|not recognised/);

    const english = cli(['import', BAD_ROWS, '--kind', 'transactions', '--db', db, '--dry-run'], { env: { SMA_LANG: 'en' } });
    expect(english.code).toBe(0);
    expect(english.out).toMatch(/^valid: 7 rows, would import 2 \(2 records, 2 new customers\), skipped 1, failed 4\.\n/);
    expect(english.out).toContain('row 3, Tanggal: This date does not exist: February 2026 has only 28 days.');
    expect(english.out).toContain('row 4, Tanggal: Date not recognised.');
    expect(english.out).toContain('warning: Cancellation/return');
    expect(english.out).not.toMatch(/\bbaris\b|diimpor|dilewati|peringatan|tidak dikenali/);

    // A refusal from dispatch comes in the run's language too.
    expect(cli(['rfm', '--db', db, '--recency-bins', '90,60,30,10'], { env: { SMA_LANG: '' } }).err).toMatch(/^Periksa kembali isian/);
    expect(cli(['rfm', '--db', db, '--recency-bins', '90,60,30,10'], { env: { SMA_LANG: 'en' } }).err).not.toMatch(/Periksa/);
    expect(cli(['doctor', '--db', db], { env: { SMA_LANG: '' } }).out).toContain('Keutuhan:       ok');
    expect(cli(['doctor', '--db', db], { env: { SMA_LANG: 'fr' } })).toEqual({ code: 2, out: '', err: 'SMA_LANG must be id or en.\n' });
  });

  it('reads the column headers from the row --header-row names, as Excel numbers it', async () => {
    const dir = tempDir();
    const db = join(dir, 'shop.sqlite');
    expect(cli(['init', '--db', db, '--owner', 'sari', '--password-stdin'], { input: 'kata-sandi-rahasia\n' }).code).toBe(0);
    // A title in row 1, rows 2 and 3 empty (an XLSX leaves them out), the headers in row 4.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Data');
    sheet.getCell('A1').value = 'Daftar pelanggan';
    sheet.getRow(4).values = ['Nama', 'No HP', 'Kota'];
    sheet.getRow(5).values = ['Ani', '0812-1111-2222', 'Bandung'];
    sheet.getRow(6).values = ['Budi', '0813-3333-4444', 'Solo'];
    const file = join(dir, 'pelanggan.xlsx');
    await book.xlsx.writeFile(file);
    const importAt = (row: string) => cli(['import', file, '--kind', 'customers', '--db', db, '--dry-run', '--json', '--header-row', row]);
    expect(JSON.parse(importAt('4').out)).toMatchObject({ status: 'valid', rowsTotal: 2, imported: 2 });
    expect(importAt('2')).toMatchObject({ code: 1, err: 'Row 2 is empty: --header-row is the number of the row of column headers, as Excel shows it.\n' });
    expect(importAt('0')).toMatchObject({ code: 2, err: '--header-row must be a whole number from 1 to 51.\n' });
  });

  it("takes the day's backup before it imports, and leaves no staged copy anywhere", () => {
    const dir = tempDir();
    const temp = tempDir(); // the CLI's private staging folder is made (and removed) in here
    const db = join(dir, 'shop.sqlite');
    const file = join(dir, 'penjualan.csv');
    copyFileSync(BAD_ROWS, file);
    expect(cli(['init', '--db', db, '--demo']).code).toBe(0);
    const backups = () => (existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')) : []);
    expect(backups()).toEqual([]);

    const dry = cli(['import', file, '--kind', 'transactions', '--db', db, '--dry-run'], { env: { TMPDIR: temp } });
    expect(dry.code, dry.err).toBe(0);
    expect(backups()).toEqual([]); // a dry run writes nothing, so it needs no backup
    expect(readdirSync(temp)).toEqual([]);

    const real = cli(['import', file, '--kind', 'transactions', '--db', db, '--json'], { env: { TMPDIR: temp } });
    expect(real.code, real.err).toBe(0);
    expect(JSON.parse(real.out)).toMatchObject({ status: 'completed', imported: 2 });
    expect(backups()).toEqual([expect.stringMatching(/^shop-.*-auto\.sqlite$/)]);
    expect(readdirSync(temp)).toEqual([]);

    // Stopped (everything is in already): exit 1, and still nothing left behind; one backup a day.
    const again = cli(['import', file, '--kind', 'transactions', '--db', db, '--strict'], { env: { TMPDIR: temp } });
    expect(again.code).toBe(1);
    expect(backups()).toHaveLength(1);
    expect(readdirSync(temp)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['backups', 'penjualan.csv', 'shop.sqlite']); // no staging/ beside the database
  });
});
