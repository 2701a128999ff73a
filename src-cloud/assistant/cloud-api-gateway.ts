import { GatewayError, type Gateway, type RemoteFile } from './gateway';

export interface CloudApiConfig {
  /** `https://graph.facebook.com` unless a shop (or a test) says otherwise. */
  baseUrl: string;
  /** `v25.0`: Meta moves it, so it is a setting. */
  version: string;
  phoneNumberId: string;
  accessToken: string;
  /**
   * The newest message the customer sent in this chat, for the read receipt: the Cloud API marks one
   * message read (and shows typing) by its id, where WAHA marks a whole chat.
   */
  lastIncomingId: (chatId: string) => Promise<string | null>;
  timeoutMs?: number;
}

/** Meta's limits: a text body is at most 4,096 characters, a media caption 1,024. */
const TEXT_MAX = 4096;
const CAPTION_MAX = 1024;

/**
 * The WhatsApp Cloud API: POST {version}/{phone-number-id}/messages with a bearer token, 200 and the
 * sent id in `messages[0].id`. The chat id is the customer's number, digits only (`to`). Read and
 * typing are one call, so startTyping is sendSeen with the typing bubble and stopTyping does nothing
 * (the bubble clears when the reply arrives or after 25 s).
 */
export class CloudApiGateway implements Gateway {
  constructor(private readonly config: CloudApiConfig) {}

  async sendText(chatId: string, text: string): Promise<string | null> {
    let id: string | null = null;
    for (const body of splitText(text, TEXT_MAX)) id = sentId(await this.send(chatId, { type: 'text', text: { preview_url: false, body } }));
    return id;
  }

  async sendImage(chatId: string, file: RemoteFile, caption?: string): Promise<string | null> {
    return sentId(await this.send(chatId, { type: 'image', image: { link: file.url, ...(caption && { caption: caption.slice(0, CAPTION_MAX) }) } }));
  }

  async sendFile(chatId: string, file: RemoteFile, caption?: string): Promise<string | null> {
    const document = { link: file.url, ...(file.filename && { filename: file.filename }), ...(caption && { caption: caption.slice(0, CAPTION_MAX) }) };
    return sentId(await this.send(chatId, { type: 'document', document }));
  }

  async startTyping(chatId: string): Promise<void> {
    await this.markRead(chatId, true);
  }

  async stopTyping(): Promise<void> {}

  async sendSeen(chatId: string): Promise<void> {
    await this.markRead(chatId, false);
  }

  private async markRead(chatId: string, typing: boolean): Promise<void> {
    const messageId = await this.config.lastIncomingId(chatId);
    if (!messageId) return;
    await this.post({ messaging_product: 'whatsapp', status: 'read', message_id: messageId, ...(typing && { typing_indicator: { type: 'text' } }) }, 'read');
  }

  private send(chatId: string, message: Record<string, unknown>): Promise<unknown> {
    return this.post({ messaging_product: 'whatsapp', recipient_type: 'individual', to: chatId, ...message }, String(message.type));
  }

  private async post(body: Record<string, unknown>, what: string): Promise<unknown> {
    const { baseUrl, version, phoneNumberId } = this.config;
    const url = `${baseUrl.replace(/\/+$/, '')}/${version}/${encodeURIComponent(phoneNumberId)}/messages`;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.config.accessToken}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new GatewayError(`The Cloud API at ${baseUrl} did not answer (${what}): ${(error as Error).message}`);
    }
    const text = await res.text();
    let json: unknown = {};
    try {
      json = text ? (JSON.parse(text) as unknown) : {};
    } catch {
      // Not JSON: the status says enough.
    }
    if (!res.ok) throw new GatewayError(`The Cloud API (${what}) answered ${res.status}: ${graphError(json) ?? text.slice(0, 200)}`, res.status);
    return json;
  }
}

/** `messages[0].id` of a send's answer. */
export function sentId(body: unknown): string | null {
  const id = (body as { messages?: { id?: unknown }[] } | null)?.messages?.[0]?.id;
  return typeof id === 'string' ? id : null;
}

/** Graph's error envelope, `(#code) message`: Meta asks callers to key on the code, not the HTTP status. */
function graphError(body: unknown): string | null {
  const error = (body as { error?: { message?: unknown; code?: unknown; error_data?: { details?: unknown } } } | null)?.error;
  if (!error || typeof error.message !== 'string') return null;
  const details = typeof error.error_data?.details === 'string' ? ` — ${error.error_data.details}` : '';
  return `code ${String(error.code)}: ${error.message}${details}`;
}

/** Splits a long reply at paragraph, line or word breaks so no part passes Meta's limit. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > max / 2 ? cut : max;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest || parts.length === 0) parts.push(rest);
  return parts;
}
