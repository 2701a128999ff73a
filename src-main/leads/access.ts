import type { ExpressionBuilder } from 'kysely';
import { AppError } from '../../src-shared/errors';
import type { Ctx } from '../core/context';
import type { Database } from '../db/schema';

/**
 * Who sees which leads (issue: roles). Owners and managers see and reassign every lead; staff see
 * and edit their own and the unassigned ones, take an unassigned one for themselves, and never give
 * one to someone else.
 */
export const seesAll = (ctx: Pick<Ctx, 'user'>): boolean => ctx.user?.role === 'owner' || ctx.user?.role === 'manager';

/** The visibility rule as a WHERE on `leads` (aliased or not, the column is `leads.owner_id`). */
export function visibleLeads(ctx: Pick<Ctx, 'user'>) {
  return (eb: ExpressionBuilder<Database, 'leads'>) =>
    seesAll(ctx) ? eb.lit(true) : eb.or([eb('leads.owner_id', 'is', null), eb('leads.owner_id', '=', ctx.user?.id ?? '')]);
}

export function assertMayTouch(ctx: Ctx, lead: { owner_id: string | null }): void {
  if (seesAll(ctx) || lead.owner_id === null || lead.owner_id === ctx.user?.id) return;
  throw new AppError('FORBIDDEN', ctx.t('leads.notYours'));
}

export function assertMayAssign(ctx: Ctx, before: string | null, after: string | null): void {
  if (seesAll(ctx) || before === after || after === null || after === ctx.user?.id) return;
  throw new AppError('FORBIDDEN', ctx.t('leads.assignOthers'));
}
