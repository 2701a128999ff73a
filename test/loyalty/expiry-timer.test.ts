import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock';
import { startExpiryTimer } from '../../src-main/loyalty/expiry-timer';
import { ok, shopWithOwner } from '../helpers';
import { turnOn } from './harness';

describe('the expiry timer', () => {
  it('starts no worker for a shop without expiring points; with them, runs the job at once', async () => {
    const app = await shopWithOwner({ clock: new ManualClock(new Date('2027-06-01T03:00:00Z')) });
    const started: string[] = [];
    const jobs = new Proxy(app.services.jobs, {
      get(target, key, receiver) {
        if (key === 'run')
          return (kind: string, ...rest: never[]) => (started.push(kind), (target.run as (...a: unknown[]) => unknown).call(target, kind, ...rest));
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const services = { ...app.services, jobs };
    startExpiryTimer(services)();
    expect(started).toEqual([]);
    await turnOn(app, { expiryMonths: 3 });
    const c = await ok(app, 'customers.create', { name: 'Pelanggan X', code: 'X1' });
    await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2027-01-05', amount: 300_000 });
    startExpiryTimer(services)();
    expect(started).toEqual(['loyalty.expire']);
    // The worker's start-up takes seconds on a loaded machine: the state is waited for, not a second.
    await expect
      .poll(() => app.services.sqlite.prepare("SELECT COUNT(*) FROM loyalty_ledger WHERE kind = 'expire'").pluck().get(), { timeout: 20_000 })
      .toBe(1);
  });
});
