import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { ok, shopWithOwner, tempDir } from '../helpers';
import { importFile } from './harness';

const HEADER = 'No Faktur;Tanggal;Kode Pelanggan;Nama Pelanggan;Total';

function csv(lines: string[]): string {
  const path = join(tempDir(), 'penjualan.csv');
  writeFileSync(path, [HEADER, ...lines].join('\n') + '\n');
  return path;
}

/** Each sale with its invoice, its customer's code, date and amount. */
function sales(app: App) {
  return app.services.sqlite
    .prepare(
      'SELECT t.invoice_no AS invoice, c.code, t.transaction_date AS date, t.amount, json_array_length(t.items) AS items FROM transactions t JOIN customers c ON c.id = t.customer_id WHERE t.deleted_at IS NULL ORDER BY t.invoice_no, c.code',
    )
    .all();
}

describe('an invoice whose lines name different customers', () => {
  // Rows 2-7: INV-1, three lines for Ani and three for Bayu; rows 8-9: INV-2, Ani and Citra.
  const lines = [
    'INV-1;05/01/2026;P-1;Ani;10.000',
    'INV-1;05/01/2026;P-1;Ani;20.000',
    'INV-1;05/01/2026;P-1;Ani;30.000',
    'INV-1;05/01/2026;P-2;Bayu;1.000',
    'INV-1;05/01/2026;P-2;Bayu;2.000',
    'INV-1;05/01/2026;P-2;Bayu;3.000',
    'INV-2;06/01/2026;P-1;Ani;50.000',
    'INV-2;06/01/2026;P-3;Citra;60.000',
  ];

  it('is one sale per customer, each named in the report with the row, the invoice and both customers', async () => {
    const app = await shopWithOwner();
    const { report } = await importFile(app, csv(lines), 'transactions');
    expect(report).toMatchObject({ status: 'completed', rowsTotal: 8, valid: 8, failed: 0, records: 4, customersCreated: 3 });
    expect(sales(app)).toEqual([
      { invoice: 'INV-1', code: 'P-1', date: '2026-01-05', amount: 60_000, items: 0 },
      { invoice: 'INV-1', code: 'P-2', date: '2026-01-05', amount: 6_000, items: 0 },
      { invoice: 'INV-2', code: 'P-1', date: '2026-01-06', amount: 50_000, items: 0 },
      { invoice: 'INV-2', code: 'P-3', date: '2026-01-06', amount: 60_000, items: 0 },
    ]);
    expect(report.issues.map((i) => [i.line, i.column, i.category, i.value])).toEqual([
      [5, 'Kode Pelanggan', 'other', 'Bayu (P-2)'],
      [9, 'Kode Pelanggan', 'other', 'Citra (P-3)'],
    ]);
    expect(report.issues[0].message).toBe(
      'Faktur INV-1 di baris 2 atas nama Ani (P-1), tetapi baris ini atas nama Bayu (P-2). Dicatat sebagai transaksi terpisah untuk Bayu (P-2).',
    );
    expect(report.warnings).toContain(
      '2 faktur menyebut lebih dari satu pelanggan; tiap pelanggan dicatat sebagai transaksi sendiri dengan nomor faktur yang sama. Barisnya ada di daftar masalah.',
    );
  });

  it('in English too', async () => {
    const app = await shopWithOwner();
    await ok(app, 'auth.setPreferences', { language: 'en' });
    const { report } = await importFile(app, csv(lines.slice(0, 4)), 'transactions');
    expect(report.issues.map((i) => i.message)).toEqual([
      'Invoice INV-1 is for Ani (P-1) at row 2, but this row names Bayu (P-2). Recorded as a separate sale for Bayu (P-2).',
    ]);
    expect(report.warnings).toContain(
      "Invoices naming more than one customer: 1. Each customer's lines were recorded as a sale of their own, under the same invoice number; the rows are in the list of problems.",
    );
  });

  it("lines taking turns, and lines coming back further down an unsorted file, join their own customer's sale", async () => {
    const app = await shopWithOwner();
    const { report } = await importFile(
      app,
      csv([
        'INV-1;05/01/2026;P-1;Ani;10.000',
        'INV-1;05/01/2026;P-2;Bayu;1.000',
        'INV-1;05/01/2026;P-1;Ani;20.000',
        'INV-1;05/01/2026;P-2;Bayu;2.000',
        'INV-9;05/01/2026;P-3;Citra;5.000',
        'INV-1;05/01/2026;P-2;Bayu;3.000',
        'INV-1;05/01/2026;P-1;Ani;30.000',
        'INV-1;05/01/2026;P-4;Dewi;7.000',
      ]),
      'transactions',
    );
    expect(report).toMatchObject({ status: 'completed', valid: 8, records: 4 });
    expect(sales(app)).toEqual([
      { invoice: 'INV-1', code: 'P-1', date: '2026-01-05', amount: 60_000, items: 0 },
      { invoice: 'INV-1', code: 'P-2', date: '2026-01-05', amount: 6_000, items: 0 },
      { invoice: 'INV-1', code: 'P-4', date: '2026-01-05', amount: 7_000, items: 0 },
      { invoice: 'INV-9', code: 'P-3', date: '2026-01-05', amount: 5_000, items: 0 },
    ]);
    // Each further customer is reported once, where the invoice first names them.
    expect(report.issues.map((i) => [i.line, i.value])).toEqual([
      [3, 'Bayu (P-2)'],
      [9, 'Dewi (P-4)'],
    ]);
  });

  it('the same customer written differently (the code without the name, or a phone) is still one customer', async () => {
    const app = await shopWithOwner();
    const path = join(tempDir(), 'satu-pelanggan.csv');
    writeFileSync(
      path,
      [
        'No Faktur;Tanggal;Kode Pelanggan;Nama Pelanggan;No HP;Total',
        'INV-1;05/01/2026;P-1;Ani;0812-1111-0001;10.000',
        'INV-1;05/01/2026;P-1;;;20.000',
        'INV-1;05/01/2026;;;081211110001;30.000',
      ].join('\n'),
    );
    const { report } = await importFile(app, path, 'transactions');
    expect(report).toMatchObject({ status: 'completed', valid: 3, records: 1, customersCreated: 1 });
    expect(report.issues).toEqual([]);
    expect(sales(app)).toEqual([{ invoice: 'INV-1', code: 'P-1', date: '2026-01-05', amount: 60_000, items: 0 }]);
  });

  it("can be refused instead: the lines of any customer but the invoice's first fail, and say why", async () => {
    const app = await shopWithOwner();
    const { report } = await importFile(app, csv(lines), 'transactions', { multiCustomerInvoice: 'reject' });
    expect(report).toMatchObject({ status: 'completed', valid: 4, failed: 4, records: 2, customersCreated: 1 });
    expect(sales(app)).toEqual([
      { invoice: 'INV-1', code: 'P-1', date: '2026-01-05', amount: 60_000, items: 0 },
      { invoice: 'INV-2', code: 'P-1', date: '2026-01-06', amount: 50_000, items: 0 },
    ]);
    expect(report.issues.map((i) => [i.line, i.category])).toEqual([
      [5, 'other'],
      [6, 'other'],
      [7, 'other'],
      [9, 'other'],
    ]);
    expect(report.issues[0].message).toBe(
      'Faktur INV-1 di baris 2 atas nama Ani (P-1), tetapi baris ini atas nama Bayu (P-2). Baris ini ditolak: satu faktur hanya untuk satu pelanggan.',
    );
  });

  it('imported again with "update", each customer\'s sale is updated in place: nothing doubles', async () => {
    const app = await shopWithOwner();
    await importFile(app, csv(lines), 'transactions');
    const before = sales(app);
    const { report } = await importFile(app, csv(lines), 'transactions', { onDuplicate: 'update' });
    expect(report).toMatchObject({ status: 'completed', updated: 8, records: 4, customersCreated: 0 });
    expect(sales(app)).toEqual(before);
  }, 60_000);
});

