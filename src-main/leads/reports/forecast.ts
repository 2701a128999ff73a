/** What the open pipeline should bring in: value × the stage's probability, by expected close month. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { addMonths } from './period';

export const FORECAST_MONTHS = 6;

/**
 * Open leads (not deleted, on an open stage) grouped by the month of `expected_close` (a shop-local
 * date): the `months` from `first` on, `late` for a date before `first` (still open, overdue to
 * close), `undated` for none. Weighted = Σ value × probability / 100, rounded to the rupiah.
 * Leads expected after the last month are left out. Read by the stage index.
 */
export function forecastQuery(db: Kysely<Database>, first: string) {
  const after = `${addMonths(first, FORECAST_MONTHS)}-01`;
  const bucket = sql<string>`CASE WHEN l.expected_close IS NULL THEN 'undated' WHEN l.expected_close < ${`${first}-01`} THEN 'late' ELSE substr(l.expected_close, 1, 7) END`;
  return db
    .selectFrom('leads as l')
    .innerJoin('lead_stages as s', 's.id', 'l.stage_id')
    .where('s.kind', '=', 'open')
    .where('l.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('l.expected_close', 'is', null), eb('l.expected_close', '<', after)]))
    .groupBy(bucket)
    .select([
      bucket.as('month'),
      sql<number>`count(*)`.as('count'),
      sql<number>`coalesce(sum(l.value), 0)`.as('value'),
      sql<number>`CAST(round(coalesce(sum(l.value * s.probability), 0) / 100.0) AS INTEGER)`.as('weighted'),
    ])
    .orderBy('month');
}
