import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { fails, ok, shopWithOwner } from '../helpers';
import { importFile, scalar } from './harness';
import { SHOPEE_FIXTURE } from './marketplace-figures';

const PRESET = { preset: 'shopee-orders', onDuplicate: 'update', cancellations: 'returns' } as const;

let app: App;
beforeEach(async () => {
  app = await shopWithOwner();
});
afterEach(async () => {
  await app.close();
});

describe('a marketplace buyer who also bought in the shop', () => {
  it('is listed as a possible duplicate by real phone or name and city, never merged by the import, and linked on request', async () => {
    // The shop's own customers: one with the phone a Shopee buyer shows in full, one with a
    // buyer's name and city, one with a buyer's name in another city.
    const lina = await ok(app, 'customers.create', { name: 'Lina H.', phone: '0812-3456-0001', city: 'Bogor' });
    const budi = await ok(app, 'customers.create', { name: 'Budi Santoso', phone: '0813-1111-2222', city: 'Kab. Sleman' });
    await ok(app, 'customers.create', { name: 'Sari Wulandari', city: 'Jakarta' });

    await importFile(app, SHOPEE_FIXTURE, 'transactions', PRESET);
    // Nothing went to the shop's customers by itself.
    expect(scalar(app, 'SELECT count(*) FROM transactions WHERE customer_id IN (?, ?)', lina.id, budi.id)).toBe(0);

    const list = await ok(app, 'import.duplicates', {});
    expect(list.map((d) => [d.marketplace.identity, d.shop.code, d.reason]).sort()).toEqual(
      [
        ['shopee:budi_s88', budi.code, 'nameCity'],
        ['shopee:lina.h', lina.code, 'phone'],
      ].sort(),
    );

    const buyer = list.find((d) => d.marketplace.identity === 'shopee:budi_s88')?.marketplace;
    if (!buyer) throw new Error('not listed');
    const sales = scalar(app, 'SELECT count(*) FROM transactions WHERE customer_id = ?', buyer.id) as number;
    expect(sales).toBeGreaterThan(0);
    await expect(ok(app, 'import.linkDuplicate', { marketplaceId: buyer.id, shopId: budi.id })).resolves.toEqual({ transactions: sales });
    expect(scalar(app, 'SELECT count(*) FROM transactions WHERE customer_id = ?', budi.id)).toBe(sales);
    expect(scalar(app, 'SELECT channel_identity FROM customers WHERE id = ?', budi.id)).toBe('shopee:budi_s88');
    expect(scalar(app, 'SELECT deleted_at IS NOT NULL FROM customers WHERE id = ?', buyer.id)).toBe(1);
    expect((await ok(app, 'import.duplicates', {})).map((d) => d.marketplace.identity)).toEqual(['shopee:lina.h']);
    expect(scalar(app, "SELECT count(*) FROM activity_logs WHERE action = 'customers.link'")).toBe(1);
    // Linked twice: refused, with a reason.
    expect((await fails(app, 'import.linkDuplicate', { marketplaceId: buyer.id, shopId: budi.id })).code).toBe('NOT_FOUND');
    // The buyer's record, restored by mistake, comes back without the identity the shop customer now holds.
    await ok(app, 'customers.restore', { id: buyer.id });
    expect(scalar(app, 'SELECT channel_identity FROM customers WHERE id = ?', buyer.id)).toBe(null);
    expect(scalar(app, 'SELECT channel_identity FROM customers WHERE id = ?', budi.id)).toBe('shopee:budi_s88');
    await ok(app, 'customers.delete', { id: buyer.id });

    // The next export finds the buyer in the shop's customer: no new customer, nothing changed.
    const customers = scalar(app, 'SELECT count(*) FROM customers');
    const { report } = await importFile(app, SHOPEE_FIXTURE, 'transactions', PRESET);
    expect(report.status).toBe('stopped');
    expect(scalar(app, 'SELECT count(*) FROM customers')).toBe(customers);
  });
});
