import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { normalizePhone } from '../../src-shared/format/phone';
import type { convertInput, leadCreateInput, LeadRow, leadUpdateInput, moveInput, phoneMatchOutput } from '../../src-shared/schemas/lead';
import type { Ctx } from '../core/context';
import { newId } from '../core/ids';
import { write, type Writer } from '../core/write';
import { nextCustomerCode } from '../customers/service';
import { assertMayAssign, assertMayTouch } from './access';
import { activitiesOf } from './activities';
import { leadById } from './queries';
import { channelForUtm, listChannels, listStages, stageById } from './stages';

type CreateInput = z.output<typeof leadCreateInput>;
type UpdateInput = z.output<typeof leadUpdateInput>;

export const leadCode = (n: number): string => `L-${String(n).padStart(5, '0')}`;
const notFound = (ctx: Ctx) => ctx.t('err.notFound', { entity: ctx.t('entity.lead') });

async function nextLeadCode(ctx: Ctx): Promise<string> {
  const row = await sql<{ n: number | null }>`SELECT MAX(CAST(SUBSTR(code, 3) AS INTEGER)) AS n FROM leads WHERE code GLOB 'L-[0-9]*'`.execute(ctx.db);
  return leadCode((row.rows[0]?.n ?? 0) + 1);
}

/** The lead row as stored (no names joined), for the rules that need its owner and stage. */
async function storedLead(ctx: Ctx, id: string) {
  const row = await ctx.db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', notFound(ctx), { id });
  assertMayTouch(ctx, row);
  return row;
}

