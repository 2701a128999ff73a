/** The checks a lead's create, edit and moves share: the stored row, and who may already have its phone, channel or owner. */
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { normalizePhone } from '../../src-shared/format/phone';
import type { phoneMatchOutput } from '../../src-shared/schemas/lead';
import type { Ctx } from '../core/context';
import { assertMayTouch } from './access';

export const notFound = (ctx: Ctx) => ctx.t('err.notFound', { entity: ctx.t('entity.lead') });

/** The lead row as stored (no names joined), for the rules that need its owner and stage. */
export async function storedLead(ctx: Ctx, id: string) {
  const row = await ctx.db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', notFound(ctx), { id });
  assertMayTouch(ctx, row);
  return row;
}

/** Customers and (other, live) leads with this phone: the same person, asked about before saving. */
export async function phoneMatches(ctx: Ctx, phone: string | null, excludeLeadId?: string): Promise<z.infer<typeof phoneMatchOutput>> {
  if (!phone) return [];
  const customers = await ctx.db
    .selectFrom('customers')
    .select(['id', 'code', 'name'])
    .where('phone', '=', phone)
    .where('deleted_at', 'is', null)
    .limit(5)
    .execute();
  let leads = ctx.db.selectFrom('leads').select(['id', 'code', 'name']).where('phone', '=', phone).where('deleted_at', 'is', null);
  if (excludeLeadId) leads = leads.where('id', '!=', excludeLeadId);
  return [...customers.map((c) => ({ kind: 'customer' as const, ...c })), ...(await leads.limit(5).execute()).map((l) => ({ kind: 'lead' as const, ...l }))];
}

export function checkPhone(ctx: Ctx, input: { phone: string; excludeLeadId?: string }) {
  return phoneMatches(ctx, normalizePhone(input.phone), input.excludeLeadId);
}

/**
 * Another live lead with the phone is always refused (one person, one lead: the index says so too);
 * a customer with it is refused until the user confirms (an old customer asking about something new).
 */
export async function assertPhoneFree(ctx: Ctx, phone: string | null, allowCustomer: boolean, excludeLeadId?: string): Promise<void> {
  const matches = await phoneMatches(ctx, phone, excludeLeadId);
  const lead = matches.find((m) => m.kind === 'lead');
  if (lead) throw new AppError('CONFLICT', ctx.t('leads.phoneLead', { name: lead.name, code: lead.code }), { field: 'phone', matches });
  const customer = matches.find((m) => m.kind === 'customer');
  if (customer && !allowCustomer)
    throw new AppError('CONFLICT', ctx.t('leads.phoneCustomer', { name: customer.name, code: customer.code }), { field: 'phone', matches });
}

export async function assertChannel(ctx: Ctx, channelId: string | null): Promise<void> {
  if (!channelId) return;
  const found = await ctx.db.selectFrom('lead_channels').select('id').where('id', '=', channelId).executeTakeFirst();
  if (!found)
    throw new AppError('VALIDATION_ERROR', ctx.t('leads.unknownChannel'), { issues: [{ path: 'channelId', message: ctx.t('leads.unknownChannel') }] });
}

export async function assertOwner(ctx: Ctx, ownerId: string | null): Promise<void> {
  if (!ownerId) return;
  const found = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('id', '=', ownerId)
    .where('active', '=', 1)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!found) throw new AppError('VALIDATION_ERROR', ctx.t('leads.unknownOwner'), { issues: [{ path: 'ownerId', message: ctx.t('leads.unknownOwner') }] });
}
