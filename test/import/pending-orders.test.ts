import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import type { ImportOptions } from '../../src-shared/schemas/import';
import { ok, shopWithOwner, tempDir } from '../helpers';
import { importFile, scalar } from './harness';
import { OLSERA, OLSERA_COLS, OLSERA_LATER, olseraFigures, olseraRows, olseraState, rupiah } from './pos-figures';

// Orders still in progress kept as pending (migration 0012), over the two overlapping Olsera
// downloads: October's, then November's, starting 28 October.

const PENDING: Partial<ImportOptions> = { preset: 'olsera-sales', onDuplicate: 'update', cancellations: 'returns', inProgress: 'pending' };

/** Each order of a download once: its status and its lines' total, by hand from the file. */
function orders(path: string) {
  const out = new Map<string, { customer: string; status: string; total: number; lines: number }>();
  for (const r of olseraRows(path)) {
    const o = out.get(r[OLSERA_COLS.order]) ?? { customer: r.Pelanggan, status: r.Status, total: 0, lines: 0 };
    o.total += rupiah(r.Total);
    o.lines += 1;
    out.set(r[OLSERA_COLS.order], o);
  }
  return out;
}
const inProgress = (status: string) => olseraState(status) === 'inProgress';

let app: App;
beforeEach(async () => {
  app = await shopWithOwner();
});
afterEach(async () => {
  await app.close();
});

const pendingRows = () =>
  app.services.sqlite.prepare('SELECT invoice_no, status, amount, customer_name FROM pending_orders ORDER BY invoice_no').all() as {
    invoice_no: string;
    status: string;
    amount: number;
    customer_name: string;
  }[];

