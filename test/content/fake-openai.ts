import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour = 'ok' | 'unauthorized' | 'rate-limited' | 'server-error' | 'slow' | 'bad-schema';

/**
 * A local server speaking the OpenAI chat-completions HTTP protocol on 127.0.0.1: the real SDK
 * talks to it over real HTTP. It answers by `behaviour` and records what it was asked.
 */
export class FakeOpenAI {
  behaviour: Behaviour = 'ok';
  readonly requests: { path: string; auth: string | undefined; body: Record<string, unknown> }[] = [];
  private server: Server | null = null;
  private port = 0;

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    this.requests.push({ path: req.url ?? '', auth: req.headers.authorization, body });
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (req.url !== '/v1/chat/completions') return json(404, { error: { message: 'not found' } });
    switch (this.behaviour) {
      case 'unauthorized':
        return json(401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } });
      case 'rate-limited':
        return json(429, { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }, { 'retry-after': '17' });
      case 'server-error':
        return json(500, { error: { message: 'The server had an error', type: 'server_error' } });
      case 'slow':
        return; // never answers: the client's timeout must end it
      default:
        break;
    }
    const n = Number(/exactly (\d+) different variants/.exec(JSON.stringify(body.messages))?.[1] ?? 1);
    const variants = Array.from({ length: n }, (_, i) => ({
      subject: null,
      body: `Halo Kak {nama}, kami kangen! Pakai kode {kode_kampanye} untuk {penawaran}. (${i + 1})`,
    }));
    const content = this.behaviour === 'bad-schema' ? JSON.stringify({ messages: ['not the shape asked for'] }) : JSON.stringify({ variants });
    json(200, {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_764_000_000,
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 420, completion_tokens: 180, total_tokens: 600 },
    });
  }
}
