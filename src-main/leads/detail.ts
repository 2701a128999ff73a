/** Read-only views of leads: the lead page, and the leads a customer came from. */
import type { Ctx } from '../core/context';
import { activitiesOf } from './activities';
import { phoneMatches } from './guards';
import { getLead } from './service';

/** The leads a customer came from (customer page: "Asal pelanggan"). */
export async function leadsOfCustomer(ctx: Ctx, customerId: string) {
  const rows = await ctx.db
    .selectFrom('leads')
    .leftJoin('lead_channels as ch', 'ch.id', 'leads.channel_id')
    .select([
      'leads.id',
      'leads.code',
      'leads.name',
      'ch.name as channelName',
      'leads.campaign_code as campaignCode',
      'leads.created_at as createdAt',
      'leads.closed_at as closedAt',
    ])
    .where('leads.customer_id', '=', customerId)
    .where('leads.deleted_at', 'is', null)
    .orderBy('leads.created_at')
    .execute();
  return rows;
}

/** The lead page: the lead, its stage history, its activities and a customer sharing its phone. */
export async function leadDetail(ctx: Ctx, id: string) {
  const lead = await getLead(ctx, id);
  const history = await ctx.db
    .selectFrom('lead_stage_changes as h')
    .leftJoin('lead_stages as f', 'f.id', 'h.from_stage_id')
    .innerJoin('lead_stages as t', 't.id', 'h.to_stage_id')
    .leftJoin('users as u', 'u.id', 'h.user_id')
    .select([
      'h.id',
      'h.from_stage_id as fromStageId',
      'f.name as fromStageName',
      'h.to_stage_id as toStageId',
      't.name as toStageName',
      'h.reason',
      'u.name as userName',
      'h.created_at as at',
    ])
    .where('h.lead_id', '=', id)
    .orderBy('h.created_at', 'desc')
    .orderBy('h.id', 'desc')
    .execute();
  const activities = await activitiesOf(ctx, { leadId: id });
  const customerMatch = lead.customerId
    ? ((await ctx.db.selectFrom('customers').select(['id', 'code', 'name']).where('id', '=', lead.customerId).executeTakeFirst()) ?? null)
    : ((await phoneMatches(ctx, lead.phone, id)).find((m) => m.kind === 'customer') ?? null);
  return { lead, history, activities, customerMatch: customerMatch ? { id: customerMatch.id, code: customerMatch.code, name: customerMatch.name } : null };
}
