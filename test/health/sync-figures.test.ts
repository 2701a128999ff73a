import { describe, expect, it } from 'vitest';
import { ok, rowCount, shopWithOwner } from '../helpers';

describe('health: sync figures only where sync is set up', () => {
  it('a shop that never enrolled shows no changes "waiting" to sync, nor the outbox among its tables', async () => {
    const app = await shopWithOwner();
    await ok(app, 'customers.create', { name: 'Budi Santoso', phone: '0812-1111-2222' });
    expect(rowCount(app, 'outbox')).toBeGreaterThan(0);
    const health = await ok(app, 'health.get', {});
    expect(health.lastSync).toBeNull();
    expect(health.outboxPending).toBeNull();
    expect(Object.keys(health.counts)).toEqual(['customers', 'transactions', 'products', 'users', 'activity_logs']);
    expect(health.counts.customers).toBe(1);
  });
});