export async function getLead(ctx: Ctx, id: string): Promise<LeadRow> {
  const lead = await leadById(ctx, id);
  if (!lead) throw new AppError('NOT_FOUND', notFound(ctx), { id });
  return lead;
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
async function assertPhoneFree(ctx: Ctx, phone: string | null, allowCustomer: boolean, excludeLeadId?: string): Promise<void> {
  const matches = await phoneMatches(ctx, phone, excludeLeadId);
  const lead = matches.find((m) => m.kind === 'lead');
  if (lead) throw new AppError('CONFLICT', ctx.t('leads.phoneLead', { name: lead.name, code: lead.code }), { field: 'phone', matches });
  const customer = matches.find((m) => m.kind === 'customer');
  if (customer && !allowCustomer)
    throw new AppError('CONFLICT', ctx.t('leads.phoneCustomer', { name: customer.name, code: customer.code }), { field: 'phone', matches });
}

async function assertChannel(ctx: Ctx, channelId: string | null): Promise<void> {
  if (!channelId) return;
  const found = await ctx.db.selectFrom('lead_channels').select('id').where('id', '=', channelId).executeTakeFirst();
  if (!found)
    throw new AppError('VALIDATION_ERROR', ctx.t('leads.unknownChannel'), { issues: [{ path: 'channelId', message: ctx.t('leads.unknownChannel') }] });
}

async function assertOwner(ctx: Ctx, ownerId: string | null): Promise<void> {
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

function columnsOf(input: CreateInput | UpdateInput, channelId: string | null) {
  return {
    name: input.name,
    organisation: input.organisation,
    phone: input.phone,
    email: input.email,
    city: input.city,
    channel_id: channelId,
    utm_source: input.utmSource,
    utm_medium: input.utmMedium,
    campaign_code: input.campaignCode,
    interest: input.interest,
    value: input.value,
    owner_id: input.ownerId,
    expected_close: input.expectedClose,
    notes: input.notes,
  };
}

/** A channel chosen, else the one the UTM values mean (ARCHITECTURE: UTM normalised onto `lead_channels`). */
async function resolveChannel(ctx: Ctx, input: CreateInput | UpdateInput): Promise<string | null> {
  if (input.channelId) return input.channelId;
  if (!input.utmSource && !input.utmMedium) return null;
  return channelForUtm(await listChannels(ctx), input.utmSource, input.utmMedium);
}

export async function createLead(ctx: Ctx, input: CreateInput): Promise<LeadRow> {
  await assertPhoneFree(ctx, input.phone, input.allowDuplicate);
  await assertChannel(ctx, input.channelId);
  await assertOwner(ctx, input.ownerId);
  assertMayAssign(ctx, null, input.ownerId);
  const stages = await listStages(ctx);
  const stage = input.stageId ? stages.find((s) => s.id === input.stageId) : stages.find((s) => s.kind === 'open');
  if (!stage) throw new AppError('VALIDATION_ERROR', ctx.t('leads.unknownStage'), { issues: [{ path: 'stageId', message: ctx.t('leads.unknownStage') }] });
  const id = newId();
  const code = await nextLeadCode(ctx);
  const channelId = await resolveChannel(ctx, input);
  const now = ctx.clock.now().toISOString();
  write(ctx, (w) => {
    w.insert('leads', {
      id,
      code,
      ...columnsOf(input, channelId),
      stage_id: stage.id,
      stage_changed_at: now,
      customer_id: null,
      closed_at: stage.kind === 'open' ? null : now,
      lost_reason: null,
      upload_id: null,
      deleted_at: null,
    });
    w.insert('lead_stage_changes', { id: newId(), lead_id: id, from_stage_id: null, to_stage_id: stage.id, reason: null, user_id: ctx.userId });
    w.log({ action: 'leads.create', entity: 'leads', entityId: id, details: { code, name: input.name } });
  });
  return getLead(ctx, id);
}

export async function updateLead(ctx: Ctx, input: UpdateInput): Promise<LeadRow> {
  const before = await storedLead(ctx, input.id);
  if (input.phone !== before.phone) await assertPhoneFree(ctx, input.phone, input.allowDuplicate, input.id);
  await assertChannel(ctx, input.channelId);
  if (input.ownerId !== before.owner_id) await assertOwner(ctx, input.ownerId);
  assertMayAssign(ctx, before.owner_id, input.ownerId);
  const channelId = await resolveChannel(ctx, input);
  write(ctx, (w) => {
    w.update('leads', input.id, columnsOf(input, channelId), notFound(ctx));
    w.log({
      action: 'leads.update',
      entity: 'leads',
      entityId: input.id,
      details: { code: before.code, owner: input.ownerId !== before.owner_id ? input.ownerId : undefined },
    });
  });
  return getLead(ctx, input.id);
}

/** The stage move and its history row, inside the caller's write. */
function recordMove(
  ctx: Ctx,
  w: Writer,
  lead: { id: string; code: string; stage_id: string },
  from: { name: string },
  to: { id: string; name: string; kind: string },
  reason: string | null,
): void {
  const now = ctx.clock.now().toISOString();
  w.update(
    'leads',
    lead.id,
    { stage_id: to.id, stage_changed_at: now, closed_at: to.kind === 'open' ? null : now, lost_reason: to.kind === 'lost' ? reason : null },
    notFound(ctx),
  );
  w.insert('lead_stage_changes', { id: newId(), lead_id: lead.id, from_stage_id: lead.stage_id, to_stage_id: to.id, reason, user_id: ctx.userId });
  w.log({ action: 'leads.move', entity: 'leads', entityId: lead.id, details: { code: lead.code, from: from.name, to: to.name, reason: reason ?? undefined } });
}

/**
 * Moves a lead to another stage. Going back a stage, or to a lost one, needs a reason (the
 * pipeline's history must say why a deal went backwards); every move is kept with who and when.
 */
export async function moveLead(ctx: Ctx, input: z.output<typeof moveInput>): Promise<LeadRow> {
  const lead = await storedLead(ctx, input.id);
  if (lead.deleted_at) throw new AppError('CONFLICT', ctx.t('leads.deleted'));
  const [from, to] = await Promise.all([stageById(ctx, lead.stage_id), stageById(ctx, input.stageId)]);
  if (!to) throw new AppError('VALIDATION_ERROR', ctx.t('leads.unknownStage'), { issues: [{ path: 'stageId', message: ctx.t('leads.unknownStage') }] });
  if (to.id === lead.stage_id) return getLead(ctx, lead.id);
  const backwards = from !== undefined && from.kind === 'open' && to.kind === 'open' && to.position < from.position;
  const reopened = from !== undefined && from.kind !== 'open';
  if ((backwards || reopened || to.kind === 'lost') && !input.reason) {
    const message = ctx.t(to.kind === 'lost' ? 'leads.reasonLost' : 'leads.reasonBack', { stage: to.name });
    throw new AppError('VALIDATION_ERROR', message, { issues: [{ path: 'reason', message }] });
  }
  write(ctx, (w) => recordMove(ctx, w, lead, from ?? { name: '' }, to, input.reason));
  return getLead(ctx, lead.id);
}

export async function setLeadDeleted(ctx: Ctx, id: string, deleted: boolean): Promise<void> {
  const lead = await storedLead(ctx, id);
  if (!deleted && lead.phone) {
    const other = await ctx.db
      .selectFrom('leads')
      .select(['code', 'name'])
      .where('phone', '=', lead.phone)
      .where('deleted_at', 'is', null)
      .where('id', '!=', id)
      .executeTakeFirst();
    if (other) throw new AppError('CONFLICT', ctx.t('leads.phoneLead', { name: other.name, code: other.code }));
  }
  write(ctx, (w) => {
    if (w.setDeleted('leads', id, deleted, notFound(ctx)))
      w.log({ action: deleted ? 'leads.delete' : 'leads.restore', entity: 'leads', entityId: id, details: { code: lead.code } });
  });
}

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
