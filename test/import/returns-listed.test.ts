import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { ok, shopWithOwner } from '../helpers';
import { importFile, scalar } from './harness';

// A return written by an import (a till's refund, a marketplace order returned) keeps its items
// with their quantities negative: the Transactions list shows it like any sale, not an error.

let app: App;
beforeEach(async () => {
  app = await shopWithOwner();
});
afterEach(async () => {
  await app.close();
});

describe('returns an import wrote', () => {
  it('are listed with their items, quantities negative', async () => {
    const moka = new URL('../fixtures/marketplace/moka-sales.csv', import.meta.url).pathname;
    await importFile(app, moka, 'transactions', { preset: 'moka-sales', onDuplicate: 'update', cancellations: 'returns' });
    const returns = scalar(app, "SELECT count(*) FROM transactions WHERE invoice_no LIKE 'C%'") as number;
    expect(returns).toBeGreaterThan(0);
    const list = await ok(app, 'transactions.list', { search: 'C', pageSize: 100 });
    const back = list.rows.filter((r) => r.invoice_no?.startsWith('C'));
    expect(back).toHaveLength(returns);
    expect(back.every((r) => r.amount < 0 && r.items.length > 0 && r.items.every((i) => i.qty < 0))).toBe(true);
    const one = await ok(app, 'transactions.get', { id: back[0].id });
    expect(one.items[0].qty).toBeLessThan(0);
  });
});
