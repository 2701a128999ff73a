import { describe, expect, it } from 'vitest';
import { ok, shopWithOwner } from '../helpers';
import { importFile, scalar } from '../import/harness';
import { turnOn } from './harness';

const MOKA = new URL('../fixtures/marketplace/moka-sales.csv', import.meta.url).pathname;

describe('a returned marketplace order gives back the points of what was returned', () => {
  it('each sale holds the points of what is left of it once its return is written', async () => {
    const app = await shopWithOwner();
    await turnOn(app, { points: 1, perRupiah: 10_000, expiryMonths: null, minTransaction: 0 });
    const { report } = await importFile(app, MOKA, 'transactions', { preset: 'moka-sales', onDuplicate: 'update', cancellations: 'returns' });
    expect(report.status).toBe('completed');
    const sales = app.services.sqlite
      .prepare(
        `
      SELECT s.id, s.amount AS gross,
             s.amount + coalesce((SELECT sum(r.amount) FROM transactions r WHERE r.invoice_no = 'C' || s.invoice_no AND r.customer_id = s.customer_id AND r.deleted_at IS NULL), 0) AS net,
             (SELECT coalesce(sum(points), 0) FROM loyalty_ledger l WHERE l.transaction_id = s.id) AS points
      FROM transactions s WHERE s.deleted_at IS NULL AND s.amount > 0`,
      )
      .all() as { id: string; gross: number; net: number; points: number }[];
    const returned = sales.filter((s) => s.net < s.gross);
    expect(returned.length).toBeGreaterThan(0);
    for (const s of sales) expect(s.points, s.id).toBe(Math.floor(Math.max(s.net, 0) / 10_000));
    // A return itself earns nothing and takes nothing of its own.
    expect(scalar(app, 'SELECT COUNT(*) FROM loyalty_ledger l JOIN transactions t ON t.id = l.transaction_id WHERE t.amount < 0')).toBe(0);
    // Imported again: nothing changed, so nothing is reversed or earned twice.
    const entries = scalar(app, 'SELECT COUNT(*) FROM loyalty_ledger');
    await importFile(app, MOKA, 'transactions', { preset: 'moka-sales', onDuplicate: 'update', cancellations: 'returns' });
    expect(scalar(app, 'SELECT COUNT(*) FROM loyalty_ledger')).toBe(entries);
    // The returned sale deleted: what is left of its points goes back too, and the balance is the ledger's sum.
    const one = returned[0];
    await ok(app, 'transactions.delete', { id: one.id });
    expect(scalar(app, 'SELECT coalesce(sum(points), 0) FROM loyalty_ledger WHERE transaction_id = ?', one.id)).toBe(0);
  });
});
