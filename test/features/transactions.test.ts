import { describe, expect, it } from 'vitest';
import { fails, ok, shopWithOwner } from '../helpers';

describe('transactions', () => {
  it('takes items (amount = Σ qty × price) or just an amount', async () => {
    const app = await shopWithOwner();
    const c = await ok(app, 'customers.create', { name: 'Ani' });
    const withItems = await ok(app, 'transactions.create', {
      customer_id: c.id,
      transaction_date: '2026-11-01',
      items: [
        { name: 'Kemeja Batik', qty: 2, price: 325_000 },
        { name: 'Dompet', qty: 1, price: 55_000 },
      ],
      amount: 1, // ignored: the items decide
      channel: 'whatsapp',
    });
    expect(withItems).toMatchObject({ amount: 705_000, customer_name: 'Ani', channel: 'whatsapp' });
    expect(withItems.items).toHaveLength(2);
    const plain = await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-11-02', amount: 1_250_000, invoice_no: 'INV-9' });
    expect(plain).toMatchObject({ amount: 1_250_000, items: [] });
    const missing = await fails(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-11-02' });
    expect(missing.details).toEqual({ issues: [{ path: 'amount', message: 'Isi nominal atau tambahkan minimal satu barang.' }] });
    expect((await fails(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-02-30', amount: 5 })).message).toContain('transaction_date');
    expect((await fails(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-02-03', amount: 5.5 })).code).toBe('VALIDATION_ERROR');
  });

  it('filters by date range, customer, amount and text, with the total of the filtered set', async () => {
    const app = await shopWithOwner();
    const a = await ok(app, 'customers.create', { name: 'Ani' });
    const b = await ok(app, 'customers.create', { name: 'Bayu' });
    const rows: [string, string, number, string?][] = [
      [a.id, '2026-01-05', 100_000],
      [a.id, '2026-02-10', 200_000, 'INV-A2'],
      [b.id, '2026-02-20', 300_000],
      [b.id, '2026-03-01', 400_000],
    ];
    for (const [customer_id, transaction_date, amount, invoice_no] of rows)
      await ok(app, 'transactions.create', { customer_id, transaction_date, amount, invoice_no });
    const feb = await ok(app, 'transactions.list', { from: '2026-02-01', to: '2026-02-28' });
    expect(feb).toMatchObject({ total: 2, totalAmount: 500_000 });
    expect(feb.rows.map((r) => r.transaction_date)).toEqual(['2026-02-20', '2026-02-10']);
    expect((await ok(app, 'transactions.list', { customerId: b.id })).totalAmount).toBe(700_000);
    expect((await ok(app, 'transactions.list', { minAmount: 200_000, maxAmount: 300_000 })).total).toBe(2);
    expect((await ok(app, 'transactions.list', { search: 'bayu' })).total).toBe(2);
    expect((await ok(app, 'transactions.list', { search: 'INV-A2' })).rows[0].amount).toBe(200_000);
    expect((await ok(app, 'transactions.list', { sort: 'amount', desc: false, pageSize: 5 })).rows[0].amount).toBe(100_000);
  });

  it('edits, deletes and restores; refuses a deleted customer', async () => {
    const app = await shopWithOwner();
    const c = await ok(app, 'customers.create', { name: 'Ani' });
    const t = await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-11-01', amount: 50_000 });
    const edited = await ok(app, 'transactions.update', { id: t.id, customer_id: c.id, transaction_date: '2026-11-02', amount: 75_000, notes: 'revisi' });
    expect(edited).toMatchObject({ amount: 75_000, transaction_date: '2026-11-02', notes: 'revisi' });
    await ok(app, 'transactions.delete', { id: t.id });
    expect((await ok(app, 'transactions.list', {})).total).toBe(0);
    await ok(app, 'transactions.restore', { id: t.id });
    expect((await ok(app, 'transactions.list', {})).total).toBe(1);
    await ok(app, 'customers.delete', { id: c.id });
    const refused = await fails(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-11-03', amount: 1 });
    expect(refused.message).toBe('Pelanggan ini sudah dihapus. Pulihkan dulu sebelum menambah transaksi.');
  });
});

describe('products', () => {
  it('creates with a code, edits, lists, and offers active ones to pickers', async () => {
    const app = await shopWithOwner();
    const p = await ok(app, 'products.create', { name: 'Kain Batik', category: 'Kain', price: 185_000 });
    expect(p.code).toBe('P-0001');
    await ok(app, 'products.create', { code: 'KRJ-1', name: 'Tas Anyaman', price: 165_000, active: false });
    expect((await fails(app, 'products.create', { code: 'KRJ-1', name: 'Lain', price: 1 })).code).toBe('CONFLICT');
    await ok(app, 'products.update', { id: p.id, name: 'Kain Batik Cap', category: 'Kain', price: 190_000, active: true });
    expect((await ok(app, 'products.list', { search: 'batik' })).rows).toMatchObject([{ name: 'Kain Batik Cap', price: 190_000 }]);
    expect((await ok(app, 'products.options', {})).map((o) => o.name)).toEqual(['Kain Batik Cap']);
    await ok(app, 'products.delete', { id: p.id });
    expect((await ok(app, 'products.list', {})).total).toBe(1);
  });
});
