import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../app';
import { LANGUAGES, type Language } from '../../src-shared/schemas/auth';
import { createReadStream } from 'node:fs';
import { translator } from '../../src-shared/i18n/messages';
import { stagedFile } from '../files/staging';
import { IMPORT_LIMITS } from '../../src-shared/import-limits';
import { rendererDir } from '../paths';
import { getSettings } from '../settings/service';
import { CONTENT_SECURITY_POLICY } from '../security-policy';
import { serveStatic } from './static';

const COOKIE = 'sma_client';
const MAX_BODY = 10 * 1024 * 1024;

export interface Host {
  url: string;
  origin: string;
  /** A fresh one-time link: each opens one browser session. */
  launchUrl(): string;
  close(): Promise<void>;
}

const securityHeaders = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieOf(req: IncomingMessage): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return rest.join('=');
  }
  return null;
}

function readBody(req: IncomingMessage, limit = MAX_BODY): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A path part as the client meant it, or null for a malformed % escape (answered 400, not 500). */
function decodePart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...securityHeaders, 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** To the app without the token in the address bar, with the new session's cookie if there is one. */
function redirectHome(res: ServerResponse, cookie?: string): void {
  res.writeHead(303, { ...securityHeaders, location: '/', 'cache-control': 'no-store', ...(cookie ? { 'set-cookie': cookie } : {}) });
  res.end();
}

/**
 * Browser mode: the built renderer and the real handler table over HTTP on 127.0.0.1. Only a
 * browser that opened a one-time launch link (printed in the terminal) gets a client cookie; that
 * browser may open the link again, every other request, and any request naming another host or
 * origin, is refused. That keeps other local users' pages and DNS-rebinding sites away from the
 * shop's data.
 */
export async function startHost(app: App, options: { port?: number } = {}): Promise<Host> {
  const tokens = new Set<string>();
  /** Each admitted browser's cookie and when it stops being accepted (the login session's lifetime). */
  const clients = new Map<string, number>();
  let origin = '';

  const newToken = () => {
    const token = randomBytes(24).toString('hex');
    tokens.add(token);
    return token;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    const host = req.headers.host ?? '';
    if (`http://${host}` !== origin && `http://${host}` !== origin.replace('127.0.0.1', 'localhost')) return send(res, 421, 'Wrong host.');
    if (req.headers.origin && req.headers.origin !== origin) return send(res, 403, 'Cross-origin requests are not allowed.');

    const client = cookieOf(req);
    const now = app.services.clock.ms();
    for (const [c, until] of clients) if (until <= now) clients.delete(c);
    const known = client !== null && [...clients.keys()].some((c) => sameSecret(c, client));
    const token = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && token) {
      const match = [...tokens].find((t) => sameSecret(t, token));
      // The link opened again (a reload, a bookmark, the terminal's link clicked twice) by the
      // browser that already holds a session: it is let in as it is. Any other browser is refused.
      if (!match && known) return redirectHome(res);
      if (!match) return send(res, 401, 'This link was already used or is not valid. Start the app again to get a new link.');
      tokens.delete(match);
      const fresh = randomBytes(24).toString('hex');
      // The cookie lasts as long as a login session may (Settings → Keamanan), no longer.
      const seconds = (await getSettings(app.services)).sessionHours * 3600;
      clients.set(fresh, now + seconds * 1000);
      return redirectHome(res, `${COOKIE}=${fresh}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${seconds}`);
    }

    if (!known) {
      return send(res, 401, 'Open the link printed in the terminal where Smart Marketing Agent was started. / Buka tautan yang dicetak di terminal tempat aplikasi dijalankan.');
    }

    if (url.pathname.startsWith('/api/invoke/')) {
      if (req.method !== 'POST') return send(res, 405, 'POST only.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'JSON only.');
      let input: unknown;
      try {
        const body = (await readBody(req)).toString('utf8');
        input = body ? JSON.parse(body) : {};
      } catch {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'VALIDATION_ERROR', message: 'The request body is not valid JSON.' } }), 'application/json');
      }
      const lang = req.headers['x-sma-language'];
      const language = LANGUAGES.includes(lang as Language) ? (lang as Language) : undefined;
      const channel = decodePart(url.pathname.slice('/api/invoke/'.length));
      if (channel === null) return send(res, 400, 'Malformed address.');
      const result = await app.call(channel, input, { clientId: client, language });
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }

    if (url.pathname === '/api/upload') {
      // Files travel as raw bytes (JSON cannot carry them) into the same files.upload handler.
      if (req.method !== 'POST') return send(res, 405, 'POST only.');
      let bytes: Buffer;
      try {
        bytes = await readBody(req, IMPORT_LIMITS.maxFileBytes);
      } catch {
        return send(res, 413, JSON.stringify({ ok: false, error: { code: 'VALIDATION_ERROR', message: 'The file is too large.' } }), 'application/json');
      }
      const result = await app.call('files.upload', { name: url.searchParams.get('name') ?? 'upload', bytes }, { clientId: client });
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }

    if (url.pathname.startsWith('/api/files/')) {
      if (req.method !== 'GET') return send(res, 405, 'GET only.');
      const fileId = decodePart(url.pathname.slice('/api/files/'.length));
      if (fileId === null) return send(res, 400, 'Malformed address.');
      // Downloads need a logged-in session, like every call.
      const allowed = await app.call('files.download', { fileId }, { clientId: client });
      if (!allowed.ok) return send(res, allowed.error.code === 'NOT_FOUND' ? 404 : 403, allowed.error.message);
      const file = stagedFile(app.services.dbPath, fileId, translator('id'));
      res.writeHead(200, {
        ...securityHeaders,
        'content-type': 'application/octet-stream',
        'content-length': String(file.size),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'cache-control': 'no-store',
      });
      createReadStream(file.path).pipe(res);
      return;
    }

    if (url.pathname === '/api/events') {
      res.writeHead(200, { ...securityHeaders, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      const unsubscribe = app.services.events.subscribe((event) => {
        if (event.clientId && event.clientId !== client) return;
        res.write(`data: ${JSON.stringify({ name: event.name, payload: event.payload })}\n\n`);
      });
      req.on('close', unsubscribe);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
    serveStatic(rendererDir(), url.pathname, res, securityHeaders);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[host] request failed:', error);
      if (!res.headersSent) send(res, 500, 'Internal error.');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject); // e.g. the port asked for is taken
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const first = `${origin}/?token=${newToken()}`;
  return {
    url: first,
    origin,
    launchUrl: () => `${origin}/?token=${newToken()}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
