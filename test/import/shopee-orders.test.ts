import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import type { ImportOptions } from '../../src-shared/schemas/import';
import { ORDERS, SHOPEE_HEADERS, shopeeRows, writeShopee } from '../fixtures/marketplace/generate-shopee';
import { ok, shopWithOwner, tempDir } from '../helpers';
import { importFile, scalar } from './harness';
import { expected, fileRows, SHOPEE_FIXTURE } from './marketplace-figures';

const FIXTURE = SHOPEE_FIXTURE;
const PRESET: Partial<ImportOptions> = { preset: 'shopee-orders', onDuplicate: 'update', cancellations: 'returns' };

let app: App;
beforeEach(async () => {
  app = await shopWithOwner();
});
afterEach(async () => {
  await app.close();
});

describe('a Shopee order export', () => {
  it('is recognised from its header row and imports with no mapping', async () => {
    const rows = await fileRows();
    expect(rows.length).toBeGreaterThanOrEqual(30);
    const want = expected(rows);
    // The fixture holds every status: the figures below would not tell otherwise.
    expect([want.done.length, want.returned.length, want.cancelled.length, want.inProgress.length].every((n) => n > 0)).toBe(true);

    const { inspected, report } = await importFile(app, FIXTURE, 'transactions', PRESET);
    expect(inspected.preset).toBe('shopee-orders');
    expect(inspected.presetKind).toBe('orders');
    expect(inspected.missing).toEqual([]);
    expect(report.status).toBe('completed');
    expect(report.failed).toBe(0);
    expect(report.toSkip).toBe(want.skippedLines);
    expect(report.warnings).toContain(`Pesanan batal dilewati: ${want.cancelled.length}.`);
    // Buyers are found by their account, not by name; the platform's rupiah need no guess.
    expect(report.warnings.join('\n')).not.toMatch(/lewat nama|pemisah desimal/);
    // Each completed order once, each returned order as its sale and its return.
    expect(scalar(app, 'SELECT count(*) FROM transactions')).toBe(want.done.length + 2 * want.returned.length);
    expect(scalar(app, "SELECT count(*) FROM transactions WHERE invoice_no LIKE 'C%' AND amount < 0")).toBe(want.returned.length);
    expect(scalar(app, 'SELECT sum(amount) FROM transactions')).toBe(want.revenue);
    expect(scalar(app, "SELECT count(*) FROM transactions WHERE channel = 'shopee'")).toBe(want.done.length + 2 * want.returned.length);
    expect(report.customersCreated).toBe(want.buyers.size);
    const identities = app.services.sqlite.prepare('SELECT channel_identity FROM customers ORDER BY 1').pluck().all();
    expect(identities).toEqual([...want.buyers].map((b) => `shopee:${b}`).sort());
  });

  it('keeps masked phones out of the phone field, their digits as a hint, and fills name and city', async () => {
    await importFile(app, FIXTURE, 'transactions', PRESET);
    const sari = app.services.sqlite.prepare("SELECT name, phone, city, notes FROM customers WHERE channel_identity = 'shopee:sari.batik'").get() as Record<
      string,
      string | null
    >;
    expect(sari).toMatchObject({ name: 'Sari Wulandari', phone: null, city: 'KOTA BANDUNG' });
    expect(sari.notes).toContain('7890');
    expect(scalar(app, "SELECT count(*) FROM customers WHERE phone LIKE '%*%'")).toBe(0);
    // The one buyer whose phone the export shows in full keeps it.
    expect(scalar(app, "SELECT phone FROM customers WHERE channel_identity = 'shopee:lina.h'")).toMatch(/1234560001$/);
  });

  it('keeps each line as an item with its name, SKU, quantity and price after discount', async () => {
    await importFile(app, FIXTURE, 'transactions', PRESET);
    const order = ORDERS.find((o) => o.no === '2610040N1P2Q3R');
    const items = JSON.parse(scalar(app, "SELECT items FROM transactions WHERE invoice_no = '2610040N1P2Q3R'") as string) as {
      name: string;
      qty: number;
      price: number;
    }[];
    expect(items.map((i) => [i.name, i.qty, i.price])).toEqual(order?.lines.map(([, name, , , discounted, qty]) => [name, qty, discounted]));
  });

  it('adds the shipping of each order once when the owner includes it', async () => {
    const want = expected(await fileRows());
    await importFile(app, FIXTURE, 'transactions', { ...PRESET, includeShipping: true });
    const returnedShipping = want.returned.reduce((s, o) => s + o.shipping, 0);
    // A returned order's shipping is in its sale and, negative, in its return.
    expect(scalar(app, "SELECT sum(amount) FROM transactions WHERE invoice_no NOT LIKE 'C%'")).toBe(
      want.revenue + want.shipping + want.returned.reduce((s, o) => s + o.products, 0) + returnedShipping,
    );
    expect(scalar(app, 'SELECT sum(amount) FROM transactions')).toBe(want.revenue + want.shipping);
  });

  it('takes orders still in progress as sales when the owner chooses, and leaves returns out when asked', async () => {
    const want = expected(await fileRows());
    const { report } = await importFile(app, FIXTURE, 'transactions', { ...PRESET, inProgress: 'sale', cancellations: 'exclude' });
    const progress = want.inProgress.reduce((s, o) => s + o.products, 0);
    expect(scalar(app, 'SELECT sum(amount) FROM transactions')).toBe(want.revenue + progress);
    expect(scalar(app, 'SELECT count(*) FROM transactions')).toBe(want.done.length + want.inProgress.length);
    expect(report.toSkip).toBe(want.cancelled.reduce((s, o) => s + o.lines, 0) + want.returned.reduce((s, o) => s + o.lines, 0));
  });

  it('imported again is a no-op with a clear message', async () => {
    await importFile(app, FIXTURE, 'transactions', PRESET);
    const before = [
      scalar(app, 'SELECT count(*) FROM transactions'),
      scalar(app, 'SELECT sum(amount) FROM transactions'),
      scalar(app, 'SELECT count(*) FROM customers'),
    ];
    const { report } = await importFile(app, FIXTURE, 'transactions', PRESET);
    expect(report.status).toBe('stopped');
    const want = expected(await fileRows());
    expect(report.stopReason).toBe(
      `Ekspor ini sudah diimpor: ${want.done.length + want.returned.length} pesanannya sudah ada dan tidak berubah. Tidak ada yang diubah.`,
    );
    expect([
      scalar(app, 'SELECT count(*) FROM transactions'),
      scalar(app, 'SELECT sum(amount) FROM transactions'),
      scalar(app, 'SELECT count(*) FROM customers'),
    ]).toEqual(before);
  });

  it('a later overlapping export updates the orders whose status changed instead of duplicating them', async () => {
    await importFile(app, FIXTURE, 'transactions', PRESET);
    const revenue = scalar(app, 'SELECT sum(amount) FROM transactions') as number;
    const count = scalar(app, 'SELECT count(*) FROM transactions') as number;
    // The next month's export: the last orders again, one shipped order now completed, one
    // completed order now returned, and a new one.
    const later = ORDERS.slice(-6).map((o) => ({ ...o }));
    const shipped = later.find((o) => o.no === '2610140E6F7G8H');
    const completed = later.find((o) => o.no === '2610160N3P4Q5R');
    if (!shipped || !completed) throw new Error('fixture changed');
    shipped.status = 'Selesai';
    completed.status = 'Pengembalian Dana/Barang';
    later.push({ ...ORDERS[0], no: '2611010ZZ1Y2X3', created: '2026-11-01 10:00', lines: [ORDERS[1].lines[0]] });
    const path = join(tempDir(), 'Order.all.20261101_20261130.xlsx');
    await writeShopee(path, later);
    const sumOf = (o: (typeof ORDERS)[number]) => o.lines.reduce((s, [, , , , discounted, qty]) => s + discounted * qty, 0);

    const { report } = await importFile(app, path, 'transactions', PRESET);
    expect(report.status).toBe('completed');
    // The shipped order and the new one are new sales; the returned one gets its return.
    expect(scalar(app, 'SELECT count(*) FROM transactions')).toBe(count + 3);
    expect(scalar(app, 'SELECT sum(amount) FROM transactions')).toBe(
      revenue + sumOf(shipped) + sumOf(later.at(-1) as (typeof ORDERS)[number]) - sumOf(completed),
    );
    expect(scalar(app, "SELECT count(*) FROM transactions WHERE invoice_no = '2610160N3P4Q5R'")).toBe(1);
    expect(scalar(app, "SELECT amount FROM transactions WHERE invoice_no = 'C2610160N3P4Q5R'")).toBe(-sumOf(completed));
    expect(report.customersCreated).toBe(0);
  });

  it('files its sales under a channel the sale form knows, and an order number starting with C stays a sale', async () => {
    // The C-prefix rule of a shop's own invoices (C = cancelled) is not a marketplace's: its statuses say.
    const order = { ...ORDERS[0], no: 'C2610010A1B2C3' };
    const path = join(tempDir(), 'shopee-c.xlsx');
    await writeShopee(path, [order]);
    const { report } = await importFile(app, path, 'transactions', PRESET);
    expect(report.status).toBe('completed');
    const sale = app.services.sqlite.prepare('SELECT id, customer_id, transaction_date, amount, channel FROM transactions').get() as {
      id: string;
      customer_id: string;
      transaction_date: string;
      amount: number;
      channel: string;
    };
    expect(sale.amount).toBe(order.lines.reduce((s, [, , , , discounted, qty]) => s + discounted * qty, 0));
    expect(sale.channel).toBe('shopee');
    // The owner corrects a note on it: the form's validation accepts the channel the import set.
    await ok(app, 'transactions.update', {
      id: sale.id,
      customer_id: sale.customer_id,
      transaction_date: sale.transaction_date.slice(0, 10),
      amount: sale.amount,
      channel: 'shopee',
      notes: 'dicek',
    });
    expect(scalar(app, 'SELECT notes FROM transactions WHERE id = ?', sale.id)).toBe('dicek');
    expect(scalar(app, 'SELECT channel FROM transactions WHERE id = ?', sale.id)).toBe('shopee');
  });

  it('is recognised below a title row, with its columns reordered and one more added', async () => {
    const order = [...SHOPEE_HEADERS.keys()].reverse();
    const rows = shopeeRows().map((r) => order.map((i) => r[i]));
    const cell = (v: unknown) => `"${String(v).replace(/"/g, '""')}"`;
    const lines = [
      'Laporan Pesanan Toko Batik Sari 01/10/2026 - 18/10/2026',
      [...order.map((i) => SHOPEE_HEADERS[i]), 'Kolom Baru Shopee'].map(cell).join(','),
      ...rows.map((r) => [...r, 'x'].map(cell).join(',')),
    ];
    const path = join(tempDir(), 'shopee.csv');
    writeFileSync(path, lines.join('\r\n'));
    const want = expected(await fileRows());
    const { inspected, report } = await importFile(app, path, 'transactions', PRESET);
    expect(inspected.preset).toBe('shopee-orders');
    expect(inspected.presetKind).toBe('orders');
    expect(inspected.headerLine).toBe(2);
    expect(report.status).toBe('completed');
    expect(scalar(app, 'SELECT sum(amount) FROM transactions')).toBe(want.revenue);
  });
});
