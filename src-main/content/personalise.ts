import type { z } from 'zod';
import type { personaliseInput } from '../../src-shared/schemas/content';
import type { Ctx } from '../core/context';
import { messageParts, personalised, recipientQuery, type Recipient } from './recipients';

/** A page of the message as each customer will read it, with their WhatsApp link. */
export async function personalise(ctx: Ctx, input: z.output<typeof personaliseInput>) {
  const [query, parts] = await Promise.all([recipientQuery(ctx, input), messageParts(ctx, input)]);
  const [rows, count] = await Promise.all([
    query
      .orderBy('c.name')
      .orderBy('c.id')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => personalised(r as Recipient, parts, ctx.language)), total: Number(count.n), page: input.page, pageSize: input.pageSize };
}

export async function customerCommunications(ctx: Pick<Ctx, 'db'>, customerId: string) {
  const rows = await ctx.db
    .selectFrom('customer_communications as m')
    .leftJoin('campaigns as k', 'k.id', 'm.campaign_id')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .where('m.customer_id', '=', customerId)
    .select(['m.id', 'm.channel', 'm.message', 'k.code as campaign_code', 'm.sent_at', 'u.name as user_name'])
    .orderBy('m.sent_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({ id: r.id, channel: r.channel, message: r.message, campaignCode: r.campaign_code, sentAt: r.sent_at, userName: r.user_name }));
}
