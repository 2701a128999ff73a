import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import type { ImportOptions } from '../../src-shared/schemas/import';
import { buildCli, cli } from '../cli-run';
import { shopWithOwner, tempDir } from '../helpers';
import { importFile, scalar } from './harness';

// The Pawoon and Olsera till exports (test/fixtures/marketplace/generate-pos.ts): their figures
// worked out here by hand from the files' rows as they stand, apart from the import.

const DIR = new URL('../fixtures/marketplace/', import.meta.url).pathname;
export const PAWOON = `${DIR}pawoon-sales.xlsx`;
export const OLSERA = `${DIR}olsera-sales.csv`;
export const OLSERA_LATER = `${DIR}olsera-sales-later.csv`;
const OPTIONS: Partial<ImportOptions> = { onDuplicate: 'update', cancellations: 'returns' };
type Row = Record<string, string>;

/** `Rp 49.500`, `49.500,00` or 49500: whole rupiah. */
const rupiah = (text: string) => Number(text.replace(/,\d\d$/, '').replace(/[^\d]/g, ''));

/** A sheet's rows below the row that starts with `first` (the header, under the title rows). */
async function pawoonRows(): Promise<Row[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(PAWOON);
  const sheet = book.worksheets[0];
  let headers: string[] | null = null;
  const rows: Row[] = [];
  sheet.eachRow((row) => {
    const cells = (row.values as unknown[]).slice(1).map((v) => String(v ?? ''));
    if (headers) rows.push(Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])));
    else if (cells.includes('ID Struk')) headers = cells;
  });
  return rows;
}