describe('orders still in progress kept as pending', () => {
  it('are kept apart from the sales: no transaction, no customer, no revenue', async () => {
    const want = olseraFigures();
    const { report: dry } = await importFile(app, OLSERA, 'transactions', PENDING, undefined, 'import.validate');
    // The preview says how many it will keep, and keeps none yet.
    expect(dry.warnings).toContain(`${want.inProgress.length} pesanan dalam proses disimpan sebagai tertunda (belum dihitung sebagai penjualan).`);
    expect(scalar(app, 'SELECT count(*) FROM pending_orders')).toBe(0);

    const { report } = await importFile(app, OLSERA, 'transactions', PENDING);
    expect(report.status).toBe('completed');
    expect(report.failed).toBe(0);
    expect(report.warnings).toContain(`${want.inProgress.length} pesanan dalam proses disimpan sebagai tertunda (belum dihitung sebagai penjualan).`);
    expect(report.warnings.some((w) => w.startsWith('Pesanan yang masih diproses'))).toBe(false);
    // The sales are what skipping them gives: pending orders count nowhere.
    expect(scalar(app, "SELECT count(*) FROM transactions WHERE invoice_no NOT LIKE 'C%'")).toBe(want.sales);
    expect(scalar(app, 'SELECT sum(amount) FROM transactions')).toBe(want.revenue - want.refunded);
    expect(report.customersCreated).toBe(want.customers.size);
    expect(scalar(app, 'SELECT sum(revenue) FROM sales_daily')).toBe(want.revenue - want.refunded);

    const byHand = [...orders(OLSERA).entries()].filter(([, o]) => o.customer !== '' && inProgress(o.status));
    expect(pendingRows()).toEqual(
      byHand
        .map(([no, o]) => ({ invoice_no: no, status: o.status, amount: o.total, customer_name: o.customer }))
        .sort((a, b) => a.invoice_no.localeCompare(b.invoice_no)),
    );
    expect(scalar(app, 'SELECT sum(amount) FROM pending_orders')).toBe(232_000);
    expect(scalar(app, "SELECT count(*) FROM pending_orders WHERE channel = 'pos' AND upload_id = ?", report.uploadId)).toBe(5);
    // What the Transactions page shows of them.
    const listed = await ok(app, 'transactions.pending', {});
    expect({ count: listed.count, amount: listed.amount }).toEqual({ count: 5, amount: 232_000 });
    expect(listed.orders.map((o) => o.invoice_no)).toEqual(byHand.map(([no]) => no).reverse());
  });

  it('a later overlapping export turns a completed one into a sale, drops a cancelled one, and duplicates nothing', async () => {
    await importFile(app, OLSERA, 'transactions', PENDING);
    const before = new Map(pendingRows().map((p) => [p.invoice_no, p]));
    const october = orders(OLSERA);
    const later = orders(OLSERA_LATER);
    const completed = [...later].filter(([no, o]) => before.has(no) && olseraState(o.status) === 'sale');
    const cancelled = [...later].filter(([no, o]) => before.has(no) && olseraState(o.status) === 'cancelled');
    const still = [...later].filter(([no, o]) => before.has(no) && inProgress(o.status));
    const fresh = [...later].filter(([no, o]) => !october.has(no) && o.customer !== '');
    // The fixture holds each case: shipped → completed, unpaid → cancelled, still shipping, new.
    expect([completed.length, cancelled.length, still.length].every((n) => n > 0)).toBe(true);
    const sales = () => scalar(app, "SELECT count(*) FROM transactions WHERE invoice_no NOT LIKE 'C%'") as number;
    const salesBefore = sales();
    const revenueBefore = scalar(app, 'SELECT sum(amount) FROM transactions') as number;

    const { report } = await importFile(app, OLSERA_LATER, 'transactions', PENDING);
    expect(report.status).toBe('completed');
    expect(report.failed).toBe(0);
    expect(report.warnings).toContain(`${completed.length} pesanan tertunda kini selesai dan dicatat sebagai penjualan.`);
    expect(report.warnings).toContain(`${cancelled.length} pesanan tertunda kini batal atau diretur dan dihapus dari daftar tertunda.`);
    const newPending = fresh.filter(([, o]) => inProgress(o.status));
    expect(report.warnings).toContain(`${still.length + newPending.length} pesanan dalam proses disimpan sebagai tertunda (belum dihitung sebagai penjualan).`);

    // Completed ones are sales now, once each, at the later file's figures.
    const newSales = fresh.filter(([, o]) => olseraState(o.status) === 'sale');
    expect(sales()).toBe(salesBefore + completed.length + newSales.length);
    for (const [no] of completed) expect(scalar(app, 'SELECT count(*) FROM transactions WHERE invoice_no = ?', no)).toBe(1);
    const added = [...completed, ...newSales].reduce((n, [, o]) => n + o.total, 0);
    expect(scalar(app, 'SELECT sum(amount) FROM transactions')).toBe(revenueBefore + added);
    // Pending: what it was, less completed and cancelled, plus the new ones in progress.
    const gone = new Set([...completed, ...cancelled].map(([no]) => no));
    const left = [...before.keys()].filter((no) => !gone.has(no));
    expect(pendingRows().map((p) => p.invoice_no)).toEqual([...left, ...newPending.map(([no]) => no)].sort());
    expect(pendingRows().find((p) => p.invoice_no === still[0][0])?.status).toBe(still[0][1].status);
    // Written out: 2 completed, 1 cancelled, 3 left pending (one from October outside the overlap).
    expect({ completed: completed.length, cancelled: cancelled.length, pending: pendingRows().length, added }).toEqual({
      completed: 2,
      cancelled: 1,
      pending: 3,
      added: 154_000,
    });
  });

  it('an order whose lines the file lists apart is kept whole', async () => {
    // October's download with the first line of a pending order of two lines moved to the end.
    const lines = readFileSync(OLSERA, 'utf8').trim().split('\r\n');
    const [no, o] = [...orders(OLSERA)].find(([, order]) => order.customer !== '' && inProgress(order.status) && order.lines > 1) as [
      string,
      { total: number; lines: number },
    ];
    const first = lines.findIndex((l) => l.startsWith(`${no},`));
    const moved = [...lines.slice(0, first), ...lines.slice(first + 1), lines[first]];
    const path = join(tempDir(), 'olsera-unsorted.csv');
    writeFileSync(path, `${moved.join('\r\n')}\r\n`);
    const { report } = await importFile(app, path, 'transactions', PENDING);
    expect(report.failed).toBe(0);
    const row = app.services.sqlite.prepare('SELECT amount, items FROM pending_orders WHERE invoice_no = ?').get(no) as { amount: number; items: string };
    expect(row.amount).toBe(o.total);
    expect((JSON.parse(row.items) as unknown[]).length).toBe(o.lines);
  });

  it('an import undone takes the pending orders it kept with it', async () => {
    const { report } = await importFile(app, OLSERA, 'transactions', PENDING);
    expect(scalar(app, 'SELECT count(*) FROM pending_orders')).toBe(5);
    const undone = await ok(app, 'import.undo', { uploadId: report.uploadId as string });
    expect(undone.transactions).toBeGreaterThan(0);
    expect(scalar(app, 'SELECT count(*) FROM pending_orders')).toBe(0);
  });

  it('skipped, the default, keeps none', async () => {
    await importFile(app, OLSERA, 'transactions', { ...PENDING, inProgress: undefined });
    expect(scalar(app, 'SELECT count(*) FROM pending_orders')).toBe(0);
  });
});
