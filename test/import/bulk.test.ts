import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { INSERT_BATCH } from '../../src-main/import/bulk-insert';
import { ok, rowCount, salesRollups, shopWithOwner, tempDir } from '../helpers';
import { importFile, scalar } from './harness';

/** A table's indexes and triggers as SQLite keeps them, and the planner's statistics for them. */
function indexState(app: App, table: string) {
  const sqlite = app.services.sqlite;
  return {
    indexes: sqlite.prepare("SELECT type, name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND tbl_name = ? ORDER BY name").all(table),
    stats: sqlite.prepare('SELECT idx, stat FROM sqlite_stat1 WHERE tbl = ? ORDER BY idx').all(table),
  };
}

/** Invoices INV-0… over `customers` customers, one line each; INV-0 gets a second line at the very end. */
function salesFile(rows: number, customers: number, price = 1000): string {
  const lines = ['No Faktur,Tanggal,Kode Pelanggan,Nama Pelanggan,Produk,Total'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `INV-${i},2026-03-${String(1 + (i % 28)).padStart(2, '0')},K${i % customers},Pelanggan ${i % customers},Batik ${i % 7},${price * (1 + (i % 50))}`,
    );
  lines.push('INV-0,2026-03-01,K0,Pelanggan 0,Selendang,5000');
  const path = join(tempDir(), `sales-${rows}.csv`);
  writeFileSync(path, lines.join('\n'));
  return path;
}

/** A shop with a few sales and the planner's statistics, which the import must keep. */
async function shopWithSales(): Promise<App> {
  const app = await shopWithOwner();
  const customer = await ok(app, 'customers.create', { name: 'Pelanggan Lama' });
  for (const invoice of ['LAMA-1', 'LAMA-2'])
    await ok(app, 'transactions.create', { customer_id: customer.id, transaction_date: '2026-01-05', amount: 10_000, invoice_no: invoice });
  app.services.sqlite.exec('ANALYZE');
  return app;
}

