import { sql } from 'kysely';
import type { z } from 'zod';
import { emptyPlaceholders, fillPlaceholders, waLink } from '../../src-shared/content/placeholders';
import { formatDate } from '../../src-shared/format/date';
import { formatRupiah } from '../../src-shared/format/money';
import { segmentName } from '../../src-shared/i18n/segments';
import type { SegmentId } from '../../src-shared/rfm/rules';
import type { CONTENT_CHANNELS, personaliseInput } from '../../src-shared/schemas/content';
import { AppError } from '../../src-shared/errors';
import type { Ctx } from '../core/context';
import { newId } from '../core/ids';
import type { Writer } from '../core/write';
import { findRun } from '../rfm/queries';
import { findContent } from './library';
import { customerEntries } from '../loyalty/entries';
import { spendable } from '../loyalty/lots';
import { readLoyaltyRules, shopDay } from '../loyalty/rules';
import { tierFor } from '../loyalty/tier';

/**
 * Who a message goes to and what each of them reads: shared by the preview page, the record of
 * who was contacted, and the broadcast file's job (content/broadcast.ts).
 */

/** What reading recipients needs: a call's context, or a job's with a translator. */
export type Reader = Pick<Ctx, 'db' | 't' | 'sqlite' | 'clock'>;

export type Target = Pick<z.output<typeof personaliseInput>, 'contentId' | 'subject' | 'body' | 'segment' | 'customerIds' | 'campaignId' | 'campaignCode'>;

export interface Recipient {
  id: string;
  code: string;
  name: string;
  phone: string | null;
  email: string | null;
  city: string | null;
  last_purchase: string | null;
  monetary: number | null;
  segment: string | null;
  last_contacted: string | null;
  /** The loyalty ledger's sum, and the last 12 months' spend (for tiers by spend). */
  points: number;
  spend_12m: number;
}

/** Who a message goes to: the customers picked, a campaign's recipients, or a segment of the latest run. */
export async function recipientQuery(ctx: Reader, target: Target) {
  const run = await findRun(ctx);
  const today = shopDay(ctx.sqlite, ctx.clock);
  let q = ctx.db
    .selectFrom('customers as c')
    .leftJoin('rfm_analysis as a', (join) => join.onRef('a.customer_id', '=', 'c.id').on('a.run_id', '=', run?.id ?? ''))
    .where('c.deleted_at', 'is', null);
  if (target.customerIds) q = q.where('c.id', 'in', target.customerIds.length ? target.customerIds : ['']);
  else if (target.campaignId)
    q = q.where('c.id', 'in', (eb) => eb.selectFrom('campaign_recipients').select('customer_id').where('campaign_id', '=', target.campaignId!));
  else if (target.segment) q = q.where('a.segment', '=', target.segment);
  else throw new AppError('VALIDATION_ERROR', ctx.t('err.validation', { fields: 'customerIds / segment / campaignId' }));
  return q.select((eb) => [
    'c.id',
    'c.code',
    'c.name',
    'c.phone',
    'c.email',
    'c.city',
    'a.last_purchase',
    'a.monetary',
    'a.segment',
    eb
      .selectFrom('customer_communications as m')
      .whereRef('m.customer_id', '=', 'c.id')
      .select((m) => m.fn.max('m.sent_at').as('x'))
      .as('last_contacted'),
    sql<number>`(SELECT coalesce(sum(l.points), 0) FROM loyalty_ledger l WHERE l.customer_id = c.id)`.as('points'),
    sql<number>`(SELECT coalesce(sum(t.amount), 0) FROM transactions t WHERE t.customer_id = c.id AND t.deleted_at IS NULL AND t.transaction_date > date(${today}, '-12 months') AND t.transaction_date <= ${today})`.as(
      'spend_12m',
    ),
  ]);
}

export async function messageParts(ctx: Reader, target: Target) {
  const content = target.contentId ? await findContent(ctx, target.contentId) : null;
  const campaign = target.campaignId ? await ctx.db.selectFrom('campaigns').select(['code']).where('id', '=', target.campaignId).executeTakeFirst() : undefined;
  const business = await ctx.db.selectFrom('business').select('name').executeTakeFirst();
  const subject = target.subject !== undefined ? target.subject : (content?.subject ?? null);
  const body = target.body ?? content?.body ?? '';
  const today = shopDay(ctx.sqlite, ctx.clock);
  return {
    subject,
    body,
    offer: content?.offer ?? '',
    // A campaign's own code wins; sent to a segment, the code typed for this sending fills it.
    code: campaign?.code ?? target.campaignCode ?? '',
    shop: business?.name ?? '',
    loyalty: readLoyaltyRules(ctx.sqlite),
    // {poin}: what the customer can spend today, as on their card: a lot past its expiry no longer
    // counts even before the expiry job has written it off, and points owed show as none. Replayed
    // per recipient, so only when the message names it.
    spendable: `${subject ?? ''} ${body}`.includes('{poin}') ? (customerId: string) => spendable(customerEntries(ctx.sqlite, customerId), today) : () => 0,
  };
}

export function personalised(r: Recipient, parts: Awaited<ReturnType<typeof messageParts>>, language: 'id' | 'en') {
  const values = {
    nama: r.name,
    kota: r.city,
    terakhir_beli: formatDate(r.last_purchase),
    total_belanja: r.monetary === null ? '' : formatRupiah(r.monetary),
    segmen: r.segment ? segmentName(r.segment as SegmentId, language) : '',
    kode_kampanye: parts.code,
    toko: parts.shop,
    penawaran: parts.offer,
    poin: parts.spendable(r.id).toLocaleString(language === 'en' ? 'en-US' : 'id-ID'),
    tier: tierFor(parts.loyalty, parts.loyalty.tierBasis === 'spend12m' ? r.spend_12m : r.points) ?? '',
  };
  const message = fillPlaceholders(parts.body, values);
  // "Sebutkan kode  saat pesan ya." must not go out: a message with such a hole gets no link.
  const missing = emptyPlaceholders(`${parts.subject ?? ''} ${parts.body}`, values);
  return {
    customerId: r.id,
    code: r.code,
    name: r.name,
    phone: r.phone,
    email: r.email,
    subject: parts.subject === null ? null : fillPlaceholders(parts.subject, values),
    message,
    waLink: r.phone && missing.length === 0 ? waLink(r.phone, message) : null,
    lastContactedAt: r.last_contacted,
    missing,
  };
}

/** A broadcast list or a contact record of a message with an empty placeholder would record a broken text. */
export function refuseEmpty(ctx: Pick<Ctx, 't'>, rows: { missing: string[] }[]): void {
  const missing = rows.find((r) => r.missing.length)?.missing;
  if (missing) throw new AppError('VALIDATION_ERROR', ctx.t('err.placeholderEmpty', { placeholders: missing.map((name) => `{${name}}`).join(', ') }));
}

export type Message = ReturnType<typeof personalised>;

/** The record that a customer was sent a message, as their page and the campaign reports read it. */
export function recordContact(
  w: Writer,
  m: Pick<Message, 'customerId' | 'subject' | 'message'>,
  sent: { channel: (typeof CONTENT_CHANNELS)[number]; contentId: string | null; campaignId: string | null; sentAt: string; userId: string | null },
): void {
  w.insert('customer_communications', {
    id: newId(),
    customer_id: m.customerId,
    channel: sent.channel,
    content_id: sent.contentId,
    campaign_id: sent.campaignId,
    message: m.subject ? `${m.subject}\n\n${m.message}` : m.message,
    sent_at: sent.sentAt,
    user_id: sent.userId,
  });
}
