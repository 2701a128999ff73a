import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Lower-case hex HMAC-SHA512 of the raw body bytes, as WAHA signs a delivery (WAHA.md §1.5). */
export function wahaSignature(body: Buffer | string, key: string): string {
  return createHmac('sha512', key).update(body).digest('hex');
}

/** Constant-time check of X-Webhook-Hmac; a missing, malformed or short header is simply false. */
export function verifyWahaSignature(body: Buffer, key: string, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || !/^[0-9a-fA-F]{128}$/.test(header)) return false;
  const expected = Buffer.from(wahaSignature(body, key), 'hex');
  return timingSafeEqual(expected, Buffer.from(header.toLowerCase(), 'hex'));
}

const mediaSchema = z.object({ url: z.string().nullish(), mimetype: z.string().nullish(), filename: z.string().nullish() }).nullish();

/** The envelope, loosely: older WAHA sent no id/timestamp, engines add fields of their own. */
export const wahaEnvelope = z.object({
  event: z.string(),
  session: z.string().optional(),
  payload: z.unknown().optional(),
});

export const wahaMessage = z.object({
  id: z.string().min(1),
  timestamp: z.number().optional(),
  from: z.string().min(1),
  fromMe: z.boolean().optional().default(false),
  participant: z.string().nullish(),
  body: z.string().nullish(),
  hasMedia: z.boolean().optional(),
  media: mediaSchema,
});

export interface IncomingMessage {
  wahaId: string;
  chatId: string;
  /** E.164, `+` and digits. */
  phone: string;
  body: string;
  media: { url: string | null; mimetype: string | null; filename: string | null } | null;
}

export type WebhookVerdict = { kind: 'message'; message: IncomingMessage } | { kind: 'ignored'; why: string };

/**
 * What a delivery means for the assistant: only `message` events from one person (`…@c.us`, not our
 * own, not a group, a channel or status@broadcast) are answered; everything else is acknowledged and
 * dropped so WAHA does not retry it.
 */
export function readWebhook(json: unknown): WebhookVerdict {
  const envelope = wahaEnvelope.safeParse(json);
  if (!envelope.success) return { kind: 'ignored', why: 'not a WAHA event' };
  if (envelope.data.event !== 'message') return { kind: 'ignored', why: `event ${envelope.data.event}` };
  const parsed = wahaMessage.safeParse(envelope.data.payload);
  if (!parsed.success) return { kind: 'ignored', why: 'message payload not understood' };
  const m = parsed.data;
  if (m.fromMe) return { kind: 'ignored', why: 'own message' };
  if (!m.from.endsWith('@c.us')) return { kind: 'ignored', why: `chat ${m.from.split('@')[1] ?? m.from} is not a person` };
  const digits = m.from.slice(0, -'@c.us'.length);
  if (!/^\d{6,15}$/.test(digits)) return { kind: 'ignored', why: 'sender is not a phone number' };
  const media = m.hasMedia && m.media ? { url: m.media.url ?? null, mimetype: m.media.mimetype ?? null, filename: m.media.filename ?? null } : null;
  return { kind: 'message', message: { wahaId: m.id, chatId: m.from, phone: `+${digits}`, body: m.body ?? '', media } };
}
