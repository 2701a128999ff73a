/** Month by month: leads, closings, new customers and sales against their targets; ad spend per channel. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { MonthSpan } from './period';

type Db = Kysely<Database>;

/**
 * The months as a small table `m(month, start_at, end_at)` (each month's UTC instants, as
 * parameters), and per month and channel: `created` leads created; `closings` leads that moved
 * onto a won stage in the month, once each, with their value now; `spend` the ad spend. Each is
 * one range read per month on its date index, grouped once (SQLite keeps a CTE used twice):
 * asked per month and channel instead, the ad spend table took 7 s at 50,000 leads.
 */
function withFigures(db: Db, months: MonthSpan[]) {
  return db
    .with('m', (cte) => {
      const rows = months.map((s) =>
        cte.selectNoFrom([sql<string>`${s.month}`.as('month'), sql<string>`${s.start}`.as('start_at'), sql<string>`${s.end}`.as('end_at')]),
      );
      return rows.slice(1).reduce((all, row) => all.unionAll(row), rows[0]);
    })
    .with('created', (cte) =>
      cte
        .selectFrom('m')
        .innerJoin('leads as l', (join) => join.on(sql<boolean>`l.created_at >= m.start_at AND l.created_at < m.end_at`))
        .where('l.deleted_at', 'is', null)
        .groupBy(['m.month', 'l.channel_id'])
        .select(['m.month', 'l.channel_id', sql<number>`count(*)`.as('n')]),
    )
    .with('closed', (cte) =>
      cte
        .selectFrom('m')
        .innerJoin('lead_stage_changes as c', (join) => join.on(sql<boolean>`c.created_at >= m.start_at AND c.created_at < m.end_at`))
        .innerJoin('lead_stages as ws', 'ws.id', 'c.to_stage_id')
        .innerJoin('leads as l', 'l.id', 'c.lead_id')
        .where('ws.kind', '=', 'won')
        .where('l.deleted_at', 'is', null)
        .select(['m.month', 'l.id', 'l.channel_id', 'l.value'])
        .distinct(),
    )
    .with('closings', (cte) =>
      cte
        .selectFrom('closed')
        .groupBy(['closed.month', 'closed.channel_id'])
        .select(['closed.month', 'closed.channel_id', sql<number>`count(*)`.as('n'), sql<number>`sum(closed.value)`.as('v')]),
    )
    .with('spend', (cte) =>
      cte
        .selectFrom('ad_spend as a')
        .where('a.month', '>=', months[0].month)
        .where('a.month', '<=', months[months.length - 1].month)
        .where('a.deleted_at', 'is', null)
        .groupBy(['a.month', 'a.channel_id'])
        .select(['a.month', 'a.channel_id', sql<number>`sum(a.amount)`.as('amount')]),
    );
}

/** Per month: leads created, closings and their value, customers created, sales (sales_daily, local days), ad spend. */
export function monthlyQuery(db: Db, months: MonthSpan[]) {
  return withFigures(db, months)
    .selectFrom('m')
    .select([
      'm.month',
      sql<number>`(SELECT coalesce(sum(n), 0) FROM created WHERE created.month = m.month)`.as('leads'),
      sql<number>`(SELECT coalesce(sum(n), 0) FROM closings WHERE closings.month = m.month)`.as('won'),
      sql<number>`(SELECT coalesce(sum(v), 0) FROM closings WHERE closings.month = m.month)`.as('won_value'),
      sql<number>`(SELECT count(*) FROM customers c WHERE c.created_at >= m.start_at AND c.created_at < m.end_at AND c.deleted_at IS NULL)`.as('new_customers'),
      sql<number>`(SELECT coalesce(sum(d.revenue), 0) FROM sales_daily d WHERE d.day >= m.month || '-01' AND d.day <= m.month || '-31')`.as('revenue'),
      sql<number>`(SELECT coalesce(sum(amount), 0) FROM spend WHERE spend.month = m.month)`.as('spend'),
    ])
    .orderBy('m.month');
}

/**
 * Per month and channel with spend or leads: the spend, the leads it brought (created that month
 * on that channel), the closings (moved onto a won stage that month), and what each cost.
 */
export function adSpendQuery(db: Db, months: MonthSpan[]) {
  return withFigures(db, months)
    .selectFrom('m')
    .innerJoin('lead_channels as ch', (join) => join.onTrue())
    .leftJoin('spend as s', (join) => join.onRef('s.month', '=', 'm.month').onRef('s.channel_id', '=', 'ch.id'))
    .leftJoin('created as cr', (join) => join.onRef('cr.month', '=', 'm.month').onRef('cr.channel_id', '=', 'ch.id'))
    .leftJoin('closings as cl', (join) => join.onRef('cl.month', '=', 'm.month').onRef('cl.channel_id', '=', 'ch.id'))
    .where(sql<boolean>`coalesce(s.amount, 0) > 0 OR coalesce(cr.n, 0) > 0`)
    .select([
      'm.month',
      'ch.id as channel_id',
      'ch.name',
      sql<number>`coalesce(s.amount, 0)`.as('amount'),
      sql<number>`coalesce(cr.n, 0)`.as('leads'),
      sql<number>`coalesce(cl.n, 0)`.as('won'),
      sql<number | null>`CASE WHEN cr.n > 0 AND s.amount > 0 THEN CAST(round(s.amount * 1.0 / cr.n) AS INTEGER) END`.as('cost_per_lead'),
      sql<number | null>`CASE WHEN cl.n > 0 AND s.amount > 0 THEN CAST(round(s.amount * 1.0 / cl.n) AS INTEGER) END`.as('cost_per_closing'),
    ])
    .orderBy('m.month')
    .orderBy('ch.position');
}
