import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { shopWithOwner } from '../helpers';
import { importFile, scalar } from './harness';

const DIR = new URL('../fixtures/marketplace/', import.meta.url).pathname;
type State = 'done' | 'cancelled' | 'returned' | 'inProgress';
type Row = Record<string, string>;

/** Rows of a sheet below its header row, as text, read apart from the import. */
async function sheetRows(file: string, headerRow: number): Promise<Row[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(DIR + file);
  const sheet = book.worksheets[0];
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows: Row[] = [];
  sheet.eachRow((row, n) => {
    if (n > headerRow) rows.push(Object.fromEntries(headers.map((h, i) => [h, String(row.getCell(i + 1).value ?? '')])));
  });
  return rows;
}

/** The fixture's CSV (no field of it holds a comma or a quote). */
function csvRows(file: string): Row[] {
  const [header, ...lines] = readFileSync(DIR + file, 'utf8')
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));
  return lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

const rupiah = (text: string) => Number(text.replace(/[^\d]/g, ''));

interface Platform {
  preset: string;
  file: string;
  channel: string;
  prefix: string;
  rows: () => Promise<Row[]>;
  /** Rows that are no order (TikTok's row describing its columns). */
  notOrders: number;
  order: (r: Row) => string;
  state: (r: Row) => State;
  lineTotal: (r: Row) => number;
  buyer: (r: Row) => string;
}

// Each platform's words for each state, written out here by hand from its help pages.
const PLATFORMS: Platform[] = [
  {
    preset: 'tiktok-orders',
    file: 'tiktok-orders.csv',
    channel: 'tiktok_shop',
    prefix: 'tiktok',
    rows: async () => csvRows('tiktok-orders.csv').filter((r) => /^\d+$/.test(r['Order ID'])),
    notOrders: 1,
    order: (r) => r['Order ID'],
    state: (r) =>
      r['Order Status'] === 'Cancelled'
        ? 'cancelled'
        : r['Order Status'] === 'Completed'
          ? r['Cancelation/Return Type'] === 'Return/Refund'
            ? 'returned'
            : 'done'
          : 'inProgress',
    lineTotal: (r) => rupiah(r['SKU Subtotal After Discount']),
    buyer: (r) => r['Buyer Username'],
  },
  {
    preset: 'tokopedia-orders',
    file: 'tokopedia-orders.xlsx',
    channel: 'tokopedia',
    prefix: 'tokopedia',
    rows: () => sheetRows('tokopedia-orders.xlsx', 5),
    notOrders: 0,
    order: (r) => r['Nomor Invoice'],
    state: (r) =>
      (({ 'Pesanan Selesai': 'done', 'Dibatalkan Pembeli': 'cancelled', 'Dibatalkan Sistem': 'cancelled', 'Pengembalian Dana': 'returned' })[
        r['Status Terakhir']
      ] as State) ?? 'inProgress',
    lineTotal: (r) => Number(r['Jumlah Produk Dibeli']) * Number(r['Harga Jual (IDR)']),
    buyer: (r) => r['Nama Pembeli'],
  },
  {
    preset: 'lazada-orders',
    file: 'lazada-orders.xlsx',
    channel: 'lazada',
    prefix: 'lazada',
    rows: () => sheetRows('lazada-orders.xlsx', 1),
    notOrders: 0,
    order: (r) => r['Order Number'],
    state: (r) =>
      (({ delivered: 'done', confirmed: 'done', canceled: 'cancelled', failed: 'cancelled', returned: 'returned' })[r.Status] as State) ?? 'inProgress',
    lineTotal: (r) => Number(r['Unit Price']),
    buyer: (r) => r['Customer Name'],
  },
];

function figures(p: Platform, rows: Row[]) {
  const orders = new Map<string, { state: State; total: number; buyer: string; lines: number }>();
  for (const r of rows) {
    const o = orders.get(p.order(r)) ?? { state: p.state(r), total: 0, buyer: p.buyer(r), lines: 0 };
    o.total += p.lineTotal(r);
    o.lines += 1;
    orders.set(p.order(r), o);
  }
  const all = [...orders.values()];
  const of = (state: State) => all.filter((o) => o.state === state);
  return {
    done: of('done').length,
    returned: of('returned').length,
    cancelled: of('cancelled').length,
    revenue: of('done').reduce((s, o) => s + o.total, 0),
    buyers: new Set([...of('done'), ...of('returned')].map((o) => o.buyer.toLowerCase())),
    skippedLines: [...of('cancelled'), ...of('inProgress')].reduce((s, o) => s + o.lines, 0),
    states: new Set(all.map((o) => o.state)),
  };
}

let app: App;
beforeEach(async () => {
  app = await shopWithOwner();
});
afterEach(async () => {
  await app.close();
});

describe.each(PLATFORMS)('the $channel order export', (p) => {
  it('is recognised and imports with no mapping, its figures those of its rows', async () => {
    const want = figures(p, await p.rows());
    expect(want.states).toEqual(new Set(['done', 'cancelled', 'returned', 'inProgress']));
    const { inspected, report } = await importFile(app, DIR + p.file, 'transactions', { preset: p.preset, onDuplicate: 'update', cancellations: 'returns' });
    expect(inspected.preset).toBe(p.preset);
    expect(inspected.missing).toEqual([]);
    expect(report.status).toBe('completed');
    expect(report.failed).toBe(0);
    expect(report.issues).toEqual([]);
    expect(report.toSkip).toBe(want.skippedLines + p.notOrders);
    expect(scalar(app, 'SELECT count(*) FROM transactions')).toBe(want.done + 2 * want.returned);
    expect(scalar(app, 'SELECT count(*) FROM transactions WHERE channel = ?', p.channel)).toBe(want.done + 2 * want.returned);
    expect(scalar(app, 'SELECT sum(amount) FROM transactions')).toBe(want.revenue);
    expect(report.customersCreated).toBe(want.buyers.size);
    const identities = app.services.sqlite.prepare('SELECT channel_identity FROM customers ORDER BY 1').pluck().all();
    expect(identities).toEqual([...want.buyers].map((b) => `${p.prefix}:${b}`).sort());
    expect(scalar(app, "SELECT count(*) FROM customers WHERE phone LIKE '%*%'")).toBe(0);
    expect(report.warnings).toContain(`Pesanan batal dilewati: ${want.cancelled}.`);
  });

  it('imported again changes nothing', async () => {
    await importFile(app, DIR + p.file, 'transactions', { preset: p.preset, onDuplicate: 'update', cancellations: 'returns' });
    const before = scalar(app, "SELECT count(*) || '/' || sum(amount) FROM transactions");
    const { report } = await importFile(app, DIR + p.file, 'transactions', { preset: p.preset, onDuplicate: 'update', cancellations: 'returns' });
    expect(report.status).toBe('stopped');
    expect(report.stopReason).toMatch(/^Ekspor ini sudah diimpor/);
    expect(scalar(app, "SELECT count(*) || '/' || sum(amount) FROM transactions")).toBe(before);
  });
});
