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
 * Active users in name order. Open leads: owned, on an open stage (owner index). Overdue: open
 * follow-ups assigned to them due before today or today before now, on no lead or a live one
 * (due index). Activities this week: logged by them (created index). Won: their leads that moved
 * onto a won stage in the period (see funnel.ts wonLeadIds), counted once each, value now.
 */
export function teamQuery(db: Kysely<Database>, w: TeamWindow) {
  let q = db
    .selectFrom('users as u')
    .where('u.deleted_at', 'is', null)
    .where('u.active', '=', 1)
    .select([
      'u.id as user_id',
      'u.name',
      sql<number>`(SELECT count(*) FROM leads l JOIN lead_stages s ON s.id = l.stage_id WHERE l.owner_id = u.id AND l.deleted_at IS NULL AND s.kind = 'open')`.as('open_leads'),
      sql<number>`(SELECT count(*) FROM lead_activities a LEFT JOIN leads al ON al.id = a.lead_id WHERE a.assigned_to = u.id AND a.due_date <= ${w.today} AND a.done_at IS NULL AND a.deleted_at IS NULL AND (a.lead_id IS NULL OR al.deleted_at IS NULL) AND (a.due_date < ${w.today} OR (a.due_time IS NOT NULL AND a.due_time < ${w.time})))`.as('overdue'),
      sql<number>`(SELECT count(*) FROM lead_activities a WHERE a.user_id = u.id AND a.created_at >= ${w.week.start} AND a.created_at < ${w.week.end} AND a.deleted_at IS NULL)`.as('activities_week'),
      sql<number>`(SELECT count(*) FROM leads l WHERE l.owner_id = u.id AND l.deleted_at IS NULL AND l.id IN (${wonLeadIds(w.period.start, w.period.end)}))`.as('won_count'),
      sql<number>`(SELECT coalesce(sum(l.value), 0) FROM leads l WHERE l.owner_id = u.id AND l.deleted_at IS NULL AND l.id IN (${wonLeadIds(w.period.start, w.period.end)}))`.as('won_value'),
    ])
    .orderBy(sql`u.name COLLATE NOCASE`)
    .orderBy('u.id');
  if (w.onlyUser !== null) q = q.where('u.id', '=', w.onlyUser);
  return q;
}
