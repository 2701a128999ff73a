import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

const NOT_BUILT = 'The user interface is not built yet. Run `npm run build`, then start again.';

/**
 * The built renderer. Its hashed assets are cached for good; index.html never is, and answers every
 * path that is not a file (the app routes by hash). @fastify/static keeps requests inside `root`.
 */
export async function serveRenderer(server: FastifyInstance, root: string): Promise<{ index(reply: FastifyReply): FastifyReply }> {
  await server.register(fastifyStatic, {
    root,
    index: false,
    wildcard: true,
    cacheControl: false,
    setHeaders: (reply, path) => reply.header('cache-control', path.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable'),
  });
  return {
    index: (reply) =>
      existsSync(join(root, 'index.html'))
        ? reply.header('cache-control', 'no-store').sendFile('index.html')
        : reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT),
  };
}
