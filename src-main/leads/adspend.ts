/** Ad spend per channel per month (seed 004 §3.1): entered by owners and managers, read by the reports. */
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { adSpendListInput, adSpendSaveInput } from '../../src-shared/schemas/lead-reports';
import type { Ctx } from '../core/context';
import { newId } from '../core/ids';
import { write } from '../core/write';

export async function listAdSpend(ctx: Pick<Ctx, 'db'>, input: z.output<typeof adSpendListInput>) {
  const rows = await ctx.db
    .selectFrom('ad_spend as a')
    .innerJoin('lead_channels as ch', 'ch.id', 'a.channel_id')
    .where('a.deleted_at', 'is', null)
    .where('a.month', '>=', input.from)
    .where('a.month', '<=', input.to)
    .select(['a.id', 'a.month', 'a.channel_id', 'ch.name', 'a.amount'])
    .orderBy('a.month')
    .orderBy('ch.position')
    .execute();
  return rows.map((r) => ({ id: r.id, month: r.month, channelId: r.channel_id, channelName: r.name, amount: r.amount }));
}

/** One month's spend on a channel: replaces what was entered for that month and channel. */
export async function saveAdSpend(ctx: Ctx, input: z.output<typeof adSpendSaveInput>) {
  const channel = await ctx.db
    .selectFrom('lead_channels')
    .select(['id', 'name'])
    .where('id', '=', input.channelId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!channel) throw new AppError('NOT_FOUND', ctx.t('err.notFound', { entity: input.channelId }));
  const existing = await ctx.db
    .selectFrom('ad_spend')
    .select(['id', 'amount'])
    .where('month', '=', input.month)
    .where('channel_id', '=', input.channelId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  write(ctx, (w) => {
    if (existing) w.update('ad_spend', existing.id, { amount: input.amount }, ctx.t('err.notFound', { entity: channel.name }));
    else w.insert('ad_spend', { id: newId(), month: input.month, channel_id: input.channelId, amount: input.amount, deleted_at: null });
    w.log({
      action: 'leads.adSpend',
      entity: 'ad_spend',
      details: { month: input.month, channel: channel.name, from: existing?.amount ?? null, to: input.amount },
    });
  });
  return (await listAdSpend(ctx, { from: input.month, to: input.month })).find((r) => r.channelId === input.channelId)!;
}
