import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ok } from '../helpers';
import { exportTo, trickyShop } from './harness';

const MONEY = '"Rp "#,##0;-"Rp "#,##0';

async function workbook(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

function column(sheet: ExcelJS.Worksheet, header: string): number {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${headers.join(', ')}`);
  return index + 1;
}

describe('export files', () => {
  it('XLSX: typed cells with Rupiah and date formats, a bold frozen header, autofilter, and an Info sheet', async () => {
    const app = await trickyShop();
    const file = await exportTo(app, { report: 'transactions', filters: { sort: 'transaction_date', desc: false }, format: 'xlsx' });
    expect(file).toMatchObject({ rows: 3, name: expect.stringMatching(/^transaksi-\d{4}-\d{2}-\d{2}\.xlsx$/) });
    const book = await workbook(file.path);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Transaksi', 'Info']);
    const sheet = book.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:K1');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(4);

    const date = sheet.getRow(2).getCell(column(sheet, 'Tanggal'));
    expect(date.type).toBe(ExcelJS.ValueType.Date);
    expect(date.value).toEqual(new Date(Date.UTC(2026, 9, 5)));
    expect(date.numFmt).toBe('dd/mm/yyyy');
    const amount = sheet.getRow(2).getCell(column(sheet, 'Nominal'));
    expect(amount.type).toBe(ExcelJS.ValueType.Number);
    expect(amount.value).toBe(650_000);
    expect(amount.numFmt).toBe(MONEY);
    // A return is a negative number, not text.
    const refund = sheet.getRow(4).getCell(column(sheet, 'Nominal'));
    expect(refund.type).toBe(ExcelJS.ValueType.Number);
    expect(refund.value).toBe(-75_000);
    // Text that looks like a formula stays text: never a formula cell.
    const name = sheet.getRow(2).getCell(column(sheet, 'Nama pelanggan'));
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe('=HYPERLINK("http://x","klik")');
    expect(sheet.getRow(2).getCell(column(sheet, 'Catatan')).value).toBe('=1+1');
    expect(sheet.getRow(3).getCell(column(sheet, 'Nama pelanggan')).value).toBe('+62 812 555');
    expect(sheet.getRow(2).getCell(column(sheet, 'Rincian barang')).value).toBe('2 × Kemeja Batik (Rp 325.000)');
    const recorded = sheet.getRow(2).getCell(column(sheet, 'Dicatat'));
    expect(recorded.type).toBe(ExcelJS.ValueType.Date);
    expect(recorded.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(sheet.getColumn(column(sheet, 'Nama pelanggan')).width).toBeGreaterThanOrEqual(28);

    const info = Object.fromEntries(
      book
        .getWorksheet('Info')!
        .getSheetValues()
        .filter(Boolean)
        .map((row) => (row as unknown[]).slice(1, 3)),
    );
    expect(info).toMatchObject({
      Laporan: 'Transaksi',
      Usaha: 'Toko Sari',
      Filter: 'Urutan: Tanggal ↑',
      'Jumlah baris': '3',
      'Total nominal': 'Rp 1.825.000',
      'Dibuat oleh': 'Sari Wulandari',
    });
    expect(info['Dibuat pada']).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(Asia\/Jakarta\)$/);
  });

  it('XLSX of customers carries the latest RFM figures as numbers and dates', async () => {
    const app = await trickyShop();
    await ok(app, 'rfm.run', { asOf: '2026-11-30' });
    const file = await exportTo(app, { report: 'customers', filters: { sort: 'code' }, format: 'xlsx' });
    const sheet = (await workbook(file.path)).worksheets[0];
    expect(sheet.getRow(2).getCell(column(sheet, 'Kode')).value).toBe('C000001');
    expect(sheet.getRow(2).getCell(column(sheet, 'No. HP')).value).toBe('0812-1111-2222');
    expect(sheet.getRow(2).getCell(column(sheet, 'Label')).value).toBe('vip, reseller');
    expect(sheet.getRow(2).getCell(column(sheet, 'Total belanja')).value).toBe(650_000);
    expect(sheet.getRow(2).getCell(column(sheet, 'Total belanja')).numFmt).toBe(MONEY);
    expect(sheet.getRow(2).getCell(column(sheet, 'Terakhir beli')).value).toEqual(new Date(Date.UTC(2026, 9, 5)));
    expect(sheet.getRow(2).getCell(column(sheet, 'Skor R')).type).toBe(ExcelJS.ValueType.Number);
    expect(typeof sheet.getRow(2).getCell(column(sheet, 'Segmen RFM')).value).toBe('string');
    // Ani never bought: her RFM cells are empty, not zero.
    expect(sheet.getRow(5).getCell(column(sheet, 'Nama')).value).toBe('Ani Wijaya');
    expect(sheet.getRow(5).getCell(column(sheet, 'Total belanja')).value).toBeNull();
  }, 60_000);

  it('CSV: UTF-8 with BOM, the chosen separator, RFC 4180 quoting, formulas neutralised, numbers left alone', async () => {
    const app = await trickyShop();
    const file = await exportTo(app, {
      report: 'transactions',
      filters: { sort: 'transaction_date', desc: false },
      format: 'csv',
      separator: ';',
      dateStyle: 'dmy',
    });
    const bytes = readFileSync(file.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).toContain('\r\n');
    const parsed = Papa.parse<string[]>(text.trimEnd(), { delimiter: ';' });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([
      'Tanggal',
      'No faktur',
      'Kode pelanggan',
      'Nama pelanggan',
      'Nominal',
      'Rincian barang',
      'Kanal',
      'Kode kampanye',
      'Catatan',
      'Dicatat',
      'Dihapus',
    ]);
    expect(rows[0].slice(0, 5)).toEqual(['05/10/2026', 'INV-001', 'C000001', `'=HYPERLINK("http://x","klik")`, '650000']);
    expect(rows[0][8]).toBe("'=1+1");
    expect(rows[1][3]).toBe("'+62 812 555");
    expect(rows[2][3]).toBe('Toko "Maju"; Jaya');
    expect(rows[2][4]).toBe('-75000');
    expect(rows[2][8]).toBe('retur; "rusak"');
    expect(rows[0][9]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    // The raw text: quotes doubled inside a quoted field, the separator only inside quotes.
    expect(text).toContain('"Toko ""Maju""; Jaya"');
    expect(text).toContain(';-75000;');
  });

  it('CSV with commas and ISO dates; a cell with a line break stays one field', async () => {
    const app = await trickyShop();
    const file = await exportTo(app, {
      report: 'customers',
      filters: { sort: 'code' },
      format: 'csv',
      separator: ',',
      dateStyle: 'iso',
      columns: ['code', 'name', 'address', 'notes', 'created_at'],
    });
    const parsed = Papa.parse<string[]>(readFileSync(file.path, 'utf8').slice(1).trimEnd(), { delimiter: ',' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(['Kode', 'Nama', 'Alamat', 'Catatan', 'Dibuat']);
    expect(parsed.data[3].slice(0, 4)).toEqual(['C000003', 'Toko "Maju"; Jaya', 'Jl. Merdeka 1\nBlok B', "'@penting"]);
    expect(parsed.data[4][3]).toBe("'-5% untuk member");
    expect(parsed.data[1][4]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });
});
