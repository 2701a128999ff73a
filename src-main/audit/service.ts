import type { Kysely } from 'kysely';
import type { Ctx } from '../core/context';
import type { Database } from '../db/schema';

/** The activity log, newest first: the audit page reads a page of it, export all of it. */
export function activityQuery(db: Kysely<Database>) {
  return db.selectFrom('activity_logs as a').leftJoin('users as u', 'u.id', 'a.user_id').orderBy('a.created_at', 'desc').orderBy('a.id', 'desc');
}

export async function listActivity(ctx: Ctx, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    activityQuery(ctx.db)
      .select(['a.id', 'a.created_at', 'u.name as user_name', 'a.action', 'a.entity', 'a.entity_id', 'a.details'])
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    ctx.db.selectFrom('activity_logs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null })),
    total: Number(count.n),
    page,
    pageSize,
  };
}