/** The Olsera CSV below its title row; its quoted fields (`"24.000,00"`) hold no quote themselves. */
export function olseraRows(path = OLSERA): Row[] {
  const lines = readFileSync(path, 'utf8').trim().split('\r\n').slice(1);
  const header = lines[0].split(',');
  return lines.slice(1).map((line) => {
    const cells: string[] = [];
    for (let rest = line; rest.length > 0; ) {
      if (rest.startsWith('"')) {
        const end = rest.indexOf('"', 1);
        cells.push(rest.slice(1, end));
        rest = rest.slice(end + 2);
      } else {
        const end = rest.indexOf(',');
        cells.push(end < 0 ? rest : rest.slice(0, end));
        rest = end < 0 ? '' : rest.slice(end + 1);
      }
    }
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

type State = 'sale' | 'cancelled' | 'returned' | 'inProgress';

/** What the file says, by hand: each receipt/order once, by its state; walk-ins (no customer) apart. */
function figures(rows: Row[], col: { order: string; customer: string; total: string; status: string }, state: (status: string) => State) {
  const orders = new Map<string, { customer: string; state: State; total: number; lines: number }>();
  for (const r of rows) {
    const o = orders.get(r[col.order]) ?? { customer: r[col.customer], state: state(r[col.status]), total: 0, lines: 0 };
    o.total += rupiah(r[col.total]);
    o.lines += 1;
    orders.set(r[col.order], o);
  }
  const all = [...orders.values()];
  const named = all.filter((o) => o.customer !== '');
  const of = (s: State) => named.filter((o) => o.state === s);
  const sum = (list: typeof all) => list.reduce((n, o) => n + o.total, 0);
  const kept = [...of('sale'), ...of('returned')];
  return {
    sales: kept.length,
    returns: of('returned').length,
    cancelled: of('cancelled').length,
    inProgress: of('inProgress'),
    walkIns: all.filter((o) => o.customer === '').length,
    revenue: sum(kept),
    refunded: sum(of('returned')),
    customers: new Set(kept.map((o) => o.customer.toLowerCase())),
    skippedLines: all.filter((o) => o.customer === '' || o.state === 'cancelled' || o.state === 'inProgress').reduce((n, o) => n + o.lines, 0),
  };
}

const PAWOON_COLS = { order: 'ID Struk', customer: 'Nama Pelanggan', total: 'Total', status: 'Status Pembayaran' };
const pawoonState = (s: string): State => (s === 'Void' ? 'cancelled' : s === 'Refund' ? 'returned' : 'sale');
export const OLSERA_COLS = { order: 'No. Order', customer: 'Pelanggan', total: 'Total', status: 'Status' };
export const olseraState = (s: string): State =>
  ({ Lunas: 'sale', Selesai: 'sale', Batal: 'cancelled', Retur: 'returned', Pending: 'inProgress', Diproses: 'inProgress', Dikirim: 'inProgress', 'Belum Lunas': 'inProgress' })[s] as State;
export const olseraFigures = (path = OLSERA) => figures(olseraRows(path), OLSERA_COLS, olseraState);

let app: App;
beforeEach(async () => {
  app = await shopWithOwner();
});
afterEach(async () => {
  await app.close();
});

describe('a Pawoon POS Riwayat Transaksi export', () => {
  it('is recognised below its title rows and imports with no mapping: receipts, voids, refunds, walk-ins', async () => {
    const want = figures(await pawoonRows(), PAWOON_COLS, pawoonState);
    // The fixture holds what the figures below tell apart.
    expect([want.sales, want.returns, want.cancelled, want.walkIns].every((n) => n > 0)).toBe(true);

    const { inspected, report } = await importFile(app, PAWOON, 'transactions', { ...OPTIONS, preset: 'pawoon-sales' });
    expect(inspected.preset).toBe('pawoon-sales');
    expect(inspected.presetKind).toBe('till');
    expect(inspected.titleRows.length).toBe(3);
    expect(inspected.missing).toEqual([]);
    expect(report.status).toBe('completed');
    expect(report.failed).toBe(0);
    expect(report.issues).toEqual([]);
    expect(report.toSkip).toBe(want.skippedLines);
    expect(report.warnings).toContain(`Pesanan batal dilewati: ${want.cancelled}.`);
    expect(report.warnings).toContain(`Struk penjualan tanpa pelanggan (pembeli langsung) dilewati: ${want.walkIns}.`);
    expect(scalar(app, "SELECT count(*) FROM transactions WHERE invoice_no NOT LIKE 'C%'")).toBe(want.sales);
    expect(scalar(app, "SELECT count(*) FROM transactions WHERE invoice_no LIKE 'C%' AND amount < 0")).toBe(want.returns);
    expect(scalar(app, "SELECT sum(amount) FROM transactions WHERE invoice_no NOT LIKE 'C%'")).toBe(want.revenue);
    expect(scalar(app, 'SELECT sum(amount) FROM transactions')).toBe(want.revenue - want.refunded);
    expect(scalar(app, "SELECT count(*) FROM transactions WHERE channel = 'pos'")).toBe(want.sales + want.returns);
    expect(report.customersCreated).toBe(want.customers.size);
    const identities = app.services.sqlite.prepare('SELECT channel_identity FROM customers ORDER BY 1').pluck().all();
    expect(identities).toEqual([...want.customers].map((c) => `pawoon:${c}`).sort());
  });

  it('is figured by hand to these numbers', async () => {
    // The same figures written out, so a change to the fixture shows here too.
    const want = figures(await pawoonRows(), PAWOON_COLS, pawoonState);
    expect({ sales: want.sales, returns: want.returns, cancelled: want.cancelled, walkIns: want.walkIns, customers: want.customers.size, revenue: want.revenue, refunded: want.refunded }).toEqual({
      sales: 11, returns: 2, cancelled: 2, walkIns: 4, customers: 6, revenue: 785_840, refunded: 114_620,
    });
  });
});

describe('an Olsera POS sales export', () => {
  it('is recognised below its title row and imports with no mapping; orders in progress skipped by default', async () => {
    const want = olseraFigures();
    expect([want.sales, want.returns, want.cancelled, want.inProgress.length, want.walkIns].every((n) => n > 0)).toBe(true);

    const { inspected, report } = await importFile(app, OLSERA, 'transactions', { ...OPTIONS, preset: 'olsera-sales' });
    expect(inspected.preset).toBe('olsera-sales');
    expect(inspected.headerRow).toBe(1);
    expect(inspected.missing).toEqual([]);
    expect(report.status).toBe('completed');
    expect(report.issues).toEqual([]);
    expect(report.failed).toBe(0);
    expect(report.issues).toEqual([]);
    expect(report.toSkip).toBe(want.skippedLines);
    expect(report.warnings).toContain(`Pesanan batal dilewati: ${want.cancelled}.`);
    expect(report.warnings).toContain(`Pesanan yang masih diproses (perlu dikirim, dikirim) dilewati sesuai pilihan: ${want.inProgress.length}.`);
    expect(report.warnings).toContain(`Struk penjualan tanpa pelanggan (pembeli langsung) dilewati: ${want.walkIns}.`);
    expect(scalar(app, "SELECT count(*) FROM transactions WHERE invoice_no NOT LIKE 'C%'")).toBe(want.sales);
    expect(scalar(app, "SELECT count(*) FROM transactions WHERE invoice_no LIKE 'C%' AND amount < 0")).toBe(want.returns);
    expect(scalar(app, "SELECT sum(amount) FROM transactions WHERE invoice_no NOT LIKE 'C%'")).toBe(want.revenue);
    expect(scalar(app, 'SELECT sum(amount) FROM transactions')).toBe(want.revenue - want.refunded);
    expect(report.customersCreated).toBe(want.customers.size);
    // The till's phone column is a real phone: the customers have it.
    expect(scalar(app, "SELECT phone FROM customers WHERE name = 'Maya Putri'")).toMatch(/81234560011$/);
  });
});

describe('the Olsera fixture', () => {
  it('is figured by hand to these numbers', () => {
    const want = olseraFigures();
    const { sales, returns, cancelled, walkIns, revenue, refunded } = want;
    expect({ sales, returns, cancelled, walkIns, inProgress: want.inProgress.length, customers: want.customers.size, revenue, refunded }).toEqual({
      sales: 6, returns: 1, cancelled: 1, walkIns: 2, inProgress: 5, customers: 4, revenue: 330_000, refunded: 64_000,
    });
    expect(want.inProgress.reduce((n, o) => n + o.total, 0)).toBe(232_000);
  });
});

describe('Pawoon and Olsera exports on the command line', { timeout: 120_000 }, () => {
  beforeAll(buildCli, 300_000);

  it('name the recognised preset and import with no mapping file', async () => {
    const pawoon = figures(await pawoonRows(), PAWOON_COLS, pawoonState);
    const olsera = olseraFigures();
    for (const [file, preset, want] of [[PAWOON, 'pawoon-sales', pawoon], [OLSERA, 'olsera-sales', olsera]] as const) {
      const db = join(tempDir(), 'shop.sqlite');
      expect(cli(['init', '--db', db, '--demo']).code).toBe(0);
      const run = cli(['import', file, '--kind', 'transactions', '--db', db, '--json']);
      expect(run.err).toBe('');
      const out = JSON.parse(run.out) as Record<string, unknown>;
      expect(out).toMatchObject({ status: 'completed', preset, failed: 0, skipped: want.skippedLines, customersCreated: want.customers.size });
      expect(out.records).toBe(want.sales + want.returns);
    }
  });
});