describe("a line whose date is not its invoice's", () => {
  it("is reported with the row, the invoice and both dates; the sale keeps its first line's date", async () => {
    const app = await shopWithOwner();
    const { report } = await importFile(
      app,
      csv(['INV-3;05/01/2026;P-1;Ani;10.000', 'INV-3;06/01/2026;P-1;Ani;20.000', 'INV-3;05/01/2026;P-1;Ani;30.000']),
      'transactions',
    );
    expect(report).toMatchObject({ status: 'completed', valid: 3, failed: 0, records: 1 });
    expect(sales(app)).toEqual([{ invoice: 'INV-3', code: 'P-1', date: '2026-01-05', amount: 60_000, items: 0 }]);
    expect(report.issues.map((i) => [i.line, i.column, i.category, i.value])).toEqual([[3, 'Tanggal', 'date', '06/01/2026']]);
    expect(report.issues[0].message).toBe(
      'Faktur INV-3: tanggal baris ini (06/01/2026) berbeda dari baris pertamanya (baris 2, 05/01/2026). Transaksinya memakai tanggal baris pertama.',
    );
    expect(report.warnings).toContain(
      '1 baris punya tanggal yang berbeda dari baris pertama fakturnya; transaksinya memakai tanggal baris pertama. Barisnya ada di daftar masalah.',
    );
  });
});
