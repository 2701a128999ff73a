import type { z } from 'zod';
import { translator } from '../../src-shared/i18n/messages';
import type { Language } from '../../src-shared/schemas/auth';
import type { markContactedInput } from '../../src-shared/schemas/content';
import type { Ctx } from '../core/context';
import { write } from '../core/write';
import { PREPARE } from '../export/job';
import type { JobCtx } from '../jobs/types';
import { messageParts, personalised, recipientQuery, recordContact, refuseEmpty, type Message, type Recipient } from './recipients';

export type MarkContactedInput = z.output<typeof markContactedInput>;

export interface MarkContactedParams {
  input: MarkContactedInput;
  language: Language;
}

/** Recipients read and recorded per batch: between batches come progress and the cancel check. */
const STEP = 500;

/** Record in a job (up to 10,000 customers: seconds of inserts that must not hold up the window). */
export async function runMarkContacted(ctx: Ctx, input: MarkContactedInput): Promise<{ recorded: number }> {
  return ctx.jobs.run('content.markContacted', { input, language: ctx.language }, ctx.userId, ctx.clientId).done;
}

/**
 * Record that these customers were sent the message (shown on their page and in campaign reports),
 * each with the text they got. A message with an empty placeholder is refused, and nothing recorded.
 */
export async function markContactedJob(p: MarkContactedParams, ctx: JobCtx): Promise<{ recorded: number }> {
  ctx.progress(PREPARE, 0, 0);
  const { input, language } = p;
  const reader = { db: ctx.db, sqlite: ctx.sqlite, clock: ctx.clock, t: translator(language) };
  const target = {
    customerIds: input.customerIds,
    contentId: input.contentId,
    campaignId: input.campaignId,
    campaignCode: input.campaignCode,
    subject: input.subject,
    body: input.body,
  };
  const [query, parts] = await Promise.all([recipientQuery(reader, target), messageParts(reader, target)]);
  const ids = [...new Set(input.customerIds)];
  const sent: Message[] = [];
  for (let at = 0; at < ids.length; at += STEP) {
    ctx.throwIfCancelled();
    const batch = (await query.where('c.id', 'in', ids.slice(at, at + STEP)).execute()).map((r) => personalised(r as Recipient, parts, language));
    refuseEmpty(reader, batch);
    sent.push(...batch);
    ctx.progress(PREPARE, Math.min(ids.length, at + STEP), ids.length);
  }
  recordSent(ctx, { channel: input.channel, contentId: input.contentId, campaignId: input.campaignId }, sent);
  return { recorded: sent.length };
}

/**
 * The customers recorded as sent their message, through the write helper in one transaction
 * (all of them or none), batch by batch with progress and a cancel check between batches.
 */
export function recordSent(
  ctx: JobCtx,
  how: { channel: MarkContactedInput['channel']; contentId?: string; campaignId?: string },
  sent: Pick<Message, 'customerId' | 'subject' | 'message'>[],
  details: Record<string, unknown> = {},
): void {
  const record = {
    channel: how.channel,
    contentId: how.contentId ?? null,
    campaignId: how.campaignId ?? null,
    sentAt: ctx.clock.now().toISOString(),
    userId: ctx.userId,
  };
  ctx.progress('mark', 0, sent.length);
  write(ctx, (w) => {
    for (let at = 0; at < sent.length; at += STEP) {
      ctx.throwIfCancelled();
      for (const m of sent.slice(at, at + STEP)) recordContact(w, m, record);
      ctx.progress('mark', Math.min(sent.length, at + STEP), sent.length);
    }
    ctx.throwIfCancelled(); // the last check: once committed, the records stand
    w.log({
      action: 'content.contacted',
      entity: 'customer_communications',
      details: { customers: sent.length, channel: how.channel, campaignId: record.campaignId, ...details },
    });
  });
}
