import { sql } from 'kysely';
import { dateInZone } from '../../src-shared/format/date';
import type { Settings } from '../../src-shared/schemas/settings';
import type { Ctx } from '../core/context';
import { getSettings } from '../settings/service';

/** Rupiah for a call, from the price table (per million tokens); an unpriced model costs 0. */
export function callCost(settings: Pick<Settings, 'aiPrices'>, model: string, promptTokens: number, completionTokens: number): number {
  const price = settings.aiPrices[model];
  if (!price) return 0;
  return Math.round(((promptTokens * price.input + completionTokens * price.output) / 1_000_000) * 100) / 100;
}

/** The shop's current month as `YYYY-MM`. */
export function currentMonth(ctx: Pick<Ctx, 'clock'>, timeZone: string): string {
  return dateInZone(ctx.clock.now(), timeZone).slice(0, 7);
}

/** Tokens and rupiah spent in a month (the month of created_at, UTC: a few hours' difference at a month's edge). */
export async function monthUsage(ctx: Pick<Ctx, 'db'>, month: string): Promise<{ tokens: number; cost: number }> {
  const row = await ctx.db
    .selectFrom('api_usage_logs')
    .where(sql<string>`substr(created_at, 1, 7)`, '=', month)
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>(sql`prompt_tokens + completion_tokens`), sql<number>`0`).as('tokens'),
      eb.fn.coalesce(eb.fn.sum<number>('cost'), sql<number>`0`).as('cost'),
    ])
    .executeTakeFirstOrThrow();
  return { tokens: Number(row.tokens), cost: Number(row.cost) };
}

/** null when the quota allows another call, else what was used and the limit (for the message). */
export async function quotaReached(
  ctx: Pick<Ctx, 'db'>,
  settings: Pick<Settings, 'aiMonthlyQuota'>,
  month: string,
): Promise<{ used: number; limit: number } | null> {
  const { kind, limit } = settings.aiMonthlyQuota;
  if (limit === null) return null;
  const usage = await monthUsage(ctx, month);
  const used = kind === 'tokens' ? usage.tokens : usage.cost;
  return used >= limit ? { used, limit } : null;
}

export async function usageSummary(ctx: Pick<Ctx, 'db'>, settings: Pick<Settings, 'aiMonthlyQuota'>, month: string) {
  const [byMonth, bySegmentChannel, queued, usage] = await Promise.all([
    ctx.db
      .selectFrom('api_usage_logs')
      .select((eb) => [
        sql<string>`substr(created_at, 1, 7)`.as('month'),
        eb.fn.countAll<number>().as('calls'),
        eb.fn.sum<number>(sql`status = 'error'`).as('failed'),
        eb.fn.sum<number>(sql`prompt_tokens + completion_tokens`).as('tokens'),
        eb.fn.sum<number>('cost').as('cost'),
      ])
      .groupBy(sql`substr(created_at, 1, 7)`)
      .orderBy('month', 'desc')
      .limit(24)
      .execute(),
    ctx.db
      .selectFrom('api_usage_logs')
      .select((eb) => [
        'segment',
        'channel',
        eb.fn.countAll<number>().as('calls'),
        eb.fn.sum<number>(sql`prompt_tokens + completion_tokens`).as('tokens'),
        eb.fn.sum<number>('cost').as('cost'),
      ])
      .groupBy(['segment', 'channel'])
      .orderBy('cost', 'desc')
      .execute(),
    ctx.db
      .selectFrom('content_queue')
      .where('status', '=', 'queued')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    monthUsage(ctx, month),
  ]);
  const { kind, limit } = settings.aiMonthlyQuota;
  return {
    month,
    quota: { kind, limit, used: kind === 'tokens' ? usage.tokens : usage.cost },
    byMonth: byMonth.map((r) => ({
      month: r.month,
      calls: Number(r.calls),
      failed: Number(r.failed ?? 0),
      tokens: Number(r.tokens ?? 0),
      cost: Number(r.cost ?? 0),
    })),
    bySegmentChannel: bySegmentChannel.map((r) => ({
      segment: r.segment,
      channel: r.channel,
      calls: Number(r.calls),
      tokens: Number(r.tokens ?? 0),
      cost: Number(r.cost ?? 0),
    })),
    queued: Number(queued.n),
  };
}

/** The usage view for the current month of the shop. */
export async function currentUsage(ctx: Pick<Ctx, 'db' | 'clock'>) {
  const [settings, business] = await Promise.all([getSettings(ctx), ctx.db.selectFrom('business').select('timezone').executeTakeFirst()]);
  return usageSummary(ctx, settings, currentMonth(ctx, business?.timezone ?? 'Asia/Jakarta'));
}
