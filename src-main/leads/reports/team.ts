/** Per user: the pipeline they hold, the follow-ups they are late on, their week and their closings. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { wonLeadIds } from './funnel';
import type { Span } from './period';

export interface TeamWindow {
  /** The period whose closings count. */
  period: Span;
  /** Monday of this week (local) to the end of today, for activities logged. */
  week: Span;
  /** The shop's now, for overdue: as followUps.list counts it (activities.ts reminderCounts). */
  today: string;
  time: string;
  /** Staff see only their own row. */
  onlyUser: string | null;
}

/**
 * Active users in name order. Open leads: owned, on an open stage. Overdue: open follow-ups
 * assigned to them due before today or today before now, on no lead or a live one (as the
 * reminders count them). Activities this week: logged by them. Won: their leads that moved onto a
 * won stage in the period (funnel.ts wonLeadIds), counted once each, value now.
 *
 * Each figure is grouped once over its index range and joined to the users: asked per user, the
 * open leads and overdue follow-ups were read again for each (1.5 s at 50,000 leads).
 */
export function teamQuery(db: Kysely<Database>, w: TeamWindow) {
  const open = db
    .selectFrom('leads as l')
    .where('l.deleted_at', 'is', null)
    .where(sql<boolean>`l.stage_id IN (SELECT id FROM lead_stages WHERE kind = 'open')`)
    .where('l.owner_id', 'is not', null)
    .groupBy('l.owner_id')
    .select(['l.owner_id as user_id', sql<number>`count(*)`.as('n')]);
  const overdue = db
    .selectFrom('lead_activities as a')
    .leftJoin('leads as al', 'al.id', 'a.lead_id')
    .where('a.due_date', '<=', w.today)
    .where('a.done_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .where(sql<boolean>`(a.lead_id IS NULL OR al.deleted_at IS NULL) AND (a.due_date < ${w.today} OR (a.due_time IS NOT NULL AND a.due_time < ${w.time}))`)
    .groupBy('a.assigned_to')
    .select(['a.assigned_to as user_id', sql<number>`count(*)`.as('n')]);
  const week = db
    .selectFrom('lead_activities as a')
    .where('a.created_at', '>=', w.week.start)
    .where('a.created_at', '<', w.week.end)
    .where('a.deleted_at', 'is', null)
    .groupBy('a.user_id')
    .select(['a.user_id', sql<number>`count(*)`.as('n')]);
  const won = db
    .selectFrom('leads as l')
    .where('l.deleted_at', 'is', null)
    .where(sql<boolean>`l.id IN (${wonLeadIds(w.period.start, w.period.end)})`)
    .groupBy('l.owner_id')
    .select(['l.owner_id as user_id', sql<number>`count(*)`.as('n'), sql<number>`sum(l.value)`.as('v')]);
  let q = db
    .selectFrom('users as u')
    .leftJoin(open.as('o'), 'o.user_id', 'u.id')
    .leftJoin(overdue.as('d'), 'd.user_id', 'u.id')
    .leftJoin(week.as('k'), 'k.user_id', 'u.id')
    .leftJoin(won.as('w'), 'w.user_id', 'u.id')
    .where('u.deleted_at', 'is', null)
    .where('u.active', '=', 1)
    .select([
      'u.id as user_id',
      'u.name',
      sql<number>`coalesce(o.n, 0)`.as('open_leads'),
      sql<number>`coalesce(d.n, 0)`.as('overdue'),
      sql<number>`coalesce(k.n, 0)`.as('activities_week'),
      sql<number>`coalesce(w.n, 0)`.as('won_count'),
      sql<number>`coalesce(w.v, 0)`.as('won_value'),
    ])
    .orderBy(sql`u.name COLLATE NOCASE`)
    .orderBy('u.id');
  if (w.onlyUser !== null) q = q.where('u.id', '=', w.onlyUser);
  return q;
}
