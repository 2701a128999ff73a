import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock';
import { ok, shopWithOwner } from '../helpers';
import { importFile, scalar } from '../import/harness';
import { salesCsv, sqlBalances, turnOn } from './harness';

type Shop = Awaited<ReturnType<typeof shopWithOwner>>;
const balance = async (app: Shop, id: string) => (await ok(app, 'loyalty.customer', { id })).balance;
const idOf = (app: Shop, code: string) => scalar(app, 'SELECT id FROM customers WHERE code = ?', code) as string;

describe('a corrected sale earns by what it is now', () => {
  it('typed in: its old customer and amount give their points back, the new ones earn; deleted, from the new customer', async () => {
    const app = await shopWithOwner({ clock: new ManualClock(new Date('2026-03-10T03:00:00Z')) });
    await turnOn(app, { points: 1, perRupiah: 10_000, minTransaction: 0, expiryMonths: 6 });
    const a = await ok(app, 'customers.create', { name: 'A', code: 'A1' });
    const b = await ok(app, 'customers.create', { name: 'B', code: 'B1' });
    const sale = await ok(app, 'transactions.create', { customer_id: a.id, transaction_date: '2026-03-09', amount: 1_000_000 });
    expect(await balance(app, a.id)).toBe(100);
    // The notes alone changed: nothing to earn again.
    await ok(app, 'transactions.update', { id: sale.id, customer_id: a.id, transaction_date: '2026-03-09', amount: 1_000_000, notes: 'lunas' });
    expect(scalar(app, 'SELECT COUNT(*) FROM loyalty_ledger')).toBe(1);
    // A typo: the sale was Rp 10.000, and it was B's.
    await ok(app, 'transactions.update', { id: sale.id, customer_id: b.id, transaction_date: '2026-03-09', amount: 10_000 });
    expect([await balance(app, a.id), await balance(app, b.id)]).toEqual([0, 1]);
    // Corrected again (a second earn replaced), then deleted: the points go back from B, never from A.
    await ok(app, 'transactions.update', { id: sale.id, customer_id: b.id, transaction_date: '2026-03-01', amount: 250_000 });
    expect(await ok(app, 'loyalty.customer', { id: b.id })).toMatchObject({ balance: 25, nextExpiry: { day: '2026-09-01', points: 25 } });
    await ok(app, 'transactions.delete', { id: sale.id });
    expect([await balance(app, a.id), await balance(app, b.id)]).toEqual([0, 0]);
    // Restored, it earns again as it is.
    await ok(app, 'transactions.restore', { id: sale.id });
    expect([await balance(app, a.id), await balance(app, b.id)]).toEqual([0, 25]);
    expect(scalar(app, "SELECT COUNT(*) FROM loyalty_ledger WHERE transaction_id = ? AND kind = 'earn'", sale.id)).toBe(4);
    expect(scalar(app, "SELECT COUNT(*) FROM loyalty_ledger WHERE transaction_id = ? AND kind = 'reversal'", sale.id)).toBe(3);
  });

  it('an import updating a sale, or adding lines to it further down the file, earns it again', async () => {
    const app = await shopWithOwner({ clock: new ManualClock(new Date('2026-06-01T03:00:00Z')) });
    await turnOn(app, { points: 1, perRupiah: 10_000, minTransaction: 0, expiryMonths: null });
    await importFile(
      app,
      salesCsv([
        { code: 'K1', date: '2026-05-01', amount: 1_000_000, invoice: 'INV-1' },
        { code: 'K3', date: '2026-05-02', amount: 100_000, invoice: 'INV-3' },
      ]),
      'transactions',
    );
    const [k1, k3] = [idOf(app, 'K1'), idOf(app, 'K3')];
    expect([await balance(app, k1), await balance(app, k3)]).toEqual([100, 10]);
    // INV-1 was K2's, Rp 20.000; INV-3's lines stand apart in the file: 100.000 + 400.000.
    const { report } = await importFile(
      app,
      salesCsv([
        { code: 'K2', date: '2026-05-01', amount: 20_000, invoice: 'INV-1' },
        { code: 'K3', date: '2026-05-02', amount: 100_000, invoice: 'INV-3' },
        { code: 'K4', date: '2026-05-03', amount: 30_000, invoice: 'INV-4' },
        { code: 'K3', date: '2026-05-02', amount: 400_000, invoice: 'INV-3' },
      ]),
      'transactions',
      { onDuplicate: 'update' },
    );
    expect(report.status).toBe('completed');
    expect(scalar(app, "SELECT amount FROM transactions WHERE invoice_no = 'INV-3'")).toBe(500_000);
    const k2 = idOf(app, 'K2');
    expect([await balance(app, k1), await balance(app, k2), await balance(app, k3), await balance(app, idOf(app, 'K4'))]).toEqual([0, 2, 50, 3]);
    // Every balance is the ledger's sum, and each sale holds one earn not reversed.
    expect([...sqlBalances(app).values()].reduce((s, p) => s + p, 0)).toBe(55);
    const live = app.services.sqlite
      .prepare(
        "SELECT transaction_id, COUNT(*) AS n FROM loyalty_ledger e WHERE kind = 'earn' AND NOT EXISTS (SELECT 1 FROM loyalty_ledger r WHERE r.lot_id = e.id AND r.kind = 'reversal') GROUP BY transaction_id HAVING n > 1",
      )
      .all();
    expect(live).toEqual([]);
  });
});
