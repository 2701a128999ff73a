import { describe, expect, it } from 'vitest';
import { ok, shopWithOwner } from '../helpers';

/** The daily sales kept by triggers must always equal the GROUP BY over live transactions. */
describe('sales per day', () => {
  it('follows every insert, edit, delete, restore and hard delete', async () => {
    const app = await shopWithOwner();
    const sqlite = app.services.sqlite;
    const truth = () => sqlite.prepare('SELECT transaction_date AS day, SUM(amount) AS revenue, COUNT(*) AS orders FROM transactions WHERE deleted_at IS NULL GROUP BY transaction_date ORDER BY day').all();
    const kept = () => sqlite.prepare('SELECT day, revenue, orders FROM sales_daily WHERE orders > 0 ORDER BY day').all();
    const customer = await ok(app, 'customers.create', { name: 'Ani' });
    const a = await ok(app, 'transactions.create', { customer_id: customer.id, transaction_date: '2026-03-01', amount: 100_000 });
    const b = await ok(app, 'transactions.create', { customer_id: customer.id, transaction_date: '2026-03-01', amount: 50_000 });
    await ok(app, 'transactions.create', { customer_id: customer.id, transaction_date: '2026-03-02', amount: 25_000 });
    expect(kept()).toEqual(truth());
    expect(kept()).toEqual([{ day: '2026-03-01', revenue: 150_000, orders: 2 }, { day: '2026-03-02', revenue: 25_000, orders: 1 }]);

    await ok(app, 'transactions.update', { id: a.id, customer_id: customer.id, transaction_date: '2026-03-05', amount: 120_000 });
    expect(kept()).toEqual(truth());
    await ok(app, 'transactions.delete', { id: b.id });
    expect(kept()).toEqual(truth());
    await ok(app, 'transactions.restore', { id: b.id });
    expect(kept()).toEqual(truth());
    sqlite.prepare('DELETE FROM transactions WHERE id = ?').run(b.id);
    expect(kept()).toEqual(truth());
    expect(kept()).toEqual([{ day: '2026-03-02', revenue: 25_000, orders: 1 }, { day: '2026-03-05', revenue: 120_000, orders: 1 }]);
  });
});
