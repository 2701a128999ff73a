import type { z } from 'zod';
import { translator } from '../../src-shared/i18n/messages';
import type { Language } from '../../src-shared/schemas/auth';
import type { broadcastInput, BroadcastResult } from '../../src-shared/schemas/content';
import type { Ctx } from '../core/context';
import { zoneClock } from '../export/cells';
import { CsvReport } from '../export/csv';
import { PREPARE } from '../export/job';
import { words, type Words } from '../export/report';
import { XlsxReport, type SheetColumn } from '../export/xlsx';
import { discardStaged, stagePath } from '../files/staging';
import type { JobCtx } from '../jobs/types';
import { recordSent } from './contacted';
import { messageParts, personalised, recipientQuery, refuseEmpty, type Message, type Recipient } from './recipients';

export type BroadcastInput = z.output<typeof broadcastInput>;

export interface BroadcastParams {
  input: BroadcastInput;
  language: Language;
  /** Where to write, staged by the caller under the name the download gets. */
  file: { fileId: string; path: string; name: string };
  /** The main process's path of the DB, to discard the staged file on failure or cancel. */
  dbPath: string;
}

/** Recipients read, written and recorded per batch: between batches come progress and the cancel check. */
const STEP = 500;

/** The file's columns per kind, and each recipient's cells in them. */
function layout(kind: BroadcastInput['kind'], language: Language): { columns: SheetColumn[]; cells: (m: Message) => string[] } {
  const text = (label: Words): SheetColumn => ({ type: 'text', label: words(label, language) });
  return kind === 'whatsapp'
    ? { columns: [text('broadcast.phone'), text('broadcast.name'), text('broadcast.message')], cells: (m) => [m.phone ?? '', m.name, m.message] }
    : {
        columns: [text('broadcast.email'), text('broadcast.name'), text('broadcast.subject'), text('broadcast.body')],
        cells: (m) => [m.email ?? '', m.name, m.subject ?? '', m.message],
      };
}

/** Start the broadcast file's job for the caller (progress and cancel reach their window); answers when it ends. */
export async function runBroadcast(ctx: Ctx, input: BroadcastInput): Promise<BroadcastResult> {
  const file = stagePath(ctx.dbPath, input.kind === 'whatsapp' ? 'broadcast-whatsapp' : 'broadcast-email', input.format, { owner: ctx.userId });
  const params: BroadcastParams = { input, language: ctx.language, file: { fileId: file.fileId, path: file.path, name: file.name }, dbPath: ctx.dbPath };
  return ctx.jobs.run('content.broadcast', params, ctx.userId, ctx.clientId).done;
}

/**
 * The broadcast list as a file, in a worker thread: WhatsApp (phone, name, message) or email
 * (address, name, subject, body), only customers who can be reached that way, written through the
 * exports' own writers (text cells; formula-safe in CSV). A message with an empty placeholder
 * stops it. Then, if asked, every customer in the file is recorded as contacted, in one
 * transaction: a cancel or failure at any point leaves no file and no record.
 */
export async function broadcastJob(p: BroadcastParams, ctx: JobCtx): Promise<BroadcastResult> {
  ctx.progress(PREPARE, 0, 0);
  const { input, language } = p;
  const reader = { db: ctx.db, sqlite: ctx.sqlite, clock: ctx.clock, t: translator(language) };
  // Every read, from who is in the list to the last batch's rows, sees one moment of the shop: a
  // customer renamed or deleted meanwhile on the main thread leaves the file as it began, with as
  // many rows as it counted. A deferred transaction that only reads takes no lock; it ends before
  // the contacts are recorded (a write of its own).
  ctx.sqlite.exec('BEGIN');
  try {
    const [query, parts] = await Promise.all([recipientQuery(reader, input), messageParts(reader, input)]);
    const reach = input.kind === 'whatsapp' ? 'c.phone' : 'c.email';
    // Who is in the file, in its order, first (ids only): each batch then reads its rows by key,
    // instead of sorting the segment again for every batch.
    const ids = (await query.clearSelect().select('c.id').where(reach, 'is not', null).where(reach, '!=', '').orderBy('c.name').orderBy('c.id').execute()).map(
      (r) => r.id,
    );
    const total = ids.length;
    ctx.progress('write', 0, total);
    const { columns, cells } = layout(input.kind, language);
    const business = await ctx.db.selectFrom('business').select('timezone').executeTakeFirst();
    const local = zoneClock(business?.timezone ?? 'Asia/Jakarta');
    const out =
      input.format === 'xlsx' ? await XlsxReport.create(p.file.path, 'Broadcast', columns, local) : new CsvReport(p.file.path, columns, ',', 'dmy', local);
    const sent: Pick<Message, 'customerId' | 'subject' | 'message'>[] = [];
    let bytes: number;
    try {
      for (let at = 0; at < total; at += STEP) {
        ctx.throwIfCancelled();
        const batch = (
          await query
            .where('c.id', 'in', ids.slice(at, at + STEP))
            .orderBy('c.name')
            .orderBy('c.id')
            .execute()
        ).map((r) => personalised(r as Recipient, parts, language));
        refuseEmpty(reader, batch);
        for (const m of batch) {
          out.add(cells(m));
          if (input.markContacted) sent.push({ customerId: m.customerId, subject: m.subject, message: m.message });
        }
        ctx.progress('write', Math.min(total, at + STEP), total);
        await out.keepUp();
      }
      ctx.throwIfCancelled();
      bytes = await out.finish([]);
    } catch (error) {
      await out.abort();
      throw error;
    }
    ctx.sqlite.exec('COMMIT');
    if (input.markContacted)
      recordSent(ctx, { channel: input.kind, contentId: input.contentId, campaignId: input.campaignId }, sent, { broadcast: input.format });
    return { fileId: p.file.fileId, name: p.file.name, rows: total, bytes, contacted: sent.length };
  } catch (error) {
    if (ctx.sqlite.inTransaction) ctx.sqlite.exec('ROLLBACK');
    discardStaged(p.dbPath, p.file.fileId);
    throw error;
  }
}
