import { GatewayError, type Gateway, type RemoteFile } from './gateway';

export interface WahaConfig {
  baseUrl: string;
  session: string;
  apiKey: string | null;
  timeoutMs?: number;
}

/**
 * The WAHA HTTP API (docs: /work/shared/WAHA.md §1.3): JSON POSTs under /api with X-Api-Key, 201 on
 * success. The sent message's id differs by engine: a string (GOWS), `id._serialized` (WEBJS) or
 * `key.id` (NOWEB); all three are read.
 */
export class WahaGateway implements Gateway {
  constructor(private readonly config: WahaConfig) {}

  async sendText(chatId: string, text: string): Promise<string | null> {
    return sentId(await this.post('/api/sendText', { chatId, text, linkPreview: false }));
  }

  async sendImage(chatId: string, file: RemoteFile, caption?: string): Promise<string | null> {
    return sentId(await this.post('/api/sendImage', { chatId, file, ...(caption && { caption }) }));
  }

  async sendFile(chatId: string, file: RemoteFile, caption?: string): Promise<string | null> {
    return sentId(await this.post('/api/sendFile', { chatId, file, ...(caption && { caption }) }));
  }

  async startTyping(chatId: string): Promise<void> {
    await this.post('/api/startTyping', { chatId });
  }

  async stopTyping(chatId: string): Promise<void> {
    await this.post('/api/stopTyping', { chatId });
  }

  async sendSeen(chatId: string): Promise<void> {
    await this.post('/api/sendSeen', { chatId });
  }

  private async post(path: string, body: Record<string, unknown>): Promise<unknown> {
    const url = `${this.config.baseUrl.replace(/\/+$/, '')}${path}`;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.config.apiKey) headers['x-api-key'] = this.config.apiKey;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ session: this.config.session, ...body }),
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new GatewayError(`WAHA at ${this.config.baseUrl} did not answer ${path}: ${(error as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) throw new GatewayError(`WAHA ${path} answered ${res.status}: ${text.slice(0, 200)}`, res.status);
    try {
      return text ? (JSON.parse(text) as unknown) : {};
    } catch {
      return {};
    }
  }
}

/** `typeof id === "string" ? id : id?._serialized ?? key?.id` (WAHA.md §1.3). */
export function sentId(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as { id?: unknown; key?: { id?: unknown } };
  if (typeof b.id === 'string') return b.id;
  const serialized = (b.id as { _serialized?: unknown } | undefined)?._serialized;
  if (typeof serialized === 'string') return serialized;
  return typeof b.key?.id === 'string' ? b.key.id : null;
}
