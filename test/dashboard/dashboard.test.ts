import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { ManualClock } from '../manual-clock';
import { topCustomersQuery } from '../../src-main/dashboard/queries';
import { ok, testApp } from '../helpers';

/** Every dashboard figure against a plain SQL query over the same demo shop, written here. */
const TODAY = '2026-11-20';

function one(app: App, sql: string, ...params: unknown[]): Record<string, number> {
  return app.services.sqlite.prepare(sql).get(...params) as Record<string, number>;
}

function straightKpis(app: App, from: string, to: string) {
  const t = one(
    app,
    'SELECT COALESCE(SUM(amount), 0) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT customer_id) AS active FROM transactions WHERE deleted_at IS NULL AND transaction_date BETWEEN ? AND ?',
    from,
    to,
  );
  const fresh = one(
    app,
    `SELECT COUNT(*) AS n FROM (SELECT customer_id, MIN(transaction_date) AS first FROM transactions WHERE deleted_at IS NULL GROUP BY customer_id)
     WHERE first BETWEEN ? AND ?`,
    from,
    to,
  );
  return {
    revenue: t.revenue,
    orders: t.orders,
    activeCustomers: t.active,
    aov: t.orders ? Math.round(t.revenue / t.orders) : 0,
    newCustomers: fresh.n,
    returningCustomers: t.active - fresh.n,
  };
}

