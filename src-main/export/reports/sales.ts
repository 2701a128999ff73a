/** Sales reports over a period: month by month, and the customers who spent the most. */
import dayjs from 'dayjs';
import { sql } from 'kysely';
import { z } from 'zod';
import { isoDate } from '../../../src-shared/schemas/common';
import { topCustomersQuery } from '../../dashboard/queries';
import { COLUMN } from '../columns';
import { defineReport, EVERYONE, MANAGERS, periodOf, prepared } from '../report';

const periodShape = { from: isoDate.optional(), to: isoDate.optional() };
const orderedPeriod = <T extends { from?: string; to?: string }>(v: T) => !v.from || !v.to || v.from <= v.to;

/** Revenue, orders, customers and average order per calendar month, months without sales as zeros. */
export const salesMonthlyReport = defineReport({
  id: 'sales-monthly',
  name: 'report.monthlySales',
  file: 'file.monthlySales',
  group: 'analysis',
  roles: EVERYONE,
  filters: z.strictObject(periodShape).refine(orderedPeriod, { message: 'v.dateRange', path: ['to'] }),
  columns: [
    { key: 'month', type: 'month', label: 'month' },
    { key: 'revenue', type: 'money', label: 'revenue', total: true },
    { key: 'orders', type: 'integer', label: 'orders', total: true },
    { key: 'customers', type: 'integer', label: 'activeCustomers' },
    { key: 'aov', type: 'money', label: 'averageOrder' },
  ],
  prepare(filters, env) {
    // Without a period: the twelve months up to today, as on the dashboard.
    const to = filters.to ?? env.today;
    const from =
      filters.from ??
      dayjs(`${to.slice(0, 7)}-01`)
        .subtract(11, 'month')
        .format('YYYY-MM-DD');
    // Revenue and orders from the sales_daily rollup (a row a day); only the active customers need
    // the sales themselves: the distinct (customer, month) pairs along the covering customer index.
    const day = sql<string>`substr(day, 1, 7)`;
    const sales = env.db
      .selectFrom('sales_daily')
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy(day)
      .select((eb) => [day.as('month'), eb.fn.sum<number>('revenue').as('revenue'), eb.fn.sum<number>('orders').as('orders')]);
    const pairs = env.db
      .selectFrom('transactions')
      .where('deleted_at', 'is', null)
      .where(sql<string>`+transaction_date`, '>=', from)
      .where(sql<string>`+transaction_date`, '<=', to)
      .select(['customer_id', sql<string>`substr(transaction_date, 1, 7)`.as('month')])
      .distinct();
    const active = env.db
      .selectFrom(pairs.as('p'))
      .groupBy('p.month')
      .select((eb) => ['p.month', eb.fn.countAll<number>().as('customers')]);
    const query = env.db
      .withRecursive('months(month)', (db) =>
        db.selectNoFrom(sql<string>`${from.slice(0, 7)}`.as('month')).unionAll((db) =>
          db
            .selectFrom('months')
            .select(sql<string>`strftime('%Y-%m', month || '-01', '+1 month')`.as('month'))
            .where('month', '<', to.slice(0, 7)),
        ),
      )
      .selectFrom('months')
      .leftJoin(sales.as('s'), 's.month', 'months.month')
      .leftJoin(active.as('a'), 'a.month', 'months.month')
      .select([
        'months.month',
        sql<number>`COALESCE(s.revenue, 0)`.as('revenue'),
        sql<number>`COALESCE(s.orders, 0)`.as('orders'),
        sql<number>`COALESCE(a.customers, 0)`.as('customers'),
        sql<number>`COALESCE(CAST(ROUND(s.revenue * 1.0 / s.orders) AS INTEGER), 0)`.as('aov'),
      ])
      .orderBy('months.month');
    return prepared(query, { period: { from, to } });
  },
});

/** The customers who spent the most in a period (all time without one), biggest first. */
export const topCustomersReport = defineReport({
  id: 'top-customers',
  name: 'report.topCustomers',
  file: 'file.topCustomers',
  group: 'analysis',
  roles: MANAGERS,
  filters: z
    .strictObject({ ...periodShape, limit: z.number().int().min(1).max(100_000).default(100) })
    .refine(orderedPeriod, { message: 'v.dateRange', path: ['to'] }),
  columns: [
    { key: 'rank', type: 'integer', label: 'rank' },
    COLUMN.code,
    COLUMN.name,
    COLUMN.phone,
    COLUMN.city,
    { key: 'revenue', type: 'money', label: 'totalSpent', total: true },
    { key: 'orders', type: 'integer', label: 'purchases', total: true },
    { key: 'aov', type: 'money', label: 'averageOrder' },
    COLUMN.lastPurchase,
  ],
  prepare(filters, env) {
    const query = topCustomersQuery(env.db, filters)
      .select([
        sql<number>`ROW_NUMBER() OVER (ORDER BY s.revenue DESC, c.id)`.as('rank'),
        'c.code',
        'c.name',
        'c.phone',
        'c.city',
        's.revenue',
        's.orders',
        sql<number>`CAST(ROUND(s.revenue * 1.0 / s.orders) AS INTEGER)`.as('aov'),
        's.last_purchase',
      ])
      .limit(filters.limit);
    return prepared(query, { period: periodOf(filters) });
  },
});
