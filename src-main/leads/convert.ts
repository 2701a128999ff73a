/** Turning a lead that bought into a customer (found by id or phone, else made from the lead). */
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { convertInput } from '../../src-shared/schemas/lead';
import type { Ctx } from '../core/context';
import { newId } from '../core/ids';
import { write } from '../core/write';
import { nextCustomerCode } from '../customers/service';
import { notFound, storedLead } from './guards';
import { recordMove } from './move';
import { listStages } from './stages';

/**
 * A lead that bought becomes a customer: linked to the one given, else to the customer who already
 * has its phone (never a second record of the same person), else a new customer made from it. The
 * lead moves to the won stage if it is not there yet, and keeps its history; the customer page reads
 * where the customer came from through `leads.customer_id`.
 */
export async function convertLead(ctx: Ctx, input: z.output<typeof convertInput>): Promise<{ customerId: string; created: boolean }> {
  const lead = await storedLead(ctx, input.id);
  if (lead.deleted_at) throw new AppError('CONFLICT', ctx.t('leads.deleted'));
  if (lead.customer_id) return { customerId: lead.customer_id, created: false };
  let customer: { id: string; code: string } | undefined;
  if (input.customerId) {
    customer = await ctx.db
      .selectFrom('customers')
      .select(['id', 'code'])
      .where('id', '=', input.customerId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!customer) throw new AppError('NOT_FOUND', ctx.t('err.notFound', { entity: ctx.t('entity.customer') }), { id: input.customerId });
  } else if (lead.phone) {
    customer = await ctx.db
      .selectFrom('customers')
      .select(['id', 'code'])
      .where('phone', '=', lead.phone)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .executeTakeFirst();
  }
  const stages = await listStages(ctx);
  const won = stages.find((s) => s.kind === 'won');
  const from = stages.find((s) => s.id === lead.stage_id);
  if (!won) throw new AppError('CONFLICT', ctx.t('leads.noWonStage'));
  const created = !customer;
  const customerId = customer?.id ?? newId();
  const code = customer?.code ?? (await nextCustomerCode(ctx));
  const channel = lead.channel_id ? await ctx.db.selectFrom('lead_channels').select('name').where('id', '=', lead.channel_id).executeTakeFirst() : undefined;
  write(ctx, (w) => {
    if (created) {
      w.insert('customers', {
        id: customerId,
        code,
        name: lead.name,
        phone: lead.phone,
        email: lead.email,
        address: null,
        city: lead.city,
        tags: JSON.stringify([]),
        notes: lead.notes,
        source: [ctx.t('leads.sourcePrefix', { code: lead.code }), channel?.name, lead.campaign_code].filter(Boolean).join(' · ').slice(0, 80),
        deleted_at: null,
      });
      w.log({ action: 'customers.create', entity: 'customers', entityId: customerId, details: { code, name: lead.name } });
    }
    if (lead.stage_id !== won.id) recordMove(ctx, w, lead, from ?? { name: '' }, won, null);
    w.update('leads', lead.id, { customer_id: customerId }, notFound(ctx));
    // The lead's follow-ups follow the person: the customer page shows them too.
    w.log({ action: 'leads.convert', entity: 'leads', entityId: lead.id, details: { lead: lead.code, customer: code, created } });
  });
  return { customerId, created };
}
