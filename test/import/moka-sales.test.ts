import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import type { ImportOptions } from '../../src-shared/schemas/import';
import { buildCli, cli } from '../cli-run';
import { shopWithOwner, tempDir } from '../helpers';
import { importFile, scalar } from './harness';

const FIXTURE = new URL('../fixtures/marketplace/moka-sales.csv', import.meta.url).pathname;
const PRESET: Partial<ImportOptions> = { preset: 'moka-sales', onDuplicate: 'update', cancellations: 'returns' };
type Row = Record<string, string>;

/** The fixture's rows as the file has them, read apart from the import (no field holds a comma). */
function fileRows(): Row[] {
  const [header, ...lines] = readFileSync(FIXTURE, 'utf8')
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));
  return lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

/** The figures by hand: a receipt is a sale, its lines' Net Sales; a line with Refunds above zero
 * is a return of its receipt; a receipt with no Customer is a walk-in sale, left out. */
function expected(rows: Row[]) {
  const refund = (r: Row) => Number(r.Refunds) > 0;
  const named = rows.filter((r) => r.Customer !== '');
  const walkIn = rows.filter((r) => r.Customer === '');
  const sales = new Set(named.filter((r) => !refund(r)).map((r) => r['Receipt Number']));
  const returns = new Set(named.filter(refund).map((r) => r['Receipt Number']));
  const sum = (list: Row[], f: (r: Row) => number) => list.reduce((s, r) => s + f(r), 0);
  return {
    sales: sales.size,
    returns: returns.size,
    revenue: sum(
      named.filter((r) => !refund(r)),
      (r) => Number(r['Net Sales']),
    ),
    refunded: sum(named.filter(refund), (r) => Number(r.Refunds)),
    customers: new Set(named.map((r) => r.Customer.toLowerCase())),
    walkInReceipts: new Set(walkIn.map((r) => r['Receipt Number'])).size,
    walkInLines: walkIn.length,
    walkInRefunds: walkIn.filter(refund).length,
  };
}

let app: App;
beforeEach(async () => {
  app = await shopWithOwner();
});
afterEach(async () => {
  await app.close();
});

describe('a Moka POS item details export', () => {
  it('is recognised and imports with no mapping: receipts, returns, customers and walk-ins as the rows say', async () => {
    const want = expected(fileRows());
    // The fixture holds what the figures below tell apart.
    expect([want.sales, want.returns, want.walkInReceipts, want.walkInRefunds].every((n) => n > 0)).toBe(true);

    const { inspected, report } = await importFile(app, FIXTURE, 'transactions', PRESET);
    expect(inspected.preset).toBe('moka-sales');
    expect(inspected.presetKind).toBe('till');
    expect(inspected.missing).toEqual([]);
    expect(report.status).toBe('completed');
    expect(report.failed).toBe(0);
    expect(report.issues).toEqual([]);
    expect(report.toSkip).toBe(want.walkInLines);
    expect(report.warnings).toContain(`Struk penjualan tanpa pelanggan (pembeli langsung) dilewati: ${want.walkInReceipts}.`);
    // Each receipt once, each receipt with refunded items also as its return (`C` + the receipt).
    expect(scalar(app, 'SELECT count(*) FROM transactions')).toBe(want.sales + want.returns);
    expect(scalar(app, "SELECT count(*) FROM transactions WHERE invoice_no LIKE 'C%' AND amount < 0")).toBe(want.returns);
    expect(scalar(app, "SELECT sum(amount) FROM transactions WHERE invoice_no NOT LIKE 'C%'")).toBe(want.revenue);
    expect(scalar(app, 'SELECT sum(amount) FROM transactions')).toBe(want.revenue - want.refunded);
    expect(scalar(app, "SELECT count(*) FROM transactions WHERE channel = 'pos'")).toBe(want.sales + want.returns);
    expect(report.customersCreated).toBe(want.customers.size);
    const identities = app.services.sqlite.prepare('SELECT channel_identity FROM customers ORDER BY 1').pluck().all();
    expect(identities).toEqual([...want.customers].map((c) => `moka:${c}`).sort());
  });

  it('keeps a receipt’s lines as items and its refunded items as the return’s, quantities negative', async () => {
    const rows = fileRows();
    await importFile(app, FIXTURE, 'transactions', PRESET);
    const refunded = rows.filter((r) => Number(r.Refunds) > 0 && r.Customer !== '');
    const receipt = refunded[refunded.length - 1]['Receipt Number'];
    const lines = (invoice: string) =>
      JSON.parse(scalar(app, 'SELECT items FROM transactions WHERE invoice_no = ?', invoice) as string) as { name: string; qty: number; price: number }[];
    const sold = rows.filter((r) => r['Receipt Number'] === receipt && Number(r.Refunds) === 0);
    expect(lines(receipt)).toEqual(
      sold.map((r) => ({ product_id: null, name: r.Items, qty: Number(r.Quantity), price: Number(r['Net Sales']) / Number(r.Quantity) })),
    );
    const back = refunded.filter((r) => r['Receipt Number'] === receipt);
    expect(lines(`C${receipt}`)).toEqual(
      back.map((r) => ({ product_id: null, name: r.Items, qty: Number(r.Quantity), price: Number(r.Refunds) / -Number(r.Quantity) })),
    );
  });

  it('leaves refunds out when the owner chooses to leave returns out', async () => {
    const want = expected(fileRows());
    const { report } = await importFile(app, FIXTURE, 'transactions', { ...PRESET, cancellations: 'exclude' });
    expect(report.failed).toBe(0);
    expect(report.warnings).toContain(`Pesanan dikembalikan/refund dilewati sesuai pilihan: ${want.returns}.`);
    expect(scalar(app, 'SELECT count(*) FROM transactions')).toBe(want.sales);
    expect(scalar(app, 'SELECT sum(amount) FROM transactions')).toBe(want.revenue);
  });

  it('imported again changes nothing', async () => {
    await importFile(app, FIXTURE, 'transactions', PRESET);
    const before = scalar(app, "SELECT count(*) || '/' || sum(amount) FROM transactions");
    const { report } = await importFile(app, FIXTURE, 'transactions', PRESET);
    expect(report.status).toBe('stopped');
    expect(report.stopReason).toMatch(/^Ekspor ini sudah diimpor/);
    expect(scalar(app, "SELECT count(*) || '/' || sum(amount) FROM transactions")).toBe(before);
  });
});

describe('a Moka POS export on the command line', { timeout: 120_000 }, () => {
  beforeAll(buildCli, 300_000);

  it('names the recognised preset and imports with no mapping file', () => {
    const want = expected(fileRows());
    const db = join(tempDir(), 'shop.sqlite');
    expect(cli(['init', '--db', db, '--demo']).code).toBe(0);
    const run = cli(['import', FIXTURE, '--kind', 'transactions', '--db', db, '--json']);
    expect(run.err).toBe('');
    const out = JSON.parse(run.out) as Record<string, unknown>;
    expect(out).toMatchObject({ status: 'completed', preset: 'moka-sales', failed: 0, skipped: want.walkInLines, customersCreated: want.customers.size });
    expect(out.records).toBe(want.sales + want.returns);
  });
});
