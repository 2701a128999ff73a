import type { Ctx } from '../core/context';
import { seesAll } from './access';

/**
 * Who a lead may be given to, for the owner pickers of the leads pages. Owners and managers
 * reassign every lead, so they get every active user (`users.list` is the owner's alone: a
 * manager still has to pick a salesperson); staff only ever take a lead themselves.
 */
export async function leadOwners(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  let query = ctx.db.selectFrom('users').select(['id', 'name']).where('active', '=', 1).where('deleted_at', 'is', null);
  if (!seesAll(ctx)) query = query.where('id', '=', ctx.user?.id ?? '');
  // By name as people read it: "andi" before "Sari", whatever the case.
  return (await query.execute()).sort((a, b) => a.name.localeCompare(b.name, 'id', { sensitivity: 'base' }));
}
