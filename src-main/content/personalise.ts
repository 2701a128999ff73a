import { writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { sql } from 'kysely';
import type { z } from 'zod';
import { emptyPlaceholders, fillPlaceholders, waLink } from '../../src-shared/content/placeholders';
import { formatDate } from '../../src-shared/format/date';
import { formatRupiah } from '../../src-shared/format/money';
import { segmentName } from '../../src-shared/i18n/segments';
import type { SegmentId } from '../../src-shared/rfm/rules';
import type { broadcastInput, markContactedInput, personaliseInput } from '../../src-shared/schemas/content';
import { AppError } from '../../src-shared/errors';
import type { Ctx } from '../core/context';
import { workbookWriter } from '../files/excel';
import { newId } from '../core/ids';
import { write } from '../core/write';
import { stagePath } from '../files/staging';
import { findRun } from '../rfm/queries';
import { findContent } from './library';
import { customerEntries } from '../loyalty/entries';
import { spendable } from '../loyalty/lots';
import { readLoyaltyRules, shopDay } from '../loyalty/rules';
import { tierFor } from '../loyalty/tier';

type Target = Pick<z.output<typeof personaliseInput>, 'contentId' | 'subject' | 'body' | 'segment' | 'customerIds' | 'campaignId' | 'campaignCode'>;

interface Recipient {
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
async function recipientQuery(ctx: Pick<Ctx, 'db' | 't' | 'sqlite' | 'clock'>, target: Target) {
  const run = await findRun(ctx);
  const today = shopDay(ctx.sqlite, ctx.clock);
  let q = ctx.db
    .selectFrom('customers as c')
    .leftJoin('rfm_analysis as a', (join) => join.onRef('a.customer_id', '=', 'c.id').on('a.run_id', '=', run?.id ?? ''))
    .where('c.deleted_at', 'is', null);
  if (target.customerIds) q = q.where('c.id', 'in', target.customerIds.length ? target.customerIds : ['']);
  else if (target.campaignId) q = q.where('c.id', 'in', (eb) => eb.selectFrom('campaign_recipients').select('customer_id').where('campaign_id', '=', target.campaignId!));
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
    eb.selectFrom('customer_communications as m').whereRef('m.customer_id', '=', 'c.id').select((m) => m.fn.max('m.sent_at').as('x')).as('last_contacted'),
    sql<number>`(SELECT coalesce(sum(l.points), 0) FROM loyalty_ledger l WHERE l.customer_id = c.id)`.as('points'),
    sql<number>`(SELECT coalesce(sum(t.amount), 0) FROM transactions t WHERE t.customer_id = c.id AND t.deleted_at IS NULL AND t.transaction_date > date(${today}, '-12 months') AND t.transaction_date <= ${today})`.as('spend_12m'),
  ]);
}

async function messageParts(ctx: Pick<Ctx, 'db' | 't' | 'sqlite' | 'clock'>, target: Target) {
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

function personalised(r: Recipient, parts: Awaited<ReturnType<typeof messageParts>>, language: 'id' | 'en') {
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
function refuseEmpty(ctx: Pick<Ctx, 't'>, rows: { missing: string[] }[]): void {
  const missing = rows.find((r) => r.missing.length)?.missing;
  if (missing) throw new AppError('VALIDATION_ERROR', ctx.t('err.placeholderEmpty', { placeholders: missing.map((name) => `{${name}}`).join(', ') }));
}

/** A page of the message as each customer will read it, with their WhatsApp link. */
export async function personalise(ctx: Ctx, input: z.output<typeof personaliseInput>) {
  const [query, parts] = await Promise.all([recipientQuery(ctx, input), messageParts(ctx, input)]);
  const [rows, count] = await Promise.all([
    query.orderBy('c.name').orderBy('c.id').limit(input.pageSize).offset((input.page - 1) * input.pageSize).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => personalised(r as Recipient, parts, ctx.language)), total: Number(count.n), page: input.page, pageSize: input.pageSize };
}

/**
 * The broadcast list as a file: WhatsApp (phone, name, message) or email (address, name, subject,
 * body), only customers who can be reached that way. Text cells only, formula-safe in CSV.
 */
export async function broadcastFile(ctx: Ctx, input: z.output<typeof broadcastInput>): Promise<{ fileId: string; name: string; rows: number }> {
  const [query, parts] = await Promise.all([recipientQuery(ctx, input), messageParts(ctx, input)]);
  const all = (await query.orderBy('c.name').orderBy('c.id').execute()).map((r) => personalised(r as Recipient, parts, ctx.language));
  refuseEmpty(ctx, all);
  const en = ctx.language === 'en';
  const table =
    input.kind === 'whatsapp'
      ? { header: [en ? 'Phone' : 'No HP', en ? 'Name' : 'Nama', en ? 'Message' : 'Pesan'], rows: all.filter((r) => r.phone).map((r) => [r.phone!, r.name, r.message]) }
      : { header: ['Email', en ? 'Name' : 'Nama', en ? 'Subject' : 'Subjek', en ? 'Body' : 'Isi'], rows: all.filter((r) => r.email).map((r) => [r.email!, r.name, r.subject ?? '', r.message]) };
  const file = stagePath(ctx.dbPath, `${input.kind === 'whatsapp' ? 'broadcast-whatsapp' : 'broadcast-email'}`, input.format, { owner: ctx.userId });
  if (input.format === 'csv') {
    await writeFile(file.path, `\uFEFF${Papa.unparse({ fields: table.header, data: table.rows }, { escapeFormulae: true, newline: '\r\n' })}\r\n`);
  } else {
    const workbook = await workbookWriter(file.path);
    const sheet = workbook.addWorksheet('Broadcast', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.header.map((header, i) => ({ header, width: [18, 28, 30, 80][i] }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row).commit(); // strings: text cells, never formulas
    sheet.commit();
    await workbook.commit();
  }
  return { fileId: file.fileId, name: file.name, rows: table.rows.length };
}

/** Record that these customers were sent the message (shown on their page and in campaign reports). */
export async function markContacted(ctx: Ctx, input: z.output<typeof markContactedInput>): Promise<{ recorded: number }> {
  const target = { customerIds: input.customerIds, contentId: input.contentId, campaignId: input.campaignId, campaignCode: input.campaignCode, subject: input.subject, body: input.body };
  const [query, parts] = await Promise.all([recipientQuery(ctx, target), messageParts(ctx, target)]);
  const rows = (await query.execute()).map((r) => personalised(r as Recipient, parts, ctx.language));
  refuseEmpty(ctx, rows);
  const sentAt = ctx.clock.now().toISOString();
  write(ctx, (w) => {
    for (const r of rows) {
      w.insert('customer_communications', { id: newId(), customer_id: r.customerId, channel: input.channel, content_id: input.contentId ?? null, campaign_id: input.campaignId ?? null, message: r.subject ? `${r.subject}\n\n${r.message}` : r.message, sent_at: sentAt, user_id: ctx.userId });
    }
    w.log({ action: 'content.contacted', entity: 'customer_communications', details: { customers: rows.length, channel: input.channel, campaignId: input.campaignId ?? null } });
  });
  return { recorded: rows.length };
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
