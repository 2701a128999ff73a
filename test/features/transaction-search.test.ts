import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { newId } from '../../src-main/core/ids';
import { write } from '../../src-main/core/write';
import { insertMany } from '../../src-main/import/bulk-insert';
import { transactionListQuery, transactionTotalsQuery } from '../../src-main/transactions/queries';
import type { TransactionListInput } from '../../src-shared/schemas/transaction';
import { transactionListInput } from '../../src-shared/schemas/transaction';
import { ok, shopWithOwner } from '../helpers';

/** The plan SQLite chooses for the list's page and its totals, as the handler would run them. */
function plans(app: App, input: TransactionListInput, customerMatches?: string): { page: string; totals: string } {
  const parsed = { ...transactionListInput.parse(input), customerMatches };
  const explain = (compiled: { sql: string; parameters: readonly unknown[] }) =>
    (app.services.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as { detail: string }[]).map((r) => r.detail).join('\n');
  return {
    page: explain(transactionListQuery(app.services.db, parsed).select('t.id').limit(parsed.pageSize).compile()),
    totals: explain(transactionTotalsQuery(app.services.db, parsed).compile()),
  };
}

/** Two customers and 60 sales with invoices `INV-2026110<d>-<n>` and a few campaign codes. */
async function shop() {
  const app = await shopWithOwner();
  const ani = await ok(app, 'customers.create', { name: 'Ani Lestari', phone: '0812-1111-2222' });
  const bayu = await ok(app, 'customers.create', { name: 'Bayu Saputra' });
  write({ ...app.services, userId: null }, (w) =>
    insertMany(
      w,
      'transactions',
      Array.from({ length: 60 }, (_, i) => ({
        id: newId(),
        customer_id: i % 3 === 0 ? ani.id : bayu.id,
        transaction_date: `2026-11-0${1 + (i % 9)}`,
        amount: ((i * 37) % 60) * 1_000 + 1_000,
        items: '[]',
        channel: 'offline',
        campaign_code: i % 10 === 0 ? 'HMT_NOV_2026_HEMAT' : null,
        invoice_no: i === 59 ? 'inv-kecil-1' : `INV-2026110${1 + (i % 9)}-${String(i).padStart(3, '0')}`,
        notes: i === 5 ? 'titip INV-2026' : null,
        deleted_at: null,
      })),
    ),
  );
  app.services.sqlite.exec('ANALYZE');
  return { app, ani, bayu };
}