describe('the dashboard', () => {
  it('equals straight SQL for every period, the trend, segments, top customers and the call list', { timeout: 60_000 }, async () => {
    const app = await testApp({ clock: new ManualClock(new Date(`${TODAY}T05:00:00Z`)) });
    await ok(app, 'setup.openDemo', {});
    // a deleted sale must not count anywhere
    const victim = one(app, "SELECT id FROM transactions WHERE transaction_date >= '2026-11-01' LIMIT 1") as unknown as { id: string };
    await ok(app, 'transactions.delete', { id: victim.id });
    await ok(app, 'settings.update', { revenueTargets: { '2026-10': 50_000_000, '2026-11': 80_000_000 } });
    const run = await ok(app, 'rfm.run', {});

    const cases = [
      // By default: the same dates a month earlier, or a year earlier where a month would overlap.
      { input: { period: 'this_month' as const }, from: '2026-11-01', to: TODAY, prevFrom: '2026-10-01', prevTo: '2026-10-20', compare: 'last_month' },
      { input: { period: 'last_30' as const }, from: '2026-10-22', to: TODAY, prevFrom: '2026-09-22', prevTo: '2026-10-20', compare: 'last_month' },
      { input: { period: 'this_year' as const }, from: '2026-01-01', to: TODAY, prevFrom: '2025-01-01', prevTo: '2025-11-20', compare: 'last_year' },
      {
        input: { period: 'this_month' as const, compare: 'last_year' as const },
        from: '2026-11-01',
        to: TODAY,
        prevFrom: '2025-11-01',
        prevTo: '2025-11-20',
        compare: 'last_year',
      },
      {
        input: { period: 'this_month' as const, compare: 'previous' as const },
        from: '2026-11-01',
        to: TODAY,
        prevFrom: '2026-10-12',
        prevTo: '2026-10-31',
        compare: 'previous',
      },
      {
        input: { period: 'last_30' as const, compare: 'previous' as const },
        from: '2026-10-22',
        to: TODAY,
        prevFrom: '2026-09-22',
        prevTo: '2026-10-21',
        compare: 'previous',
      },
      {
        input: { period: 'last_90' as const, compare: 'previous' as const },
        from: '2026-08-23',
        to: TODAY,
        prevFrom: '2026-05-25',
        prevTo: '2026-08-22',
        compare: 'previous',
      },
      {
        input: { period: 'this_year' as const, compare: 'previous' as const },
        from: '2026-01-01',
        to: TODAY,
        prevFrom: '2025-02-11',
        prevTo: '2025-12-31',
        compare: 'previous',
      },
      {
        input: { period: 'custom' as const, from: '2025-03-01', to: '2025-03-31', compare: 'previous' as const },
        from: '2025-03-01',
        to: '2025-03-31',
        prevFrom: '2025-01-29',
        prevTo: '2025-02-28',
        compare: 'previous',
      },
      {
        input: { period: 'custom' as const, from: '2025-03-01', to: '2025-03-31' },
        from: '2025-03-01',
        to: '2025-03-31',
        prevFrom: '2025-02-01',
        prevTo: '2025-02-28',
        compare: 'last_month',
      },
    ];
    for (const c of cases) {
      const d = await ok(app, 'dashboard.get', c.input);
      expect(d.period).toMatchObject({ from: c.from, to: c.to });
      expect(d.previous).toMatchObject({ from: c.prevFrom, to: c.prevTo });
      expect(d.compare).toBe(c.compare);
      if (c.compare === 'previous') expect(d.previous.days).toBe(d.period.days);
      expect(d.current).toEqual(straightKpis(app, c.from, c.to));
      expect(d.before).toEqual(straightKpis(app, c.prevFrom, c.prevTo));
      expect(d.current.orders).toBeGreaterThan(0);

      const top = app.services.sqlite
        .prepare(
          `SELECT c.id, SUM(t.amount) AS revenue, COUNT(*) AS orders FROM transactions t JOIN customers c ON c.id = t.customer_id
           WHERE t.deleted_at IS NULL AND c.deleted_at IS NULL AND t.transaction_date BETWEEN ? AND ? GROUP BY c.id ORDER BY revenue DESC, c.id LIMIT 10`,
        )
        .all(c.from, c.to);
      expect(d.topCustomers.map((x) => ({ id: x.id, revenue: x.revenue, orders: x.orders }))).toEqual(top);
      // Both ways of reading the sales (by date, or along the customer index) give that same list.
      for (const fewSales of [true, false]) {
        const rows = await topCustomersQuery(app.services.db, c, { limit: 10, lastPurchase: false, fewSales })
          .select(['c.id', 's.revenue', 's.orders'])
          .execute();
        expect(rows).toEqual(top);
      }
    }

    const d = await ok(app, 'dashboard.get', { period: 'this_month' });
    expect(d.trend).toHaveLength(12);
    expect(d.trend[0].month).toBe('2025-12');
    expect(d.trend[11]).toMatchObject({ month: '2026-11', target: 80_000_000 });
    expect(d.trend[10].target).toBe(50_000_000);
    // November is still running: its bar counts sales to today only.
    expect(d.trendRunning).toEqual({ month: '2026-11', through: TODAY });
    expect((await ok(app, 'dashboard.get', { period: 'custom', from: '2026-09-01', to: '2026-09-30' })).trendRunning).toBeNull();
    for (const m of d.trend) {
      const s = one(
        app,
        "SELECT COALESCE(SUM(amount), 0) AS revenue, COUNT(*) AS orders FROM transactions WHERE deleted_at IS NULL AND strftime('%Y-%m', transaction_date) = ?",
        m.month,
      );
      expect({ month: m.month, revenue: m.revenue, orders: m.orders }).toEqual({ month: m.month, ...s });
    }

    expect(d.latestRun?.id).toBe(run.run!.id);
    const segments = app.services.sqlite
      .prepare('SELECT segment, COUNT(*) AS customers, SUM(monetary) AS revenue FROM rfm_analysis WHERE run_id = ? GROUP BY segment ORDER BY segment')
      .all(run.run!.id);
    expect([...d.segments].sort((a, b) => a.segment.localeCompare(b.segment))).toEqual(segments);
    expect(d.segments).toHaveLength(11); // the demo shop fills every segment

    // The run starts a CLV fit for its date in the background, and the call list ranks by what it
    // fitted: read once that fit is written. The demo shop has the repeat buyers to fit.
    const fitFor = app.services.sqlite.prepare('SELECT id, status FROM clv_fits WHERE as_of = ? ORDER BY created_at DESC LIMIT 1');
    while (fitFor.get(run.run!.analysisDate) === undefined || app.services.jobs.isRunning('clv.fit')) await new Promise((resolve) => setTimeout(resolve, 25));
    const fit = fitFor.get(run.run!.analysisDate) as { id: string; status: string };
    expect(fit.status).toBe('fitted');
    // Value at risk, CLV × (1 − P(alive)), among returning customers still on the books.
    const atRisk = app.services.sqlite
      .prepare(
        `SELECT s.customer_id AS id, a.monetary FROM clv_scores s JOIN rfm_analysis a ON a.run_id = ? AND a.customer_id = s.customer_id JOIN customers c ON c.id = s.customer_id
         WHERE s.fit_id = ? AND s.x > 0 AND c.deleted_at IS NULL ORDER BY s.clv * (1 - s.p_alive) DESC, c.id LIMIT 10`,
      )
      .all(run.run!.id, fit.id);
    const calls = (await ok(app, 'dashboard.get', { period: 'this_month' })).atRisk;
    expect(calls.map((x) => ({ id: x.id, monetary: x.monetary }))).toEqual(atRisk);
    expect(calls.every((x) => x.valueLost !== null && x.pAlive !== null)).toBe(true);
    expect(d.hasTransactions).toBe(true);
  });

  it('keeps equal to straight SQL when the top customer is deleted and a sale is dated after today', { timeout: 60_000 }, async () => {
    const app = await testApp({ clock: new ManualClock(new Date(`${TODAY}T05:00:00Z`)) });
    await ok(app, 'setup.openDemo', {});
    const straightTop = (from: string, to: string) =>
      app.services.sqlite
        .prepare(
          `SELECT c.id, SUM(t.amount) AS revenue, COUNT(*) AS orders FROM transactions t JOIN customers c ON c.id = t.customer_id
           WHERE t.deleted_at IS NULL AND c.deleted_at IS NULL AND t.transaction_date BETWEEN ? AND ? GROUP BY c.id ORDER BY revenue DESC, c.id LIMIT 10`,
        )
        .all(from, to);
    const topOf = async (period: 'this_year' | 'last_90') =>
      (await ok(app, 'dashboard.get', { period })).topCustomers.map((x) => ({ id: x.id, revenue: x.revenue, orders: x.orders }));
    const before = await topOf('this_year');
    expect(before).toEqual(straightTop('2026-01-01', TODAY));
    await ok(app, 'customers.delete', { id: before[0].id });
    expect(await topOf('this_year')).toEqual(straightTop('2026-01-01', TODAY));
    expect((await topOf('this_year')).map((x) => x.id)).not.toContain(before[0].id);
    expect(await topOf('last_90')).toEqual(straightTop('2026-08-23', TODAY));

    // A sale dated next month (an order booked ahead) is not part of "this year so far".
    await ok(app, 'transactions.create', { customer_id: before[1].id, transaction_date: '2026-12-15', amount: 900_000_000 });
    expect(await topOf('this_year')).toEqual(straightTop('2026-01-01', TODAY));
    const d = await ok(app, 'dashboard.get', { period: 'this_year' });
    expect(d.current).toEqual(straightKpis(app, '2026-01-01', TODAY));
    expect(d.before).toEqual(straightKpis(app, d.previous.from, d.previous.to));
  });

  it("takes today in the shop's time zone: at 00:30 WIB on 1 December, this month is 1 December, compared with 1 November", async () => {
    const app = await testApp({ clock: new ManualClock(new Date('2026-11-30T17:30:00Z')) });
    await ok(app, 'setup.create', { owner: { name: 'A', username: 'aaa', password: 'password-123' }, business: { name: 'Toko' } });
    const d = await ok(app, 'dashboard.get', { period: 'this_month' });
    expect(d.period).toMatchObject({ from: '2026-12-01', to: '2026-12-01' });
    expect(d.previous).toMatchObject({ from: '2026-11-01', to: '2026-11-01' });
    expect(d.trendRunning).toEqual({ month: '2026-12', through: '2026-12-01' });
  });

  it('an empty shop answers with zeros, not errors', async () => {
    const app = await testApp();
    await ok(app, 'setup.create', { owner: { name: 'A', username: 'aaa', password: 'password-123' }, business: { name: 'Toko' } });
    const d = await ok(app, 'dashboard.get', { period: 'last_30', today: '2026-01-31' });
    expect(d.current).toEqual({ revenue: 0, orders: 0, activeCustomers: 0, aov: 0, newCustomers: 0, returningCustomers: 0 });
    expect(d).toMatchObject({ latestRun: null, segments: [], topCustomers: [], atRisk: [], hasTransactions: false });
    expect(d.trend.every((m) => m.revenue === 0 && m.target === null)).toBe(true);
  });

  it('refuses a custom period that ends before it starts', async () => {
    const app = await testApp();
    await ok(app, 'setup.create', { owner: { name: 'A', username: 'aaa', password: 'password-123' }, business: { name: 'Toko' } });
    const result = await app.call('dashboard.get', { period: 'custom', from: '2026-02-01', to: '2026-01-01' }, { clientId: 'owner' });
    expect(result.ok).toBe(false);
  });
});
