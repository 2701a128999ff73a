/** Moving a lead along the pipeline, with the reason a step back or a loss needs and the history row kept. */
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { LeadRow, moveInput } from '../../src-shared/schemas/lead';
import type { Ctx } from '../core/context';
import { newId } from '../core/ids';
import { write, type Writer } from '../core/write';
import { notFound, storedLead } from './guards';
import { getLead } from './service';
import { stageById } from './stages';

/** The stage move and its history row, inside the caller's write. */
export function recordMove(
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
