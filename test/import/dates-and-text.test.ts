import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock';
import { isTooLate, parseDateValue } from '../../src-main/import/normalize/dates';
import { ok, shopWithOwner, tempDir } from '../helpers';
import { importFile } from './harness';

function file(name: string, lines: string[]): string {
  const path = join(tempDir(), name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** Noon in Jakarta on 15 June 2026: the shop's today. */
const clock = () => new ManualClock(new Date('2026-06-15T05:00:00Z'));

const SALES = [
  'No Faktur;Tanggal;Kode Pelanggan;Nama Pelanggan;Total',
  'F-1;15/06/2026;P-1;Ani;10.000',
  'F-2;16/06/2026;P-1;Ani;10.000',
  'F-3;18/06/2026;P-1;Ani;10.000',
  'F-4;12 Desember 2099;P-1;Ani;10.000',
  'F-5;31/12/2100;P-1;Ani;10.000',
  'F-6;01/01/2101;P-1;Ani;10.000',
];

describe('dates in the future', () => {
  it('are imported with a warning past tomorrow; past 2100 they are refused, saying so', async () => {
    const app = await shopWithOwner({ clock: clock() });
    const { report } = await importFile(app, file('penjualan.csv', SALES), 'transactions');
    expect(report).toMatchObject({ status: 'completed', rowsTotal: 6, valid: 5, failed: 1 });
    expect(report.issues.map((i) => [i.line, i.column, i.category, i.value, i.message])).toEqual([
      [4, 'Tanggal', 'date', '18/06/2026', 'Tanggal ini di masa depan (hari ini 15/06/2026). Tetap diimpor; periksa bila salah ketik.'],
      [5, 'Tanggal', 'date', '12 Desember 2099', 'Tanggal ini di masa depan (hari ini 15/06/2026). Tetap diimpor; periksa bila salah ketik.'],
      [6, 'Tanggal', 'date', '31/12/2100', 'Tanggal ini di masa depan (hari ini 15/06/2026). Tetap diimpor; periksa bila salah ketik.'],
      [7, 'Tanggal', 'date', '01/01/2101', 'Tanggal terlalu jauh di masa depan: paling lambat 31/12/2100.'],
    ]);
    expect(report.warnings).toContain(
      '3 baris bertanggal di masa depan (hari ini 15/06/2026). Tetap diimpor; periksa bila salah ketik. Barisnya ada di daftar masalah.',
    );
    const dates = app.services.sqlite.prepare('SELECT transaction_date FROM transactions ORDER BY invoice_no').pluck().all();
    expect(dates).toEqual(['2026-06-15', '2026-06-16', '2026-06-18', '2099-12-12', '2100-12-31']);
  });

  it('the tolerance is an import option: 0 days warns from tomorrow on', async () => {
    const app = await shopWithOwner({ clock: clock() });
    await ok(app, 'auth.setPreferences', { language: 'en' });
    const { report } = await importFile(app, file('penjualan.csv', SALES), 'transactions', { futureDays: 0 }, undefined, 'import.validate');
    expect(report.issues.filter((i) => i.category === 'date').map((i) => i.line)).toEqual([3, 4, 5, 6, 7]);
    expect(report.issues[0].message).toBe('This date is in the future (today is 15/06/2026). Imported anyway; check it for a typing mistake.');
    expect(report.issues[4].message).toBe('Date too far in the future: 31/12/2100 at the latest.');
    expect(report.warnings).toContain(
      'Rows dated in the future (today is 15/06/2026): 4. Imported anyway; check them for typing mistakes (the rows are in the list of problems).',
    );
  });

  it('a date past 2100 is told apart from text that is no date', () => {
    expect(parseDateValue('31/12/2100', 'dmy')).toBe('2100-12-31');
    expect(parseDateValue('01/01/2101', 'dmy')).toBeNull();
    expect(isTooLate('01/01/2101', 'dmy')).toBe(true);
    expect(isTooLate('1 Januari 2150', 'dmy')).toBe(true);
    expect(isTooLate(21_916_000, 'dmy')).toBe(false); // past any Excel serial
    expect(isTooLate('kemarin', 'dmy')).toBe(false);
    expect(isTooLate('31/02/2101', 'dmy')).toBe(false);
  });
});

describe('invisible characters in text', () => {
  it('a name of only zero-width characters is refused; direction controls are removed with a warning', async () => {
    const app = await shopWithOwner();
    const { report } = await importFile(
      app,
      file('pelanggan.csv', [
        'Nama;No HP;Email;Kota',
        '\u200B\u200B;0812-1111-0001;;Bandung',
        '\u202AAni Lestari\u202C;\u202A0812-1111-0002\u202C;\u2066ani@contoh.id\u2069;\u200BBogor',
        'Bu\u200Bdi;0812-1111-0003;;\u200B',
        '\u{1F469}\u200D\u{1F373} Sari;0812-1111-0004;;Solo',
      ]),
      'customers',
    );
    expect(report).toMatchObject({ status: 'completed', rowsTotal: 4, valid: 3, failed: 1 });
    expect(report.issues.map((i) => [i.line, i.column, i.category, i.message])).toEqual([
      [2, 'Nama', 'other', 'Isinya hanya karakter tak terlihat (seperti spasi lebar nol), jadi tampak kosong. Ketik ulang nilainya.'],
      [3, 'Nama', 'other', 'Karakter pengatur arah teks yang tak terlihat (U+202A–U+202E, U+2066–U+2069) dihapus dari nilai ini.'],
      [3, 'Email', 'other', 'Karakter pengatur arah teks yang tak terlihat (U+202A–U+202E, U+2066–U+2069) dihapus dari nilai ini.'],
    ]);
    expect(app.services.sqlite.prepare('SELECT name, phone, email, city FROM customers ORDER BY phone').all()).toEqual([
      { name: 'Ani Lestari', phone: '+6281211110002', email: 'ani@contoh.id', city: 'Bogor' },
      { name: 'Budi', phone: '+6281211110003', email: null, city: null },
      { name: '\u{1F469}\u200D\u{1F373} Sari', phone: '+6281211110004', email: null, city: 'Solo' },
    ]);
  });

  it('a sale whose customer name is only zero-width characters is refused', async () => {
    const app = await shopWithOwner();
    const { report } = await importFile(
      app,
      file('penjualan.csv', ['Tanggal;Nama Pelanggan;Total', '05/01/2026;\u200B;10.000', '05/01/2026;Ani;20.000']),
      'transactions',
    );
    expect(report).toMatchObject({ status: 'completed', valid: 1, failed: 1 });
    expect(report.issues.map((i) => [i.line, i.column, i.category])).toEqual([[2, 'Nama Pelanggan', 'other']]);
  });
});
