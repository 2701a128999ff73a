import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one request. */
export type Fault = 'pass' | 'fail-before' | 'fail-after' | 'hang' | 'duplicate' | 'replay-later' | 'throttle';

export interface FaultProxy {
  url: string;
  /** Requests the proxy received from the client. */
  received: number;
  /** Requests it forwarded to the cloud (duplicates and late replays included). */
  forwarded: number;
  close(): Promise<void>;
}

async function forward(
  target: URL,
  req: { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer },
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const res = await fetch(new URL(req.url, target), {
    method: req.method,
    headers: { authorization: req.headers.authorization ?? '', 'content-type': req.headers['content-type'] ?? 'application/json' },
    body: req.method === 'GET' ? undefined : new Uint8Array(req.body),
  });
  return { status: res.status, headers: { 'content-type': res.headers.get('content-type') ?? 'application/json' }, body: Buffer.from(await res.arrayBuffer()) };
}

/**
 * A loopback proxy between the sync client and the real cloud that misbehaves on purpose, as a bad
 * network does: answers 500 before or after the cloud committed, hangs, sends a request twice, or
 * sends a stale copy again after the next few requests (reordering within a window); or throttles.
 */
export async function startFaultProxy(target: string, decide: (n: number) => Fault, window = 3): Promise<FaultProxy> {
  const base = new URL(target);
  const late: { due: number; req: Parameters<typeof forward>[1] }[] = [];
  const hung: http.ServerResponse[] = [];
  const state = { received: 0, forwarded: 0 };
  const send = async (req: Parameters<typeof forward>[1]) => {
    state.forwarded += 1;
    return forward(base, req);
  };
  const server = http.createServer((incoming, res) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (c: Buffer) => chunks.push(c));
    incoming.on('end', () => {
      void (async () => {
        const n = state.received++;
        const req = { method: incoming.method ?? 'GET', url: incoming.url ?? '/', headers: incoming.headers, body: Buffer.concat(chunks) };
        // Stale copies whose turn has come go first: the cloud sees them out of order.
        for (const item of late.filter((l) => l.due <= n)) {
          late.splice(late.indexOf(item), 1);
          await send(item.req);
        }
        const fault = decide(n);
        if (fault === 'hang') {
          hung.push(res);
          return;
        }
        if (fault === 'throttle') {
          // As @fastify/rate-limit answers: 429 with the seconds to wait.
          res
            .writeHead(429, { 'content-type': 'application/json', 'retry-after': '2' })
            .end(JSON.stringify({ error: 'THROTTLED', message: 'Too many requests; slow down.' }));
          return;
        }
        if (fault === 'fail-before') {
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'INTERNAL', message: 'proxy: failed before the cloud' }));
          return;
        }
        const answer = await send(req);
        if (fault === 'duplicate') await send(req);
        if (fault === 'replay-later') late.push({ due: n + 1 + (n % window), req });
        if (fault === 'fail-after') {
          res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'INTERNAL', message: 'proxy: the answer was lost' }));
          return;
        }
        res.writeHead(answer.status, answer.headers).end(answer.body);
      })().catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    get received() {
      return state.received;
    },
    get forwarded() {
      return state.forwarded;
    },
    async close() {
      for (const item of late.splice(0)) await send(item.req);
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