describe('transactions list at scale', () => {
  it('sorts by amount through its index, largest first, ties by id', async () => {
    const { app } = await shop();
    const all = app.services.sqlite.prepare('SELECT id, amount FROM transactions WHERE deleted_at IS NULL ORDER BY amount DESC, id DESC').all() as {
      id: string;
      amount: number;
    }[];
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(...(await ok(app, 'transactions.list', { sort: 'amount', desc: true, page, pageSize: 25 })).rows);
    expect(pages.map((r) => r.id)).toEqual(all.map((r) => r.id));
    // Pinned to its index (a plan change here means a full sort of a million sales again).
    expect(plans(app, { sort: 'amount', desc: true }).page).toMatch(/SCAN t USING INDEX idx_transactions_amount/);
    expect(plans(app, { sort: 'amount', desc: true }).page).not.toMatch(/TEMP B-TREE/);
  });

  it('finds invoices by their start, as typed or in lower case, through the invoice index', async () => {
    const { app } = await shop();
    const exact = await ok(app, 'transactions.list', { search: 'INV-20261103-020' });
    expect(exact.rows.map((r) => r.invoice_no)).toEqual(['INV-20261103-020']);
    const day = await ok(app, 'transactions.list', { search: 'inv-20261103', pageSize: 100 });
    const expected = (
      app.services.sqlite.prepare("SELECT invoice_no FROM transactions WHERE invoice_no LIKE 'INV-20261103%'").all() as { invoice_no: string }[]
    ).map((r) => r.invoice_no);
    expect(expected.length).toBeGreaterThan(1);
    expect(day.rows.map((r) => r.invoice_no).sort()).toEqual(expected.sort());
    expect(day.total).toBe(expected.length);
    // Stored in lower case, found as typed.
    expect((await ok(app, 'transactions.list', { search: 'inv-kecil' })).rows.map((r) => r.invoice_no)).toEqual(['inv-kecil-1']);
    // The middle of a number and notes are not searched (that would read every sale).
    expect((await ok(app, 'transactions.list', { search: '20261103-020' })).total).toBe(0);
    // As the list runs it (the customers found looked up first) and as an export does (a subquery).
    for (const plan of [...Object.values(plans(app, { search: 'INV-20261103-020' }, '[]')), ...Object.values(plans(app, { search: 'INV-20261103-020' }))]) {
      expect(plan).toMatch(/idx_transactions_invoice \(invoice_no>\? AND invoice_no<\?\)/);
      expect(plan).not.toMatch(/SCAN t(?! USING)/);
    }
  });

  it('finds a campaign code by its start and a customer by name, code or phone', async () => {
    const { app, ani, bayu } = await shop();
    const campaign = await ok(app, 'transactions.list', { search: 'hmt_nov', pageSize: 100 });
    expect(campaign.total).toBe(6);
    expect(new Set(campaign.rows.map((r) => r.campaign_code))).toEqual(new Set(['HMT_NOV_2026_HEMAT']));
    const byName = await ok(app, 'transactions.list', { search: 'saputra', pageSize: 100 });
    expect(byName.total).toBe(40);
    expect(new Set(byName.rows.map((r) => r.customer_id))).toEqual(new Set([bayu.id]));
    expect((await ok(app, 'transactions.list', { search: '0812 1111' })).total).toBe(20);
    expect((await ok(app, 'transactions.list', { search: ani.code })).total).toBe(20);
    const { totals } = plans(app, { search: 'saputra' });
    expect(totals).toMatch(/idx_transactions_customer/);
    expect(totals).toMatch(/idx_transactions_campaign/);
  });

  it('counts and sums what the filters keep, deleted sales left out (the period totals from the daily rollup)', async () => {
    const { app, ani } = await shop();
    const some = app.services.sqlite.prepare("SELECT id FROM transactions WHERE transaction_date = '2026-11-04' LIMIT 2").all() as { id: string }[];
    for (const { id } of some) await ok(app, 'transactions.delete', { id });
    const truth = (where: string) =>
      app.services.sqlite.prepare(`SELECT COUNT(*) AS total, COALESCE(SUM(amount), 0) AS totalAmount FROM transactions WHERE ${where}`).get();
    const listed = async (input: TransactionListInput) => {
      const { total, totalAmount } = await ok(app, 'transactions.list', input);
      return { total, totalAmount };
    };
    expect(await listed({})).toEqual(truth('deleted_at IS NULL'));
    expect(await listed({ from: '2026-11-03', to: '2026-11-05' })).toEqual(
      truth("deleted_at IS NULL AND transaction_date BETWEEN '2026-11-03' AND '2026-11-05'"),
    );
    expect(await listed({ from: '2026-11-08' })).toEqual(truth("deleted_at IS NULL AND transaction_date >= '2026-11-08'"));
    expect(await listed({ to: '2026-10-31' })).toEqual({ total: 0, totalAmount: 0 });
    expect(await listed({ status: 'deleted' })).toEqual(truth('deleted_at IS NOT NULL'));
    expect(await listed({ status: 'all', from: '2026-11-04', to: '2026-11-04' })).toEqual(truth("transaction_date = '2026-11-04'"));
    expect(await listed({ customerId: ani.id, from: '2026-11-04' })).toEqual(
      truth(`deleted_at IS NULL AND customer_id = '${ani.id}' AND transaction_date >= '2026-11-04'`),
    );
    expect(await listed({ minAmount: 30_000 })).toEqual(truth('deleted_at IS NULL AND amount >= 30000'));
  });
});
