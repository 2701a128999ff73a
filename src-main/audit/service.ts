import type { Kysely } from 'kysely';
import type { Ctx } from '../core/context';
import type { Database } from '../db/schema';

/** The activity log, newest first (of one kind of action when given): the audit page reads a page of it, export all of it. */
export function activityQuery(db: Kysely<Database>, action?: string) {
  let query = db.selectFrom('activity_logs as a').leftJoin('users as u', 'u.id', 'a.user_id');
  if (action) query = query.where('a.action', '=', action);
  return query.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc');
}

export async function listActivity(ctx: Ctx, page: number, pageSize: number, action?: string) {
  let counted = ctx.db.selectFrom('activity_logs').select((eb) => eb.fn.countAll<number>().as('n'));
  if (action) counted = counted.where('action', '=', action);
  const [rows, count] = await Promise.all([
    activityQuery(ctx.db, action)
      .select(['a.id', 'a.created_at', 'u.name as user_name', 'a.action', 'a.entity', 'a.entity_id', 'a.details'])
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    counted.executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null })),
    total: Number(count.n),
    page,
    pageSize,
  };
}