describe('an import larger than the shop', () => {
  it('builds the indexes at the end, exactly as they were, and writes every row and outbox entry in order', async () => {
    const app = await shopWithSales();
    const before = [indexState(app, 'transactions'), indexState(app, 'customers')];
    expect(before[0].stats.length).toBeGreaterThan(0);
    const rows = 3 * INSERT_BATCH + 5;
    const { report } = await importFile(app, salesFile(rows, 40), 'transactions');
    expect(report).toMatchObject({ status: 'completed', valid: rows + 1, records: rows, customersCreated: 40 });

    expect([indexState(app, 'transactions'), indexState(app, 'customers')]).toEqual(before);
    expect(app.services.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // The triggers were away too: the rollups they keep were computed again, merged invoice included.
    const { truth, kept } = salesRollups(app);
    expect(kept).toEqual(truth);
    expect(kept.span).toHaveLength(41);
    expect(rowCount(app, 'transactions')).toBe(rows + 2);
    // The line met again at the end joined its invoice, written in an earlier batch.
    const first = app.services.sqlite.prepare("SELECT id, amount, items FROM transactions WHERE invoice_no = 'INV-0'").get() as {
      id: string;
      amount: number;
      items: string;
    };
    expect(first.amount).toBe(6000);
    expect((JSON.parse(first.items) as { name: string }[]).map((i) => i.name)).toEqual(['Batik 0', 'Selendang']);

    // One outbox entry per table for the whole import, customers before the sales that point at
    // them; the merge's update follows; the entries' clock is past every row's.
    const sqlite = app.services.sqlite;
    const uploadId = sqlite.prepare('SELECT upload_id FROM transactions WHERE id = ?').pluck().get(first.id);
    const entries = sqlite
      .prepare(
        "SELECT seq, entity, entity_id, op, hlc FROM outbox WHERE entity IN ('customers', 'transactions') AND seq > (SELECT MAX(seq) FROM outbox WHERE entity_id = ? AND op = 'insert') ORDER BY seq",
      )
      .all(uploadId) as { seq: number; entity: string; entity_id: string; op: string; hlc: string }[];
    expect(entries.map((e) => [e.entity, e.entity_id, e.op])).toEqual([
      ['customers', uploadId, 'import'],
      ['transactions', uploadId, 'import'],
      ['transactions', first.id, 'update'],
    ]);
    expect(sqlite.prepare('SELECT COUNT(*) FROM transactions WHERE upload_id = ?').pluck().get(uploadId)).toBe(rows);
    expect(sqlite.prepare('SELECT COUNT(*) FROM customers WHERE upload_id = ?').pluck().get(uploadId)).toBe(40);
    const newest = scalar(app, 'SELECT MAX(hlc) FROM (SELECT hlc FROM transactions UNION ALL SELECT hlc FROM customers)') as string;
    expect(entries[0].hlc > newest && entries[1].hlc > newest).toBe(true);
  });

  it('updates invoices the shop already has, found while the indexes are away', async () => {
    const app = await shopWithSales();
    const rows = 2 * INSERT_BATCH;
    await importFile(app, salesFile(rows, 40), 'transactions');
    const { report } = await importFile(app, salesFile(rows * 2, 40, 2000), 'transactions', { onDuplicate: 'update' });
    // INV-0's line at the end joins the sale the update wrote for it (it used to replace it): one record.
    expect(report).toMatchObject({ status: 'completed', updated: rows + 1, records: rows * 2 });
    expect(scalar(app, "SELECT amount FROM transactions WHERE invoice_no = 'INV-1'")).toBe(4000);
    const first = app.services.sqlite.prepare("SELECT amount, items FROM transactions WHERE invoice_no = 'INV-0'").get() as { amount: number; items: string };
    expect(first.amount).toBe(7000);
    expect((JSON.parse(first.items) as { name: string }[]).map((i) => i.name)).toEqual(['Batik 0', 'Selendang']);
    expect(scalar(app, "SELECT COUNT(*) FROM transactions WHERE invoice_no = 'INV-1'")).toBe(1);
    expect(rowCount(app, 'transactions')).toBe(rows * 2 + 2);
    expect(app.services.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('joins the lines of an invoice wherever they stand in the file', async () => {
    const app = await shopWithOwner();
    const path = join(tempDir(), 'scattered.csv');
    const lines = [
      'No Faktur,Tanggal,Kode Pelanggan,Total',
      'A-1,2026-01-01,K1,100',
      ',2026-01-01,K2,50',
      ' A-1 ,2026-01-01,K1,200',
      'B-1,2026-01-01,K2,10',
      'D-1,2026-01-01,K2,5',
      'B-1,2026-01-01,K2,20',
    ];
    writeFileSync(path, lines.join('\n'));
    const { report } = await importFile(app, path, 'transactions');
    expect(report).toMatchObject({ status: 'completed', valid: 6, records: 4 });
    expect(app.services.sqlite.prepare('SELECT invoice_no, amount FROM transactions ORDER BY amount').all()).toEqual([
      { invoice_no: 'D-1', amount: 5 },
      { invoice_no: 'B-1', amount: 30 },
      { invoice_no: null, amount: 50 },
      { invoice_no: 'A-1', amount: 300 },
    ]);
  });

  it('in a dry run leaves the indexes and everything else as they were', async () => {
    const app = await shopWithSales();
    const before = [indexState(app, 'transactions'), indexState(app, 'customers'), rowCount(app, 'transactions'), rowCount(app, 'outbox')];
    const { report } = await importFile(app, salesFile(3 * INSERT_BATCH, 40), 'transactions', {}, (i) => i.mapping, 'import.validate');
    expect(report).toMatchObject({ status: 'valid', customersCreated: 40 });
    expect([indexState(app, 'transactions'), indexState(app, 'customers'), rowCount(app, 'transactions'), rowCount(app, 'outbox')]).toEqual(before);
  });
});
