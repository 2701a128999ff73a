import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ok, shopWithOwner } from '../helpers';
import { DATASETS, importFile, scalar } from './harness';

/** Expectations computed here from the raw files, independently of the import code. */
describe('importing the real data sets as transactions', () => {
  it('CDNOW: every purchase, one customer per id, amounts in cents', async () => {
    const lines = readFileSync(`${DATASETS}lifetimes_CDNOW_master.txt`, 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => l.trim());
    const rows = lines.map((l) => l.trim().split(/\s+/));
    const customers = new Set(rows.map((r) => r[0]));
    const cents = rows.reduce((sum, r) => sum + Math.round(Number(r[3]) * 100), 0);
    const perCustomer = new Map<string, number>();
    for (const r of rows) perCustomer.set(r[0], (perCustomer.get(r[0]) ?? 0) + 1);

    const app = await shopWithOwner();
    const { inspected, report } = await importFile(app, `${DATASETS}lifetimes_CDNOW_master.txt`, 'transactions', { amountMultiplier: 100 });
    expect(inspected).toMatchObject({ format: 'csv', delimiter: 'whitespace', headers: ['customer_id', 'date', 'number_of_cds', 'dollar_value'] });
    expect(inspected.mapping).toMatchObject({ customer_code: 0, transaction_date: 1, qty: 2, amount: 3 });
    expect(report).toMatchObject({
      status: 'completed',
      rowsTotal: rows.length,
      valid: rows.length,
      failed: 0,
      toSkip: 0,
      records: rows.length,
      customersCreated: customers.size,
    });
    expect(rows.length).toBe(69_659);
    expect(scalar(app, 'SELECT COUNT(*) FROM transactions')).toBe(rows.length);
    expect(scalar(app, 'SELECT SUM(amount) FROM transactions')).toBe(cents);
    expect(scalar(app, 'SELECT COUNT(*) FROM customers')).toBe(customers.size);
    expect(scalar(app, 'SELECT MIN(transaction_date) FROM transactions')).toBe('1997-01-01');
    expect(scalar(app, 'SELECT MAX(transaction_date) FROM transactions')).toBe('1998-06-30');
    expect(scalar(app, "SELECT COUNT(*) FROM transactions t JOIN customers c ON c.id = t.customer_id WHERE c.code = '00002'")).toBe(perCustomer.get('00002'));
    // sync will see the import: one outbox entry per table, standing for every row of the upload
    const history = await ok(app, 'import.history', {});
    expect(app.services.sqlite.prepare("SELECT entity, entity_id FROM outbox WHERE entity IN ('customers', 'transactions') ORDER BY seq").all()).toEqual([
      { entity: 'customers', entity_id: history.rows[0].id },
      { entity: 'transactions', entity_id: history.rows[0].id },
    ]);
    expect(app.services.sqlite.prepare('SELECT COUNT(*) FROM transactions WHERE upload_id = ?').pluck().get(history.rows[0].id)).toBe(rows.length);
    expect(history.rows[0]).toMatchObject({
      status: 'completed',
      rows_total: rows.length,
      rows_imported: rows.length,
      customers_created: customers.size,
      user_name: 'Sari Wulandari',
    });
  });

  it('UCI Online Retail sample: line items grouped per invoice, cancellations left out, rows without a customer reported', async () => {
    const parsed = Papa.parse<string[]>(readFileSync(`${DATASETS}jerryaoverton_online_retail_sample.csv`, 'utf8'), { skipEmptyLines: true }).data.slice(1);
    const noCustomer = parsed.filter((r) => r[7] === 'NA');
    const withCustomer = parsed.filter((r) => r[7] !== 'NA');
    const cancelled = withCustomer.filter((r) => r[1].startsWith('C') || Number(r[4]) < 0);
    const kept = withCustomer.filter((r) => !(r[1].startsWith('C') || Number(r[4]) < 0));
    const cents = kept.reduce((sum, r) => sum + Math.round(Number(r[4]) * Number(r[6]) * 100), 0);

    const app = await shopWithOwner();
    const { report } = await importFile(app, `${DATASETS}jerryaoverton_online_retail_sample.csv`, 'transactions', { amountMultiplier: 100 });
    expect(parsed.length).toBe(2_709);
    expect(noCustomer.length).toBe(668);
    expect(report).toMatchObject({
      status: 'completed',
      rowsTotal: parsed.length,
      failed: noCustomer.length,
      toSkip: cancelled.length,
      valid: kept.length,
      records: new Set(kept.map((r) => r[1])).size,
      customersCreated: new Set(kept.map((r) => r[7])).size,
    });
    expect(report.byCategory).toEqual({ missing: noCustomer.length });
    expect(report.issues[0]).toMatchObject({ column: 'CustomerID', value: 'NA', category: 'missing', message: expect.stringContaining('Tidak ada pelanggan') });
    expect(scalar(app, 'SELECT SUM(amount) FROM transactions')).toBe(cents);
    const invoice = kept[0][1];
    const lines = kept.filter((r) => r[1] === invoice);
    const tx = app.services.sqlite.prepare('SELECT items, transaction_date FROM transactions WHERE invoice_no = ?').get(invoice) as {
      items: string;
      transaction_date: string;
    };
    expect(JSON.parse(tx.items)).toHaveLength(lines.length);
    const [m, d, y] = lines[0][5].split(' ')[0].split('/');
    expect(tx.transaction_date).toBe(`${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
    expect(report.errorFileId).toBeTruthy();
  });

  it('R rfm orders: customers named by their id, revenue as rupiah', async () => {
    const parsed = Papa.parse<Record<string, string>>(readFileSync(`${DATASETS}rsquaredacademy_rfm_data_orders.csv`, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const app = await shopWithOwner();
    const { report } = await importFile(app, `${DATASETS}rsquaredacademy_rfm_data_orders.csv`, 'transactions', {}, (i) => ({
      ...i.mapping,
      customer_name: null,
    }));
    expect(report).toMatchObject({
      status: 'completed',
      rowsTotal: parsed.length,
      valid: parsed.length,
      customersCreated: new Set(parsed.map((r) => r.customer_id)).size,
    });
    expect(scalar(app, 'SELECT SUM(amount) FROM transactions')).toBe(parsed.reduce((s, r) => s + Number(r.revenue), 0));
    expect(scalar(app, "SELECT COUNT(*) FROM customers WHERE name = 'Brion Stark' AND code = 'Brion Stark'")).toBe(1);
  });
});
