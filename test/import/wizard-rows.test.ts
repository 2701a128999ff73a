import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nonexistentDate, parseDateValue } from '../../src-main/import/normalize/dates';
import { ok, shopWithOwner, tempDir } from '../helpers';
import { importFile } from './harness';

function file(name: string, lines: string[]): string {
  const path = join(tempDir(), name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('a day its month does not have', () => {
  it('is told apart from text that is no date', () => {
    expect(parseDateValue('31/02/2026', 'dmy')).toBeNull();
    expect(nonexistentDate('31/02/2026', 'dmy')).toEqual({ day: 31, month: 2, year: 2026 });
    expect(nonexistentDate('02/31/2026', 'mdy')).toEqual({ day: 31, month: 2, year: 2026 });
    expect(nonexistentDate('29/02/2025', 'dmy')).toEqual({ day: 29, month: 2, year: 2025 });
    expect(nonexistentDate('2026-04-31', 'dmy')).toEqual({ day: 31, month: 4, year: 2026 });
    expect(nonexistentDate('31 Juni 2026', 'dmy')).toEqual({ day: 31, month: 6, year: 2026 });
    expect(nonexistentDate('Sep 31, 2026', 'dmy')).toEqual({ day: 31, month: 9, year: 2026 });
    // Real dates, and text that is no date at all, are not "a day that does not exist".
    expect(nonexistentDate('29/02/2024', 'dmy')).toBeNull();
    expect(nonexistentDate('32/01/2026', 'dmy')).toBeNull();
    expect(nonexistentDate('15/13/2026', 'dmy')).toBeNull();
    expect(nonexistentDate('kemarin', 'dmy')).toBeNull();
    expect(nonexistentDate(46_000, 'dmy')).toBeNull();
  });

  it('is reported with the month and its last day, in both languages', async () => {
    const app = await shopWithOwner();
    const lines = [
      'Tanggal;Nama Pelanggan;Total',
      '31/02/2026;Ani;10.000',
      '29/02/2025;Budi;10.000',
      '31/04/2026;Citra;10.000',
      'kemarin;Dewi;10.000',
      '05/01/2026;Eka;10.000',
    ];
    const { report } = await importFile(app, file('penjualan.csv', lines), 'transactions', {}, undefined, 'import.validate');
    expect(report.issues.map((i) => [i.line, i.column, i.category, i.value, i.message])).toEqual([
      [2, 'Tanggal', 'date', '31/02/2026', 'Tanggal ini tidak ada: Februari 2026 hanya sampai tanggal 28.'],
      [3, 'Tanggal', 'date', '29/02/2025', 'Tanggal ini tidak ada: Februari 2025 hanya sampai tanggal 28.'],
      [4, 'Tanggal', 'date', '31/04/2026', 'Tanggal ini tidak ada: April 2026 hanya sampai tanggal 30.'],
      [5, 'Tanggal', 'date', 'kemarin', 'Tanggal tidak dikenali. Contoh yang diterima: 21/11/2026, 2026-11-21, 5 Januari 2026.'],
    ]);
    await ok(app, 'auth.setPreferences', { language: 'en' });
    const english = await importFile(app, file('penjualan.csv', lines), 'transactions', {}, undefined, 'import.validate');
    expect(english.report.issues[0].message).toBe('This date does not exist: February 2026 has only 28 days.');
  });
});

describe('a sale whose customer has a phone but no name', () => {
  it('creates the customer named by the phone, not by a made-up code', async () => {
    const app = await shopWithOwner();
    const { report } = await importFile(
      app,
      file('penjualan.csv', [
        'Tanggal;No HP;Email;Total',
        '05/01/2026;0812-1111-0001;;10.000',
        '06/01/2026;;dewi@contoh.id;20.000',
        '07/01/2026;0812-1111-0001;;30.000',
      ]),
      'transactions',
    );
    expect(report).toMatchObject({ status: 'completed', valid: 3, failed: 0, customersCreated: 2 });
    expect(app.services.sqlite.prepare('SELECT name, phone, email FROM customers ORDER BY code').all()).toEqual([
      { name: '+6281211110001', phone: '+6281211110001', email: null },
      { name: 'dewi@contoh.id', phone: null, email: 'dewi@contoh.id' },
    ]);
  });
});

describe('row numbers', () => {
  it('the preview numbers its rows as the report does: the row as the spreadsheet numbers it', async () => {
    const app = await shopWithOwner();
    const path = file('penjualan.csv', [
      'Laporan Penjualan Toko Sari',
      '',
      'Tanggal,Nama Pelanggan,Total',
      '05/01/2026,Ani,1000',
      '',
      '31/02/2026,Budi,2000',
      '06/01/2026,Citra,3000',
    ]);
    const { inspected, report } = await importFile(app, path, 'transactions', {}, undefined, 'import.validate');
    expect(inspected).toMatchObject({ headerLine: 3, titleLines: [1, 2] });
    expect(inspected.rows.map((row) => row[1])).toEqual(['Ani', 'Budi', 'Citra']);
    expect(inspected.rowLines).toEqual([4, 6, 7]);
    expect(report.issues.map((i) => [i.line, i.value])).toEqual([[6, '31/02/2026']]);
  });
});
