import { createReadStream } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { App } from '../app';
import { LANGUAGES, type Language } from '../../src-shared/schemas/auth';
import { translator } from '../../src-shared/i18n/messages';
import { stagedFile } from '../files/staging';
import { IMPORT_LIMITS } from '../../src-shared/import-limits';
import { rendererDir } from '../paths';
import { getSettings } from '../settings/service';
import { CONTENT_SECURITY_POLICY } from '../security-policy';
import { Admission } from './admission';
import { serveRenderer } from './static';

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

const NOT_ADMITTED =
  'Open the link printed in the terminal where Smart Marketing Agent was started. / Buka tautan yang dicetak di terminal tempat aplikasi dijalankan.';
const failure = (message: string) => ({ ok: false, error: { code: 'VALIDATION_ERROR', message } });

function text(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/plain; charset=utf-8').send(body);
}

function language(request: FastifyRequest): Language | undefined {
  const lang = request.headers['x-sma-language'];
  return LANGUAGES.includes(lang as Language) ? (lang as Language) : undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The admitted browser's cookie (set by the admission hook on every request past it). */
    client: string;
  }
}

/**
 * Browser mode: the built renderer and the real handler table over HTTP on 127.0.0.1. Only a
 * browser that opened a one-time launch link (printed in the terminal) gets a client cookie; that
 * browser may open the link again, every other request, and any request naming another host or
 * origin, is refused. That keeps other local users' pages and DNS-rebinding sites away from the
 * shop's data.
 */
export async function startHost(app: App, options: { port?: number; rendererRoot?: string } = {}): Promise<Host> {
  const admission = new Admission(() => app.services.clock.ms());
  let origin = '';
  // Event streams stay open; closing the host ends them rather than waiting for the browser.
  const server = Fastify({ bodyLimit: MAX_BODY, forceCloseConnections: true, logger: false });
  server.decorateRequest('client', '');
  await server.register(fastifyCookie);

  // JSON only: a page elsewhere can post a form or text/plain without asking first; never JSON.
  // An empty JSON body is an empty input, as the handlers expect; a broken one is the client's mistake.
  server.removeAllContentTypeParsers();
  server.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, body ? JSON.parse(body as string) : {});
    } catch {
      done(Object.assign(new Error('The request body is not valid JSON.'), { statusCode: 400 }), undefined);
    }
  });

  server.addHook('onSend', async (_request, reply) => {
    reply.headers(securityHeaders);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  server.addHook('onRequest', async (request, reply) => {
    const host = `http://${request.headers.host ?? ''}`;
    if (host !== origin && host !== origin.replace('127.0.0.1', 'localhost')) return text(reply, 421, 'Wrong host.');
    if (request.headers.origin && request.headers.origin !== origin) return text(reply, 403, 'Cross-origin requests are not allowed.');
    const client = request.cookies[COOKIE];
    const token = (request.query as { token?: unknown }).token;
    if (request.method === 'GET' && request.url.split('?')[0] === '/' && typeof token === 'string' && token) return enter(request, reply, token, client);
    if (!admission.knows(client)) return text(reply, 401, NOT_ADMITTED);
    request.client = client;
  });

  /** The one-time link: the browser that holds a session goes in as it is; a new one spends the token. */
  async function enter(request: FastifyRequest, reply: FastifyReply, token: string, client: string | undefined) {
    const known = admission.knows(client);
    // The cookie lasts as long as a login session may (Settings → Keamanan), no longer.
    const seconds = (await getSettings(app.services)).sessionHours * 3600;
    const fresh = admission.admit(token, seconds * 1000);
    // The link opened again (a reload, a bookmark, the terminal's link clicked twice) by the
    // browser that already holds a session: it is let in as it is. Any other browser is refused.
    if (!fresh && !known) return text(reply, 401, 'This link was already used or is not valid. Start the app again to get a new link.');
    if (fresh) reply.setCookie(COOKIE, fresh, { httpOnly: true, sameSite: 'strict', path: '/', maxAge: seconds });
    return reply.code(303).header('location', '/').send();
  }

  server.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return text(reply, 415, 'JSON only.');
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send(failure('The request is too large.'));
    if (error.statusCode === 400) return reply.code(400).send(failure(error.message));
    console.error('[host] request failed:', error);
    return text(reply, 500, 'Internal error.');
  });

  server.post('/api/invoke/:channel', async (request) => {
    const { channel } = request.params as { channel: string };
    return app.call(channel, request.body, { clientId: request.client, language: language(request) });
  });

  // Files travel as raw bytes (JSON cannot carry them) into the same files.upload handler.
  await server.register(async (uploads) => {
    uploads.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: IMPORT_LIMITS.maxFileBytes }, (_request, body, done) => done(null, body));
    uploads.post('/api/upload', { bodyLimit: IMPORT_LIMITS.maxFileBytes }, async (request) => {
      const name = (request.query as { name?: unknown }).name;
      return app.call(
        'files.upload',
        { name: typeof name === 'string' ? name : 'upload', bytes: request.body as Buffer },
        { clientId: request.client, language: language(request) },
      );
    });
  });

  server.get('/api/files/:fileId', async (request, reply) => {
    const { fileId } = request.params as { fileId: string };
    // Downloads need a logged-in session, like every call.
    const allowed = await app.call('files.download', { fileId }, { clientId: request.client });
    if (!allowed.ok) return text(reply, allowed.error.code === 'NOT_FOUND' ? 404 : 403, allowed.error.message);
    const file = stagedFile(app.services.dbPath, fileId, translator('id'));
    return reply
      .type('application/octet-stream')
      .headers({ 'content-length': String(file.size), 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}` })
      .send(createReadStream(file.path));
  });

  server.get('/api/events', (request, reply) => {
    // Server-sent events: the stream is written by hand, so Fastify lets go of the reply.
    reply.hijack();
    reply.raw.writeHead(200, { ...securityHeaders, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    reply.raw.write(': connected\n\n');
    const unsubscribe = app.services.events.subscribe((event) => {
      if (event.clientId && event.clientId !== request.client) return;
      reply.raw.write(`data: ${JSON.stringify({ name: event.name, payload: event.payload })}\n\n`);
    });
    request.raw.on('close', unsubscribe);
  });

  const renderer = await serveRenderer(server, options.rendererRoot ?? rendererDir());
  server.get('/', (_request, reply) => renderer.index(reply));
  server.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return text(reply, 404, 'Not found.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(reply, 405, 'Method not allowed.');
    return renderer.index(reply);
  });

  await server.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = server.server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url: `${origin}/?token=${admission.newToken()}`,
    origin,
    launchUrl: () => `${origin}/?token=${admission.newToken()}`,
    close: () => server.close(),
  };
}
