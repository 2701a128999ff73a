import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { newId } from '../../src-main/core/ids';
import { write } from '../../src-main/core/write';
import { insertMany } from '../../src-main/import/bulk-insert';
import { LOOKUPS_PER_SALE } from '../../src-main/dashboard/kpis';
import { Dice, seededRandom } from '../../src-main/demo/random';
import { addDays } from '../../src-shared/format/date';
import type { DashboardInput } from '../../src-shared/schemas/dashboard';
import { ManualClock } from '../manual-clock';
import { ok, shopWithOwner } from '../helpers';

const TODAY = '2026-11-22';

/**
 * A generated shop (fixed seed): 400 customers, a fifth of them regulars, 8,000 sales over two
 * years written like the bench's shop, then sales deleted, a customer deleted and a sale booked
 * after today through the handlers, so the rollups' triggers see every kind of write.
 */
async function generatedShop(): Promise<App> {
  const app = await shopWithOwner({ clock: new ManualClock(new Date(`${TODAY}T05:00:00Z`)) });
  const dice = new Dice(seededRandom(25));
  const customers = Array.from({ length: 400 }, () => newId());
  const ctx = { ...app.services, userId: null };
  write(ctx, (w) =>
    insertMany(
      w,
      'customers',
      customers.map((id, i) => ({
        id,
        code: `G${i}`,
        name: `Pelanggan ${i}`,
        phone: null,
        email: null,
        address: null,
        city: null,
        tags: '[]',
        notes: null,
        source: null,
        deleted_at: null,
      })),
    ),
  );
  write(ctx, (w) =>
    insertMany(
      w,
      'transactions',
      Array.from({ length: 8_000 }, () => ({
        id: newId(),
        customer_id: customers[dice.chance(0.7) ? dice.int(0, 79) : dice.int(0, 399)],
        transaction_date: addDays(TODAY, -dice.int(0, 729)),
        amount: dice.int(10, 2_000) * 1_000,
        items: '[]',
        channel: 'offline',
        campaign_code: null,
        invoice_no: null,
        notes: null,
        deleted_at: null,
      })),
    ),
  );
  const sqlite = app.services.sqlite;
  for (const id of sqlite.prepare('SELECT id FROM transactions ORDER BY id LIMIT 40').pluck().all() as string[]) await ok(app, 'transactions.delete', { id });
  const biggest = sqlite
    .prepare('SELECT customer_id FROM transactions WHERE deleted_at IS NULL GROUP BY customer_id ORDER BY SUM(amount) DESC LIMIT 1')
    .pluck()
    .get() as string;
  await ok(app, 'customers.delete', { id: biggest });
  await ok(app, 'transactions.create', { customer_id: customers[5], transaction_date: addDays(TODAY, 20), amount: 500_000_000 });
  return app;
}

/** The figures of a period by a straight scan of the live sales, written here. */
function straight(app: App, from: string, to: string) {
  const one = (sql: string) => app.services.sqlite.prepare(sql).get({ from, to }) as Record<string, number>;
  const t = one(
    'SELECT COALESCE(SUM(amount), 0) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT customer_id) AS active FROM transactions WHERE deleted_at IS NULL AND transaction_date BETWEEN @from AND @to',
  );
  const fresh = one(
    'SELECT COUNT(*) AS n FROM (SELECT MIN(transaction_date) AS first FROM transactions WHERE deleted_at IS NULL GROUP BY customer_id) WHERE first BETWEEN @from AND @to',
  ).n;
  const top = app.services.sqlite
    .prepare(
      `SELECT c.id, SUM(t.amount) AS revenue, COUNT(*) AS orders FROM transactions t JOIN customers c ON c.id = t.customer_id
       WHERE t.deleted_at IS NULL AND c.deleted_at IS NULL AND t.transaction_date BETWEEN @from AND @to GROUP BY c.id ORDER BY revenue DESC, c.id LIMIT 10`,
    )
    .all({ from, to });
  // Customers the span cannot settle (bought before and after the period): which way they are counted.
  const around = one(
    `SELECT COUNT(*) AS n FROM (SELECT MIN(transaction_date) AS first, MAX(transaction_date) AS last FROM transactions WHERE deleted_at IS NULL GROUP BY customer_id)
     WHERE first < @from AND last > @to`,
  ).n;
  const kpis = {
    revenue: t.revenue,
    orders: t.orders,
    activeCustomers: t.active,
    aov: t.orders ? Math.round(t.revenue / t.orders) : 0,
    newCustomers: fresh,
    returningCustomers: t.active - fresh,
  };
  return { kpis, top, around };
}

describe('dashboard figures from the rollups', () => {
  it('equal a straight scan of the sales for every period, both periods of each, on a generated shop', { timeout: 120_000 }, async () => {
    const app = await generatedShop();
    const inputs: DashboardInput[] = [
      { period: 'this_month' },
      { period: 'last_30', compare: 'previous' },
      { period: 'last_90' },
      { period: 'this_year' },
      { period: 'this_year', compare: 'previous' },
      { period: 'custom', from: '2020-01-01', to: TODAY }, // all time, every year whole
      { period: 'custom', from: '2025-01-01', to: '2025-12-31' }, // one whole past year
      { period: 'custom', from: '2025-06-15', to: '2025-06-15' }, // one day: nearly everyone bought before and after it
      { period: 'custom', from: '2025-02-10', to: '2026-03-20' }, // across a year's end, neither year whole
    ];
    const paths = new Set<string>();
    for (const input of inputs) {
      const d = await ok(app, 'dashboard.get', { ...input, today: TODAY });
      for (const [figures, range] of [
        [d.current, d.period],
        [d.before, d.previous],
      ] as const) {
        const want = straight(app, range.from, range.to);
        expect({ range, figures }).toEqual({ range, figures: want.kpis });
        if (want.around > 0) paths.add(want.around < want.kpis.orders * LOOKUPS_PER_SALE ? 'lookups' : 'distinct');
      }
      expect(d.topCustomers.map((x) => ({ id: x.id, revenue: x.revenue, orders: x.orders }))).toEqual(straight(app, d.period.from, d.period.to).top);
      for (const m of d.trend) {
        const s = app.services.sqlite
          .prepare(
            "SELECT COALESCE(SUM(amount), 0) AS revenue, COUNT(*) AS orders FROM transactions WHERE deleted_at IS NULL AND strftime('%Y-%m', transaction_date) = ?",
          )
          .get(m.month) as object;
        expect({ month: m.month, revenue: m.revenue, orders: m.orders }).toEqual({ month: m.month, ...s });
      }
      expect(d.hasTransactions).toBe(true);
    }
    // Both ways of settling the customers who bought before and after a period were taken.
    expect([...paths].sort()).toEqual(['distinct', 'lookups']);
  });
});
