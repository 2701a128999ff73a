import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { wahaSignature } from '../../src-cloud/assistant/waha-webhook';

export interface WahaCall {
  path: string;
  apiKey: string | undefined;
  body: Record<string, unknown>;
}

/**
 * A WAHA server on 127.0.0.1 speaking the HTTP shapes of WAHA.md: X-Api-Key checked (401 with WAHA's
 * body), sends answered 201 in the GOWS form, and webhooks posted as WAHA posts them — the envelope
 * serialized once and that exact string signed with HMAC-SHA512 (X-Webhook-Hmac, lower-case hex).
 */
export class FakeWaha {
  readonly calls: WahaCall[] = [];
  /** While true every API call fails as a WAHA whose engine crashed does (500). */
  down = false;
  private server: Server | null = null;
  private port = 0;

  constructor(
    readonly apiKey: string,
    readonly session = 'default',
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The sends (text, image, file) to one chat, in order. */
  sends(chatId: string): WahaCall[] {
    return this.calls.filter((c) => /^\/api\/send(Text|Image|File)$/.test(c.path) && c.body.chatId === chatId);
  }

  texts(chatId: string): string[] {
    return this.sends(chatId)
      .filter((c) => c.path === '/api/sendText')
      .map((c) => String(c.body.text));
  }

  /** Posts a `message` event for a text from `phone` (digits) to the webhook, signed with `hmacKey`. */
  async deliver(
    webhookUrl: string,
    hmacKey: string,
    message: { from: string; body: string; id?: string; fromMe?: boolean },
    options: { signature?: string } = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const payload = {
      id: message.id ?? `false_${message.from}_${randomBytes(8).toString('hex').toUpperCase()}`,
      timestamp: 1_764_500_000,
      from: message.from,
      fromMe: message.fromMe ?? false,
      to: '6281100000000@c.us',
      participant: null,
      body: message.body,
      hasMedia: false,
      media: null,
      ack: 1,
      ackName: 'SERVER',
      vCards: [],
      replyTo: null,
      _data: {},
    };
    return this.post(webhookUrl, hmacKey, { event: 'message', session: this.session, payload }, options);
  }

  /** Any envelope, as WAHA wraps it; returns the webhook's answer. */
  async post(
    webhookUrl: string,
    hmacKey: string,
    event: { event: string; session: string; payload: unknown },
    options: { signature?: string } = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const envelope = {
      id: `evt_${randomBytes(13).toString('hex')}`,
      timestamp: Date.now(),
      ...event,
      metadata: {},
      me: { id: '6281100000000@c.us', pushName: 'Toko' },
      engine: 'GOWS',
      environment: { version: '2026.7.1', engine: 'GOWS', tier: 'CORE' },
    };
    const raw = JSON.stringify(envelope);
    const res = await fetch(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'WAHA/2026.7.1',
        'x-webhook-request-id': envelope.id,
        'x-webhook-timestamp': String(envelope.timestamp),
        'x-webhook-hmac': options.signature ?? wahaSignature(raw, hmacKey),
        'x-webhook-hmac-algorithm': 'sha512',
      },
      body: raw,
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const apiKey = req.headers['x-api-key'] as string | undefined;
    if (this.down) return json(500, { statusCode: 500, message: 'Internal server error' });
    if (apiKey !== this.apiKey) return json(401, { message: 'Unauthorized', statusCode: 401 });
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    const path = req.url ?? '';
    this.calls.push({ path, apiKey, body });
    if (body.session !== this.session) return json(404, { message: `Session "${String(body.session)}" does not exist`, statusCode: 404 });
    if (/^\/api\/send(Text|Image|File)$/.test(path))
      return json(201, { id: `true_${String(body.chatId)}_${randomBytes(10).toString('hex').toUpperCase()}`, _data: {} });
    if (['/api/startTyping', '/api/stopTyping', '/api/sendSeen'].includes(path)) return json(201, { result: true });
    json(404, { message: 'Cannot POST ' + path, statusCode: 404 });
  }
}
