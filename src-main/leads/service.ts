/** A lead's own record: its code, create, edit, delete and restore (moves, conversion and views have their own files). */
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { leadCreateInput, LeadRow, leadUpdateInput } from '../../src-shared/schemas/lead';
import type { Ctx } from '../core/context';
import { newId } from '../core/ids';
import { write } from '../core/write';
import { assertMayAssign } from './access';
import { assertChannel, assertOwner, assertPhoneFree, notFound, storedLead } from './guards';
import { leadById } from './queries';
import { channelForUtm, listChannels, listStages } from './stages';

type CreateInput = z.output<typeof leadCreateInput>;
type UpdateInput = z.output<typeof leadUpdateInput>;

export const leadCode = (n: number): string => `L-${String(n).padStart(5, '0')}`;

async function nextLeadCode(ctx: Ctx): Promise<string> {
  const row = await sql<{ n: number | null }>`SELECT MAX(CAST(SUBSTR(code, 3) AS INTEGER)) AS n FROM leads WHERE code GLOB 'L-[0-9]*'`.execute(ctx.db);
  return leadCode((row.rows[0]?.n ?? 0) + 1);
}

export async function getLead(ctx: Ctx, id: string): Promise<LeadRow> {
  const lead = await leadById(ctx, id);
  if (!lead) throw new AppError('NOT_FOUND', notFound(ctx), { id });
  return lead;
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
