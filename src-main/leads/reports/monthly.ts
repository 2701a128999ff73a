/** Month by month: leads, closings, new customers and sales against their targets; ad spend per channel. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { wonLeadIds } from './funnel';
import type { MonthSpan } from './period';

type Db = Kysely<Database>;

/** The months as a small table `m(month, start_at, end_at)`: each month's UTC instants, as parameters. */
function withMonths(db: Db, months: MonthSpan[]) {
  return db.with('m', (cte) => {
    const rows = months.map((s) => cte.selectNoFrom([sql<string>`${s.month}`.as('month'), sql<string>`${s.start}`.as('start_at'), sql<string>`${s.end}`.as('end_at')]));
    return rows.slice(1).reduce((all, row) => all.unionAll(row), rows[0]);
  });
}

/**
 * Per month: leads created; closings (leads that moved onto a won stage that month, once each,
 * their value now); customers created; sales (the sales_daily rollup, local days); ad spend.
 * Every figure is a range read on its table's date index.
 */
export function monthlyQuery(db: Db, months: MonthSpan[]) {
  return withMonths(db, months)
    .selectFrom('m')
    .select([
      'm.month',
      sql<number>`(SELECT count(*) FROM leads l WHERE l.created_at >= m.start_at AND l.created_at < m.end_at AND l.deleted_at IS NULL)`.as('leads'),
      sql<number>`(SELECT count(*) FROM leads l WHERE l.deleted_at IS NULL AND l.id IN (${wonLeadIds(sql.ref('m.start_at'), sql.ref('m.end_at'))}))`.as('won'),
      sql<number>`(SELECT coalesce(sum(l.value), 0) FROM leads l WHERE l.deleted_at IS NULL AND l.id IN (${wonLeadIds(sql.ref('m.start_at'), sql.ref('m.end_at'))}))`.as('won_value'),
      sql<number>`(SELECT count(*) FROM customers c WHERE c.created_at >= m.start_at AND c.created_at < m.end_at AND c.deleted_at IS NULL)`.as('new_customers'),
      sql<number>`(SELECT coalesce(sum(d.revenue), 0) FROM sales_daily d WHERE d.day >= m.month || '-01' AND d.day <= m.month || '-31')`.as('revenue'),
      sql<number>`(SELECT coalesce(sum(a.amount), 0) FROM ad_spend a WHERE a.month = m.month AND a.deleted_at IS NULL)`.as('spend'),
    ])
    .orderBy('m.month');
}

/**
 * Per month and channel with spend or leads: the spend, the leads it brought (created that month
 * on that channel), the closings (moved onto a won stage that month), and what each cost.
 */
export function adSpendQuery(db: Db, months: MonthSpan[]) {
  const inner = withMonths(db, months)
    .selectFrom('m')
    .innerJoin('lead_channels as ch', (join) => join.onTrue())
    .select([
      'm.month',
      'ch.id as channel_id',
      'ch.name',
      'ch.position',
      sql<number>`(SELECT coalesce(sum(a.amount), 0) FROM ad_spend a WHERE a.month = m.month AND a.channel_id = ch.id AND a.deleted_at IS NULL)`.as('amount'),
      sql<number>`(SELECT count(*) FROM leads l WHERE l.created_at >= m.start_at AND l.created_at < m.end_at AND l.channel_id = ch.id AND l.deleted_at IS NULL)`.as('leads'),
      sql<number>`(SELECT count(*) FROM leads l WHERE l.channel_id = ch.id AND l.deleted_at IS NULL AND l.id IN (${wonLeadIds(sql.ref('m.start_at'), sql.ref('m.end_at'))}))`.as('won'),
    ]);
  return db
    .selectFrom(inner.as('x'))
    .where((eb) => eb.or([eb('x.amount', '>', 0), eb('x.leads', '>', 0)]))
    .select([
      'x.month',
      'x.channel_id',
      'x.name',
      'x.amount',
      'x.leads',
      'x.won',
      sql<number | null>`CASE WHEN x.leads > 0 AND x.amount > 0 THEN CAST(round(x.amount * 1.0 / x.leads) AS INTEGER) END`.as('cost_per_lead'),
      sql<number | null>`CASE WHEN x.won > 0 AND x.amount > 0 THEN CAST(round(x.amount * 1.0 / x.won) AS INTEGER) END`.as('cost_per_closing'),
    ])
    .orderBy('x.month')
    .orderBy('x.position');
}
