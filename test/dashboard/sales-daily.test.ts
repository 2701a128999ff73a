import { describe, expect, it } from 'vitest';
import { ok, salesRollups, shopWithOwner } from '../helpers';

/** The rollups kept by triggers must always equal the GROUP BY over live transactions. */
describe('sales per day, customer span and yearly totals', () => {
  it('follow every insert, edit, move to another customer, delete, restore and hard delete', async () => {
    const app = await shopWithOwner();
    const sqlite = app.services.sqlite;
    const expectKept = () => {
      const { truth, kept } = salesRollups(app);
      expect(kept).toEqual(truth);
    };
    const ani = await ok(app, 'customers.create', { name: 'Ani' });
    const budi = await ok(app, 'customers.create', { name: 'Budi' });
    const a = await ok(app, 'transactions.create', { customer_id: ani.id, transaction_date: '2026-03-01', amount: 100_000 });
    const b = await ok(app, 'transactions.create', { customer_id: ani.id, transaction_date: '2026-03-01', amount: 50_000 });
    const c = await ok(app, 'transactions.create', { customer_id: ani.id, transaction_date: '2025-12-30', amount: 25_000 });
    await ok(app, 'transactions.create', { customer_id: budi.id, transaction_date: '2026-03-02', amount: 25_000 });
    expectKept();
    expect(salesRollups(app).kept.daily).toEqual([
      { day: '2025-12-30', revenue: 25_000, orders: 1 },
      { day: '2026-03-01', revenue: 150_000, orders: 2 },
      { day: '2026-03-02', revenue: 25_000, orders: 1 },
    ]);
    expect(sqlite.prepare('SELECT first_purchase, last_purchase FROM customer_span WHERE customer_id = ?').get(ani.id)).toEqual({
      first_purchase: '2025-12-30',
      last_purchase: '2026-03-01',
    });

    await ok(app, 'transactions.update', { id: a.id, customer_id: ani.id, transaction_date: '2026-03-05', amount: 120_000 });
    expectKept();
    // the earliest sale moves to Budi: Ani's span narrows, Budi's widens, both years change hands
    await ok(app, 'transactions.update', { id: c.id, customer_id: budi.id, transaction_date: '2025-12-30', amount: 25_000 });
    expectKept();
    expect(sqlite.prepare('SELECT first_purchase FROM customer_span WHERE customer_id = ?').pluck().get(ani.id)).toBe('2026-03-01');
    await ok(app, 'transactions.delete', { id: b.id });
    expectKept();
    await ok(app, 'transactions.delete', { id: a.id });
    expectKept();
    expect(sqlite.prepare('SELECT COUNT(*) FROM customer_span WHERE customer_id = ?').pluck().get(ani.id)).toBe(0); // no live sale left
    await ok(app, 'transactions.restore', { id: b.id });
    expectKept();
    sqlite.prepare('DELETE FROM transactions WHERE id = ?').run(b.id);
    expectKept();
    sqlite.prepare('DELETE FROM transactions WHERE id = ?').run(c.id);
    expectKept();
    expect(salesRollups(app).kept.yearly).toEqual([{ year: '2026', customer_id: budi.id, revenue: 25_000, orders: 1 }]);
  });
});
