import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { IncomingMessage } from './waha-webhook';

/** Lower-case hex HMAC-SHA256 of the raw body bytes keyed with the app secret, as Meta signs a notification. */
export function cloudApiSignature(body: Buffer | string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(body).digest('hex');
}

/**
 * Constant-time check of `X-Hub-Signature-256: sha256=<hex>` over the exact bytes received (never
 * re-serialized JSON: Meta signs its own escaping). A missing, malformed or short header is false.
 */
export function verifyCloudApiSignature(body: Buffer, appSecret: string, header: string | string[] | undefined): boolean {
  if (!appSecret || typeof header !== 'string') return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return false;
  const expected = Buffer.from(cloudApiSignature(body, appSecret), 'hex');
  return timingSafeEqual(expected, Buffer.from(match[1].toLowerCase(), 'hex'));
}

/**
 * The verification handshake: `hub.mode=subscribe` and the shop's verify token → the challenge to
 * echo byte for byte; anything else → null (refused). The token is compared in constant time too.
 */
export function verifyHandshake(query: Record<string, unknown>, verifyToken: string | null): string | null {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string' || !verifyToken) return null;
  const a = Buffer.from(token);
  const b = Buffer.from(verifyToken);
  return a.length === b.length && timingSafeEqual(a, b) ? challenge : null;
}

const media = z.object({ caption: z.string().nullish(), mime_type: z.string().nullish(), filename: z.string().nullish(), id: z.string().nullish() }).nullish();

const message = z.object({
  from: z.string(),
  id: z.string().min(1),
  timestamp: z.string().optional(),
  type: z.string(),
  text: z.object({ body: z.string() }).nullish(),
  image: media,
  document: media,
  video: media,
  audio: media,
  sticker: media,
  location: z.object({ name: z.string().nullish(), address: z.string().nullish() }).passthrough().nullish(),
  button: z.object({ text: z.string().nullish() }).nullish(),
  interactive: z.object({ button_reply: z.object({ title: z.string() }).nullish(), list_reply: z.object({ title: z.string() }).nullish() }).nullish(),
});
type CloudMessage = z.infer<typeof message>;

/** Loose on purpose: Meta adds fields, and every array is iterated, never just its first element. */
const notification = z.object({
  object: z.string(),
  entry: z.array(
    z.object({
      changes: z.array(
        z.object({
          field: z.string(),
          value: z
            .object({
              metadata: z.object({ phone_number_id: z.string() }).optional(),
              messages: z.array(z.unknown()).optional(),
            })
            .passthrough(),
        }),
      ),
    }),
  ),
});

/**
 * A media message's text for the engine: its caption when it has one, else a short placeholder in
 * Bahasa so the model knows something arrived (the media itself is not downloaded: its Graph URL
 * expires in five minutes and the catalogue answers from text).
 */
const PLACEHOLDER: Record<string, string> = { image: '[gambar]', document: '[dokumen]', video: '[video]', audio: '[pesan suara]', sticker: '[stiker]' };

function toIncoming(m: CloudMessage): IncomingMessage | string {
  const digits = m.from.replace(/^\+/, '');
  if (!/^\d{6,15}$/.test(digits)) return 'sender is not a phone number';
  const base = { wahaId: m.id, chatId: digits, phone: `+${digits}` };
  if (m.type === 'text' && m.text) return { ...base, body: m.text.body, media: null };
  if (m.type === 'button' && m.button?.text) return { ...base, body: m.button.text, media: null };
  if (m.type === 'interactive') {
    const title = m.interactive?.button_reply?.title ?? m.interactive?.list_reply?.title;
    if (title) return { ...base, body: title, media: null };
  }
  if (m.type === 'location') return { ...base, body: ['[lokasi]', m.location?.name, m.location?.address].filter(Boolean).join(' '), media: null };
  const attached = m.type in PLACEHOLDER ? m[m.type as 'image' | 'document' | 'video' | 'audio' | 'sticker'] : null;
  if (attached) {
    const fallback = m.type === 'document' && attached.filename ? `${PLACEHOLDER.document} ${attached.filename}` : PLACEHOLDER[m.type];
    return {
      ...base,
      body: attached.caption?.trim() || fallback,
      media: { url: null, mimetype: attached.mime_type ?? null, filename: attached.filename ?? null },
    };
  }
  return `message type ${m.type}`;
}

export interface CloudApiVerdict {
  messages: IncomingMessage[];
  /** Why each other part of the notification was dropped (statuses, other fields, other numbers). */
  ignored: string[];
}

/**
 * What a notification means for the shop whose phone number id is `phoneNumberId`: the customers'
 * messages in it, in order. Delivery statuses, errors, other fields (echoes, template updates) and
 * changes for another number are acknowledged and dropped, so Meta does not redeliver them.
 */
export function readNotification(json: unknown, phoneNumberId: string | null): CloudApiVerdict {
  const parsed = notification.safeParse(json);
  if (!parsed.success || parsed.data.object !== 'whatsapp_business_account') return { messages: [], ignored: ['not a WhatsApp Business Account notification'] };
  const messages: IncomingMessage[] = [];
  const ignored: string[] = [];
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') {
        ignored.push(`field ${change.field}`);
        continue;
      }
      const value = change.value;
      if (value.metadata?.phone_number_id !== phoneNumberId) {
        ignored.push('another phone number');
        continue;
      }
      if (Array.isArray(value.statuses)) ignored.push(...value.statuses.map(() => 'status'));
      if (Array.isArray(value.errors)) ignored.push(...value.errors.map(() => 'error'));
      for (const raw of value.messages ?? []) {
        const m = message.safeParse(raw);
        if (!m.success) {
          ignored.push('message not understood');
          continue;
        }
        const incoming = toIncoming(m.data);
        if (typeof incoming === 'string') ignored.push(incoming);
        else messages.push(incoming);
      }
    }
  }
  return { messages, ignored };
}
