import type { Ctx } from '../core/context';

export async function listActivity(ctx: Ctx, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    ctx.db
      .selectFrom('activity_logs as a')
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.id', 'a.created_at', 'u.name as user_name', 'a.action', 'a.entity', 'a.entity_id', 'a.details'])
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id', 'desc')
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
