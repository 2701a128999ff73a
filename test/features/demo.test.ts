import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src-shared/format/date';
import { normalizePhone } from '../../src-shared/format/phone';
import { generateDemoShop } from '../../src-main/demo/generate';
import { fails, ok, rowCount, testApp } from '../helpers';

const TODAY = '2026-11-22';

/** Segment by the default fixed thresholds (seed 002), written here independently of the app. */
function segment(recencyDays: number, purchases: number): string {
  const r = recencyDays <= 30 ? 5 : recencyDays <= 60 ? 4 : recencyDays <= 90 ? 3 : recencyDays <= 180 ? 2 : 1;
  const f = purchases <= 1 ? 1 : purchases <= 2 ? 2 : purchases <= 5 ? 3 : purchases <= 10 ? 4 : 5;
  const grid: Record<number, string[]> = {
    5: ['new_customers', 'potential_loyalist', 'potential_loyalist', 'champions', 'champions'],
    4: ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'loyal'],
    3: ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
    2: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose_them'],
    1: ['lost', 'lost', 'at_risk', 'at_risk', 'cant_lose_them'],
  };
  return grid[r][f - 1];
}

describe('the demo shop generator', () => {
  const shop = generateDemoShop(TODAY);

  it('makes 500 customers and exactly 10,000 purchases over the last 24 months', () => {
    expect(shop.customers).toHaveLength(500);
    expect(shop.transactions).toHaveLength(10_000);
    const dates = shop.transactions.map((t) => t.date).sort();
    expect(daysBetween(dates[0], TODAY)).toBeLessThanOrEqual(730);
    expect(dates.at(-1)! <= TODAY).toBe(true);
    expect(new Set(shop.transactions.map((t) => t.invoiceNo)).size).toBe(10_000);
    for (const t of shop.transactions) expect(t.amount).toBe(t.items.reduce((s, i) => s + i.qty * i.price, 0));
  });

  it('gives every customer a valid, unique Indonesian mobile number', () => {
    const phones = shop.customers.map((c) => c.phone);
    expect(new Set(phones).size).toBe(500);
    for (const phone of phones) expect(normalizePhone(phone)).toBe(phone);
  });

  it('is the same on every run (fixed seed)', () => {
    const again = generateDemoShop(TODAY);
    expect(again.customers.map((c) => c.name)).toEqual(shop.customers.map((c) => c.name));
    expect(again.transactions.map((t) => t.amount)).toEqual(shop.transactions.map((t) => t.amount));
  });

  it('fills every RFM segment under the default thresholds, and each customer lands where its habit says', () => {
    const byCustomer = new Map<number, string[]>();
    for (const t of shop.transactions) byCustomer.set(t.customerIndex, [...(byCustomer.get(t.customerIndex) ?? []), t.date]);
    const counts = new Map<string, number>();
    shop.customers.forEach((c, i) => {
      const dates = byCustomer.get(i)!.sort();
      const s = segment(daysBetween(dates.at(-1)!, TODAY), dates.length);
      expect(s, `${c.code} (${c.archetype})`).toBe(c.archetype);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    });
    expect(counts.size).toBe(11);
    for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(20);
  });
});

describe('opening the demo shop', () => {
  it('runs in a worker with progress events, runs the first RFM analysis and logs the owner in', async () => {
    const app = await testApp();
    const progress: number[] = [];
    const finished: string[] = [];
    app.services.events.subscribe((e) => {
      const payload = e.payload as { kind: string; done: number; status: string };
      if (e.name === 'job.progress' && payload.kind === 'demo.generate') progress.push(payload.done);
      if (e.name === 'job.finished') finished.push(`${payload.kind} ${payload.status}`);
    });
    const demo = await ok(app, 'setup.openDemo', {}, 'c1');
    expect(demo).toMatchObject({ customers: 500, transactions: 10_000, password: 'demo1234', user: { username: 'demo', role: 'owner' } });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(10_500);
    expect(finished).toEqual(['demo.generate completed', 'rfm.run completed']);
    expect((await ok(app, 'customers.list', {}, 'c1')).total).toBe(500);
    expect(rowCount(app, 'transactions')).toBe(10_000);
    // Its segments are there as soon as it opens, as `cli init --demo` leaves them.
    const summary = await ok(app, 'rfm.summary', {}, 'c1');
    expect(summary.run).toMatchObject({ customers: 500, trigger: 'startup' });
    expect(summary.segments.filter((s) => s.customers > 0)).toHaveLength(11);
    expect(rowCount(app, 'outbox')).toBe(10_000 + 500 + 16 + 2 + 1 + 1); // + the RFM run, + the owner's last login
    expect((await fails(app, 'setup.openDemo', {}, 'c2')).code).toBe('CONFLICT');
    await ok(app, 'auth.logout', {}, 'c1');
    await ok(app, 'auth.login', { username: 'demo', password: 'demo1234' }, 'c1');
  });

  it('leaves the DB empty when cancelled', async () => {
    const app = await testApp();
    // Cancel on the runner, as the import page's cancel button does through jobs.cancel.
    const unsubscribe = app.services.events.subscribe((e) => {
      if (e.name === 'job.progress') app.services.jobs.cancel((e.payload as { jobId: string }).jobId, 'gone');
    });
    const error = await fails(app, 'setup.openDemo', {}, 'c1');
    unsubscribe();
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'Proses dibatalkan. Tidak ada data yang diubah.' });
    for (const table of ['business', 'users', 'customers', 'transactions', 'products', 'outbox']) expect(rowCount(app, table), table).toBe(0);
    expect(await ok(app, 'app.status', {}, 'c1')).toMatchObject({ setupDone: false });
  });
});
