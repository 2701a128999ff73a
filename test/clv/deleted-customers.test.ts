import { describe, expect, it } from 'vitest';
import { purchaseHistory } from '../../src-main/clv/history';
import { ok, shopWithOwner } from '../helpers';

describe('deleted customers in the CLV history', () => {
  it("a deleted customer's sales are not fitted or scored, and come back when the customer is restored", async () => {
    const app = await shopWithOwner();
    const customer = async (name: string) => (await ok(app, 'customers.create', { name })).id;
    const kept = await customer('Ani');
    const gone = await customer('Dodi');
    for (const [id, day, amount] of [
      [kept, '2026-01-05', 100_000],
      [kept, '2026-02-05', 120_000],
      [gone, '2026-01-10', 7_000_000],
      [gone, '2026-03-10', 7_000_000],
    ] as const) {
      await ok(app, 'transactions.create', { customer_id: id, transaction_date: day, amount });
    }
    await ok(app, 'customers.delete', { id: gone });
    // The sales stay (a deleted customer can be restored with them), but they are no one's to fit.
    expect(app.services.sqlite.prepare('SELECT COUNT(*) FROM transactions WHERE customer_id = ? AND deleted_at IS NULL').pluck().get(gone)).toBe(2);
    const history = await purchaseHistory(app.services, { calibrationEnd: '2026-03-31', holdoutEnd: '2026-06-30', unitDays: 7 });
    expect(history.customerIds).toEqual([kept]);
    expect([history.x[0], history.m[0]]).toEqual([1, 120_000]);
    await ok(app, 'customers.restore', { id: gone });
    const restored = await purchaseHistory(app.services, { calibrationEnd: '2026-03-31', unitDays: 7 });
    expect(restored.customerIds.slice().sort()).toEqual([kept, gone].sort());
  });
});
