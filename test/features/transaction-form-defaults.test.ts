import { describe, expect, it } from 'vitest';
import { ok, shopWithOwner } from '../helpers';

/**
 * What the new-transaction form is prefilled with: a customer picker that tells namesakes apart
 * (phone and city with each option, found by phone too) and the channel the shop sells through most.
 */
describe('new-transaction form defaults', () => {
  it('gives each customer option its phone and city, and finds a namesake by phone', async () => {
    const app = await shopWithOwner();
    await ok(app, 'customers.create', { name: 'Anisa Anggraini', phone: '081211110001', city: 'Bandung' });
    await ok(app, 'customers.create', { name: 'Anisa Anggraini', phone: '081311110002', city: 'Medan' });
    await ok(app, 'customers.create', { name: 'Anisa Anggraini', allowDuplicate: true });
    const all = await ok(app, 'customers.options', { search: 'anisa' });
    expect(all.map((o) => [o.phone, o.city]).sort()).toEqual([
      ['+6281211110001', 'Bandung'],
      ['+6281311110002', 'Medan'],
      [null, null],
    ]);
    const byPhone = await ok(app, 'customers.options', { search: '0813 1111' });
    expect(byPhone).toMatchObject([{ name: 'Anisa Anggraini', city: 'Medan' }]);
  });

  it('defaults the channel to the one used most, or the shop counter when there are no sales', async () => {
    const app = await shopWithOwner();
    expect(await ok(app, 'transactions.usualChannel', {})).toEqual({ channel: 'offline' });
    const c = await ok(app, 'customers.create', { name: 'Ani' });
    const sale = (channel: 'whatsapp' | 'instagram' | null, day: number) =>
      ok(app, 'transactions.create', { customer_id: c.id, transaction_date: `2026-11-${String(day).padStart(2, '0')}`, amount: 10_000, channel });
    await sale('instagram', 1);
    await sale('whatsapp', 2);
    await sale('whatsapp', 3);
    await sale(null, 4);
    await sale(null, 5);
    await sale(null, 6); // a sale without a channel says nothing about the usual one
    expect(await ok(app, 'transactions.usualChannel', {})).toEqual({ channel: 'whatsapp' });
  });
});
