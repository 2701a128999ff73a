import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ModelAnswer } from '../../src-cloud/assistant/model';

export interface ModelRequest {
  auth: string | undefined;
  body: { model: string; messages: { role: string; content: string }[]; response_format?: { type: string; json_schema?: { name: string } } };
}

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 (the pattern of test/content/fake-openai.ts)
 * answering each call with the next scripted structured answer, as the JSON text of the message, the
 * way a real model answers a `json_schema` response format. With nothing scripted it answers 500.
 */
export class FakeModel {
  readonly requests: ModelRequest[] = [];
  readonly script: ModelAnswer[] = [];
  /** How long each answer takes (a real model takes seconds): keeps two runs in flight together. */
  delayMs = 0;
  private server: Server | null = null;
  private port = 0;

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
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

  /** The customer's text of the last call (the last user message). */
  lastUserText(): string {
    const last = this.requests.at(-1);
    return last?.body.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as ModelRequest['body'];
    this.requests.push({ auth: req.headers.authorization, body });
    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (req.url !== '/v1/chat/completions') return json(404, { error: { message: 'not found' } });
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const next = this.script.shift();
    if (!next) return json(500, { error: { message: 'nothing scripted for this call', type: 'server_error' } });
    json(200, {
      id: `chatcmpl-${this.requests.length}`,
      object: 'chat.completion',
      created: 1_764_000_000,
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(next), refusal: null }, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 900, completion_tokens: 120, total_tokens: 1020 },
    });
  }
}

/** A scripted answer with sensible defaults. */
export const answer = (over: Partial<ModelAnswer> & Pick<ModelAnswer, 'reply'>): ModelAnswer => ({
  media: [],
  newPhase: 'LEADS',
  confidence: 0.9,
  escalate: false,
  reason: null,
  summary: 'Pelanggan bertanya tentang paket.',
  ...over,
});
