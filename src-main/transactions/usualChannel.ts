import { sql } from 'kysely';
import { CHANNELS } from '../../src-shared/schemas/transaction';
import type { Ctx } from '../core/context';

type Channel = (typeof CHANNELS)[number];

/** How many of the latest sales decide the usual channel: the shop's habit now, read in milliseconds at 1,000,000 sales. */
const RECENT_SALES = 1000;

/**
 * The channel a new sale most likely came through: the one used most among the latest sales that
 * name one, else the shop counter ("Toko (offline)"), so the form never opens with no channel.
 */
export async function usualChannel(ctx: Pick<Ctx, 'db'>): Promise<{ channel: Channel }> {
  const recent = ctx.db
    .selectFrom('transactions')
    .select('channel')
    .where('deleted_at', 'is', null)
    .where('channel', 'in', [...CHANNELS])
    .orderBy('transaction_date', 'desc')
    .limit(RECENT_SALES);
  const top = await ctx.db
    .selectFrom(recent.as('r'))
    .select(['r.channel', sql<number>`COUNT(*)`.as('n')])
    .groupBy('r.channel')
    .orderBy('n', 'desc')
    .orderBy('r.channel')
    .limit(1)
    .executeTakeFirst();
  return { channel: (top?.channel as Channel | undefined) ?? 'offline' };
}
