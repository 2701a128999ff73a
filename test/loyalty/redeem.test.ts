import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock';
import { fails, loginAsNewUser, ok, shopWithOwner } from '../helpers';
import { turnOn } from './harness';

describe('redeeming points', () => {
  it("staff's limit holds for all of a split redemption: on one sale, or for one customer in a day", async () => {
    const app = await shopWithOwner({ clock: new ManualClock(new Date('2026-03-10T03:00:00Z')) });
    await turnOn(app, { staffRedeemLimit: 50, redeemValue: 100 });
    const c = await ok(app, 'customers.create', { name: 'Pelanggan S', code: 'S1' });
    const sale = await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-03-09', amount: 5_000_000 }); // 500 points
    const staff = await loginAsNewUser(app, 'staff', 'kasir');
    const manager = await loginAsNewUser(app, 'manager', 'manajer');
    await ok(app, 'loyalty.redeem', { customerId: c.id, points: 30, transactionId: sale.id }, staff);
    const onSale = await fails(app, 'loyalty.redeem', { customerId: c.id, points: 30, transactionId: sale.id }, staff);
    expect(onSale).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Staf bisa menukar paling banyak 50 poin untuk satu transaksi (atau sehari untuk pelanggan ini); 30 sudah ditukar. Minta pemilik atau manajer.',
    });
    await ok(app, 'loyalty.redeem', { customerId: c.id, points: 20, transactionId: sale.id }, staff);
    await ok(app, 'loyalty.redeem', { customerId: c.id, points: 40 }, staff);
    expect((await fails(app, 'loyalty.redeem', { customerId: c.id, points: 11 }, staff)).code).toBe('FORBIDDEN');
    // A manager has no limit; the balance is what all of it left.
    expect(await ok(app, 'loyalty.redeem', { customerId: c.id, points: 100, transactionId: sale.id }, manager)).toEqual({ balance: 310, value: 10_000 });
  });

  it('a discount on a sale is never more than the sale', async () => {
    const app = await shopWithOwner({ clock: new ManualClock(new Date('2026-03-10T03:00:00Z')) });
    await turnOn(app, { redeemValue: 100 });
    const c = await ok(app, 'customers.create', { name: 'Pelanggan K', code: 'K1' });
    const small = await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-03-09', amount: 20_000 });
    await ok(app, 'loyalty.adjust', { customerId: c.id, points: 500, reason: 'Saldo dari kartu lama' });
    const over = await fails(app, 'loyalty.redeem', { customerId: c.id, points: 201, transactionId: small.id });
    expect(over).toMatchObject({ code: 'VALIDATION_ERROR', message: 'Potongan tidak boleh melebihi nilai transaksi: paling banyak 200 poin lagi.' });
    await ok(app, 'loyalty.redeem', { customerId: c.id, points: 150, transactionId: small.id });
    expect((await fails(app, 'loyalty.redeem', { customerId: c.id, points: 51, transactionId: small.id })).message).toBe(
      'Potongan tidak boleh melebihi nilai transaksi: paling banyak 50 poin lagi.',
    );
    expect((await ok(app, 'loyalty.redeem', { customerId: c.id, points: 51 })).balance).toBe(301); // without a sale: only the balance limits it
  });
});
