import { createHash } from 'node:crypto';
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { fails, ok, shopWithOwner, tempDir } from '../helpers';
import { importFile, scalar } from './harness';

const FIXTURES = new URL('../fixtures/import/', import.meta.url).pathname;
const cases = JSON.parse(readFileSync(`${FIXTURES}cases.json`, 'utf8')) as {
  unreadable: { file: string; kind: 'customers' | 'transactions'; message: string }[];
};

/** The database files exactly as they are on disk. */
function dbBytes(app: App): string {
  const hash = createHash('sha256');
  for (const suffix of ['', '-wal']) {
    const path = app.services.dbPath + suffix;
    if (existsSync(path)) hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

/** The error the user sees: at upload (an empty file) or when the file is first read. */
async function refused(app: App, path: string, kind: string) {
  const upload = await app.call('files.upload', { name: path.split('/').pop()!, bytes: readFileSync(path) }, { clientId: 'owner' });
  if (!upload.ok) return upload.error;
  return fails(app, 'import.inspect', { fileId: (upload.data as { fileId: string }).fileId, kind });
}

describe('files that cannot be imported', () => {
  it.each(cases.unreadable)('$file: "$message", and the database is untouched', async ({ file, kind, message }) => {
    const app = await shopWithOwner();
    await ok(app, 'customers.create', { name: 'Sudah Ada', phone: '081200001111' });
    const before = dbBytes(app);
    const error = await refused(app, `${FIXTURES}${file}`, kind);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toContain(message);
    expect(error.message).not.toMatch(/Error|at \w+ \(|stack/);
    expect(dbBytes(app)).toBe(before);
  });

  it('a file over the size limit is refused before it is read', async () => {
    const app = await shopWithOwner();
    const huge = join(tempDir(), 'huge.csv');
    writeFileSync(huge, 'Nama,No HP\n');
    truncateSync(huge, 201 * 1024 * 1024); // sparse: no time spent writing
    const error = await fails(app, 'files.upload', { name: 'huge.csv', bytes: new Uint8Array(201 * 1024 * 1024) });
    expect(error.message).toBe('File lebih besar dari 200 MB. Pecah menjadi beberapa file.');
  });

  it('an empty upload is refused', async () => {
    const app = await shopWithOwner();
    expect((await fails(app, 'files.upload', { name: 'x.csv', bytes: new Uint8Array(0) })).message).toBe('File kosong.');
  });
});

describe('rows that cannot be imported', () => {
  it('customers: each bad row named by row, column, value and the expected form; the good rows go in', async () => {
    const app = await shopWithOwner();
    const { report } = await importFile(app, `${FIXTURES}bad-rows-customers.csv`, 'customers');
    expect(report).toMatchObject({ status: 'completed', rowsTotal: 6, valid: 2, failed: 3, toSkip: 1 });
    const issues = report.issues.map((i) => [i.line, i.column, i.category, i.value]);
    expect(issues).toEqual([
      [3, 'Nama', 'missing', ''],
      [4, 'No HP', 'phone', '0812'],
      [5, 'Email', 'other', 'bukan-email'],
      [6, 'No HP', 'duplicate', '+62 812 3456 7890'],
    ]);
    expect(report.issues[1].message).toBe('Nomor HP tidak valid. Contoh: 0812-3456-7890 atau +62 812 3456 7890.');
    expect(report.issues[3].message).toBe('Sama dengan baris 2 di file ini (nomor HP). Baris ini dilewati.');
    expect(scalar(app, 'SELECT COUNT(*) FROM customers')).toBe(2);
    expect(scalar(app, "SELECT phone FROM customers WHERE name = 'Rina'")).toBe('+6285733334444');
  });

  it('transactions: dates, numbers and missing customers are reported; cancellations left out', async () => {
    const app = await shopWithOwner();
    const { report } = await importFile(app, `${FIXTURES}bad-rows-transactions.csv`, 'transactions');
    expect(report).toMatchObject({ status: 'completed', rowsTotal: 7, valid: 2, failed: 4, toSkip: 1, customersCreated: 2 });
    expect(report.byCategory).toEqual({ date: 2, number: 1, missing: 1 });
    expect(report.issues.map((i) => [i.line, i.column, i.category])).toEqual([
      [3, 'Tanggal', 'date'],
      [4, 'Tanggal', 'date'],
      [5, 'Total', 'number'],
      [6, 'Kode Pelanggan', 'missing'],
    ]);
    // 31/02/2026 is a date as written that the calendar does not have; "kemarin" is no date at all.
    expect(report.issues[0].message).toBe('Tanggal ini tidak ada: Februari 2026 hanya sampai tanggal 28.');
    expect(report.issues[1].message).toContain('21/11/2026');
    const rows = app.services.sqlite.prepare('SELECT invoice_no, transaction_date, amount FROM transactions ORDER BY invoice_no').all();
    expect(rows).toEqual([
      { invoice_no: 'F-1', transaction_date: '2026-01-05', amount: 1_250_000 },
      { invoice_no: 'F-6', transaction_date: '2026-01-05', amount: 1_000_001 },
    ]);
  });

  it('a wrong set of columns stops before anything is written', async () => {
    const app = await shopWithOwner();
    const { report } = await importFile(app, `${FIXTURES}wrong-columns.csv`, 'customers');
    expect(report).toMatchObject({ status: 'stopped', stopReason: 'Kolom wajib belum dipetakan: name.' });
    expect(scalar(app, 'SELECT COUNT(*) FROM customers')).toBe(0);
  });

  it('duplicates: skip, update, or stop with nothing written', async () => {
    const app = await shopWithOwner();
    await ok(app, 'customers.create', { name: 'Budi Lama', phone: '081234567890', city: 'Garut' });
    const before = scalar(app, 'SELECT COUNT(*) FROM outbox');
    const stop = await importFile(app, `${FIXTURES}bad-rows-customers.csv`, 'customers', { onDuplicate: 'stop' });
    expect(stop.report).toMatchObject({
      status: 'stopped',
      stopReason: 'Impor dihentikan di baris 2: data ini sudah ada, dan pilihan untuk data ganda adalah "hentikan". Tidak ada yang disimpan.',
    });
    expect(scalar(app, 'SELECT COUNT(*) FROM customers')).toBe(1);
    expect(scalar(app, "SELECT COUNT(*) FROM outbox WHERE entity != 'upload_history'")).toBe(before);
    const skip = await importFile(app, `${FIXTURES}bad-rows-customers.csv`, 'customers', { onDuplicate: 'skip' });
    expect(skip.report).toMatchObject({ status: 'completed', valid: 1, toSkip: 2 });
    expect(scalar(app, "SELECT city FROM customers WHERE phone = '+6281234567890'")).toBe('Garut');
    const update = await importFile(app, `${FIXTURES}bad-rows-customers.csv`, 'customers', { onDuplicate: 'update' });
    expect(update.report).toMatchObject({ status: 'completed', updated: 2 });
    expect(scalar(app, "SELECT name || ' / ' || city FROM customers WHERE phone = '+6281234567890'")).toBe('Budi Santoso / Bandung');
  });

  it('strict mode stops on the first failed row', async () => {
    const app = await shopWithOwner();
    const { report } = await importFile(app, `${FIXTURES}bad-rows-customers.csv`, 'customers', { strict: true });
    expect(report).toMatchObject({ status: 'stopped', stopReason: 'Impor dihentikan: 3 baris gagal dan mode ketat aktif. Tidak ada yang disimpan.' });
    expect(scalar(app, 'SELECT COUNT(*) FROM customers')).toBe(0);
  });
});

describe('awkward but valid files', () => {
  it('formula-looking text stays text', async () => {
    const app = await shopWithOwner();
    const { report } = await importFile(app, `${FIXTURES}formula-injection.csv`, 'customers');
    expect(report.status).toBe('completed');
    expect(app.services.sqlite.prepare('SELECT name, notes FROM customers ORDER BY name').all()).toEqual([
      { name: '+62 812 jualan', notes: '@SUM(A1)' },
      { name: '=HYPERLINK("http://x","klik")', notes: '=1+1' },
    ]);
  });

  it('line endings mixed in one file (\\r\\n, \\n, \\r): every line its own row, a line break inside quotes still one cell', async () => {
    const app = await shopWithOwner();
    const { report } = await importFile(app, `${FIXTURES}mixed-line-endings.csv`, 'customers');
    expect(report).toMatchObject({ status: 'completed', rowsTotal: 12, valid: 12, failed: 0 });
    const rows = app.services.sqlite.prepare('SELECT name, address FROM customers ORDER BY phone').all() as { name: string; address: string }[];
    expect(rows.map((r) => r.name)).toEqual(['Ani', 'Bayu', 'Citra', 'Dewi', 'Eka', 'Fajar', 'Gita', 'Hadi', 'Indah', 'Joko', 'Kiki', 'Lina']);
    expect(rows[2].address).toBe('Jl. Kenanga 3 Bandung');
    expect(rows[4].address).toBe('Jl. "Teratai" 5');
  });

  it('Windows-1252 text is read as such', async () => {
    const app = await shopWithOwner();
    const { inspected } = await importFile(app, `${FIXTURES}windows-1252.csv`, 'customers');
    expect(inspected).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(app.services.sqlite.prepare('SELECT name, notes FROM customers ORDER BY name').all()).toEqual([
      { name: 'Désirée', notes: 'Crème brûlée' },
      { name: 'José Ramírez', notes: 'Café' },
    ]);
  });

  it('a title above the header, a BOM, semicolons and Rupiah text', async () => {
    const app = await shopWithOwner();
    const { inspected, report } = await importFile(app, `${FIXTURES}semicolon-bom.csv`, 'transactions');
    expect(inspected).toMatchObject({
      headerRow: 2,
      headerLine: 3,
      headers: ['Tgl', 'Nama Pelanggan', 'No. HP', 'Jumlah'],
      titleRows: [['Laporan Penjualan Toko Sari'], ['']],
    });
    expect(report).toMatchObject({ status: 'completed', valid: 2, customersCreated: 2 });
    expect(
      app.services.sqlite
        .prepare('SELECT t.transaction_date, t.amount, c.phone FROM transactions t JOIN customers c ON c.id = t.customer_id ORDER BY t.amount')
        .all(),
    ).toEqual([
      { transaction_date: '2026-11-22', amount: 75_000, phone: '+6281211110002' },
      { transaction_date: '2026-11-21', amount: 1_250_000, phone: '+6281211110001' },
    ]);
  });

  it('an XLSX written by LibreOffice with mixed Indonesian formats: every value right', async () => {
    const app = await shopWithOwner();
    const { inspected, report } = await importFile(app, `${FIXTURES}libreoffice-mixed.xlsx`, 'transactions');
    expect(inspected).toMatchObject({ format: 'xlsx', sheet: 'Penjualan November', headerRow: 1, headers: ['Tanggal', 'Nama Pelanggan', 'No HP', 'Total'] });
    expect(inspected.columnTypes[2]).toBe('phone');
    expect(report).toMatchObject({ status: 'completed', valid: 4, failed: 0, customersCreated: 4 });
    expect(
      app.services.sqlite
        .prepare('SELECT c.name, c.phone, t.transaction_date, t.amount FROM transactions t JOIN customers c ON c.id = t.customer_id ORDER BY c.name')
        .all(),
    ).toEqual([
      { name: 'Ani', phone: '+6281211110001', transaction_date: '2026-11-21', amount: 1_250_000 },
      { name: 'Bayu', phone: '+6281211110002', transaction_date: '2026-11-22', amount: 75_000 },
      { name: 'Citra', phone: '+6281211110003', transaction_date: '2026-01-05', amount: 1_250_000 },
      { name: 'Dewi', phone: '+6281211110004', transaction_date: '2026-01-05', amount: 100_000 },
    ]);
  });
});
