import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cloudApiSignature } from '../../src-cloud/assistant/cloud-api-webhook';

export interface GraphCall {
  path: string;
  auth: string | undefined;
  body: Record<string, unknown>;
}

/**
 * Meta's WhatsApp Cloud API on 127.0.0.1, in its real shapes: POST /{version}/{phone-number-id}/messages
 * with a bearer token (Graph's error envelope and 401 otherwise), sends answered 200 with
 * `messages[0].id` = a fresh wamid, a read receipt (`status: "read"`) answered `{"success":true}`; and
 * notifications posted as Meta posts them — ASCII-escaped JSON, that exact string signed with
 * HMAC-SHA256 of the app secret in `X-Hub-Signature-256: sha256=<hex>`.
 */
export class FakeGraph {
  readonly calls: GraphCall[] = [];
  private server: Server | null = null;
  private port = 0;

  constructor(
    readonly accessToken: string,
    readonly phoneNumberId: string,
    readonly version = 'v25.0',
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

  /** Messages sent to one number (text, image, document), in order. */
  sends(to: string): GraphCall[] {
    return this.calls.filter((c) => c.body.to === to && typeof c.body.type === 'string');
  }

  reads(): GraphCall[] {
    return this.calls.filter((c) => c.body.status === 'read');
  }

  /** A `messages` change for this number holding `messages` (and/or `statuses`), as Meta wraps it. */
  notification(value: { messages?: unknown[]; statuses?: unknown[]; contacts?: unknown[] }, phoneNumberId = this.phoneNumberId) {
    return {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '6281100000000', phone_number_id: phoneNumberId }, ...value },
            },
          ],
        },
      ],
    };
  }

  /** A text from `from` (digits), as a customer's message arrives. */
  textMessage(from: string, body: string, id = `wamid.${randomBytes(24).toString('base64url')}`) {
    return { from, id, timestamp: '1764500000', type: 'text', text: { body } };
  }

  /** Posts a notification to the callback, signed with `appSecret` unless a signature is given. */
  async deliver(
    callback: string,
    appSecret: string,
    payload: unknown,
    options: { signature?: string } = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    // Meta escapes non-ASCII as \uXXXX (lower-case hex) and signs the bytes it sends.
    const raw = JSON.stringify(payload).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const res = await fetch(callback, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'facebookexternalua',
        'x-hub-signature-256': options.signature ?? `sha256=${cloudApiSignature(raw, appSecret)}`,
      },
      body: raw,
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  /** The verification GET Meta makes when the callback URL is saved. */
  async verify(callback: string, token: string, challenge = '1158201444'): Promise<{ status: number; text: string }> {
    const url = `${callback}?hub.mode=subscribe&hub.challenge=${encodeURIComponent(challenge)}&hub.verify_token=${encodeURIComponent(token)}`;
    const res = await fetch(url);
    return { status: res.status, text: await res.text() };
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const graphError = (status: number, code: number, message: string) =>
      json(status, {
        error: {
          message,
          type: 'OAuthException',
          code,
          error_data: { messaging_product: 'whatsapp', details: message },
          fbtrace_id: randomBytes(8).toString('hex'),
        },
      });
    const auth = req.headers.authorization;
    if (auth !== `Bearer ${this.accessToken}`) return graphError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
    const path = req.url ?? '';
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    this.calls.push({ path, auth, body });
    if (req.method !== 'POST' || path !== `/${this.version}/${this.phoneNumberId}/messages`)
      return graphError(400, 100, `Unsupported post request. Object with ID '${path}' does not exist`);
    if (body.messaging_product !== 'whatsapp') return graphError(400, 100, 'The parameter messaging_product is required.');
    if (body.status === 'read')
      return typeof body.message_id === 'string' ? json(200, { success: true }) : graphError(400, 100, 'The parameter message_id is required.');
    const to = String(body.to);
    if (body.type === 'text' && String((body.text as { body?: unknown })?.body ?? '').length > 4096)
      return graphError(400, 100, "Param text['body'] must be at most 4096 characters long.");
    if (!['text', 'image', 'document'].includes(String(body.type))) return graphError(400, 100, `Unsupported message type ${String(body.type)}`);
    json(200, { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: `wamid.${randomBytes(24).toString('base64url')}` }] });
  }
}
