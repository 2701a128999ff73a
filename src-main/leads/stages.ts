import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { channelRow, channelsSaveInput, stageRow, stagesSaveInput } from '../../src-shared/schemas/lead';
import type { Ctx } from '../core/context';
import { newId } from '../core/ids';
import { write } from '../core/write';

type Stage = z.infer<typeof stageRow>;
type Channel = z.infer<typeof channelRow>;
type Services = Pick<Ctx, 'db'>;

/** The stages in board order (deleted ones left out: their leads were moved off them first). */
export async function listStages(ctx: Services): Promise<Stage[]> {
  return ctx.db
    .selectFrom('lead_stages')
    .select(['id', 'name', 'probability', 'position', 'kind'])
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
}

export async function stageById(ctx: Services, id: string): Promise<Stage | undefined> {
  return ctx.db
    .selectFrom('lead_stages')
    .select(['id', 'name', 'probability', 'position', 'kind'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * The owner's edited list replaces the stages: new ones are added, changed ones updated, left-out ones
 * deleted — refused while a lead still sits on one, so no lead is ever on a stage the board lacks.
 * A pipeline needs an open stage to start in, and exactly one won and one lost stage.
 */
export async function saveStages(ctx: Ctx, input: z.output<typeof stagesSaveInput>): Promise<Stage[]> {
  const kinds = input.stages.map((s) => s.kind);
  if (kinds[0] !== 'open' || kinds.filter((k) => k === 'won').length !== 1 || kinds.filter((k) => k === 'lost').length !== 1) {
    throw new AppError('VALIDATION_ERROR', ctx.t('leads.stagesShape'), { issues: [{ path: 'stages', message: ctx.t('leads.stagesShape') }] });
  }
  const current = await listStages(ctx);
  const kept = new Set(input.stages.map((s) => s.id).filter(Boolean));
  const dropped = current.filter((s) => !kept.has(s.id));
  for (const stage of dropped) {
    const inUse = await ctx.db.selectFrom('leads').select('id').where('stage_id', '=', stage.id).where('deleted_at', 'is', null).executeTakeFirst();
    if (inUse) throw new AppError('CONFLICT', ctx.t('leads.stageInUse', { stage: stage.name }));
  }
  write(ctx, (w) => {
    input.stages.forEach((s, i) => {
      const row = { name: s.name, probability: s.probability, kind: s.kind, position: i + 1 };
      if (s.id && current.some((c) => c.id === s.id)) w.update('lead_stages', s.id, row, ctx.t('err.notFound', { entity: s.name }));
      else w.insert('lead_stages', { id: newId(), ...row, deleted_at: null });
    });
    for (const stage of dropped) w.setDeleted('lead_stages', stage.id, true, stage.name);
    w.log({ action: 'leads.stages', entity: 'lead_stages', details: { stages: input.stages.map((s) => s.name) } });
  });
  return listStages(ctx);
}

export async function listChannels(ctx: Services): Promise<Channel[]> {
  const rows = await ctx.db.selectFrom('lead_channels').select(['id', 'name', 'utm', 'position']).where('deleted_at', 'is', null).orderBy('position').execute();
  return rows.map((r) => ({ ...r, utm: JSON.parse(r.utm) as string[] }));
}

/** The edited list replaces the channels; a dropped channel's leads keep pointing at it (history). */
export async function saveChannels(ctx: Ctx, input: z.output<typeof channelsSaveInput>): Promise<Channel[]> {
  const names = input.channels.map((c) => c.name.toLocaleLowerCase('id'));
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice)
    throw new AppError('VALIDATION_ERROR', ctx.t('leads.channelTwice', { name: twice }), {
      issues: [{ path: 'channels', message: ctx.t('leads.channelTwice', { name: twice }) }],
    });
  const current = await listChannels(ctx);
  const kept = new Set(input.channels.map((c) => c.id).filter(Boolean));
  write(ctx, (w) => {
    for (const c of current) if (!kept.has(c.id)) w.setDeleted('lead_channels', c.id, true, c.name);
    input.channels.forEach((c, i) => {
      const row = { name: c.name, utm: JSON.stringify([...new Set(c.utm)]), position: i + 1 };
      if (c.id && current.some((x) => x.id === c.id)) w.update('lead_channels', c.id, row, ctx.t('err.notFound', { entity: c.name }));
      else w.insert('lead_channels', { id: newId(), ...row, deleted_at: null });
    });
    w.log({ action: 'leads.channels', entity: 'lead_channels', details: { channels: input.channels.map((c) => c.name) } });
  });
  return listChannels(ctx);
}

/**
 * The channel a UTM source or medium means ("ig", "tiktok_ads", "cpc"), by each channel's list:
 * the source is asked first, being the more specific of the two.
 */
export function channelForUtm(channels: Channel[], source: string | null, medium: string | null): string | null {
  for (const value of [source, medium]) {
    const key = value?.trim().toLowerCase();
    if (!key) continue;
    const hit = channels.find((c) => c.utm.includes(key) || c.name.toLowerCase() === key);
    if (hit) return hit.id;
  }
  return null;
}
