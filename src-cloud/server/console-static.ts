import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CloudError } from './errors';

/** `vite build --config vite.cloud.config.ts` writes the console here. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../dist/cloud-console/', import.meta.url));

/**
 * The console's files at `/`, and index.html for any other path outside `/api` so a deep link
 * (`/businesses/<id>`) or a reload opens the console, whose own router reads the path. One
 * wildcard route, declared public like health: the pages hold no data, the API behind them checks.
 */
export function consoleStatic(root = CONSOLE_DIR): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    // serve: false: only reply.sendFile, which refuses paths outside root (`..`, encoded or not).
    await app.register(fastifyStatic, { root, serve: false });

    app.get('/*', { config: { access: 'public' } }, async (req, reply) => {
      let pathname: string;
      try {
        pathname = decodeURIComponent(req.url.split('?')[0]);
      } catch {
        throw new CloudError('VALIDATION_ERROR', 'The path is not valid URL encoding.');
      }
      if (pathname === '/api' || pathname.startsWith('/api/')) throw new CloudError('NOT_FOUND', `No route ${req.method} ${pathname}.`);
      if (!existsSync(path.join(root, 'index.html'))) {
        return reply.status(503).type('text/plain; charset=utf-8').send('The console is not built: run `npm run build:cloud-console`.');
      }
      const file = path.normalize(pathname).replace(/^([/\\])+/, '');
      const full = path.join(root, file);
      if (file && full.startsWith(root) && existsSync(full) && statSync(full).isFile()) {
        // Vite names what it builds in assets/ by content: cache it for good; anything else briefly.
        const immutable = file.startsWith('assets/') || file.startsWith(`assets${path.sep}`);
        return reply.sendFile(file, { maxAge: immutable ? '365d' : 0, immutable });
      }
      // The page names the current assets: always asked again, so a new build is picked up on reload.
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    });
  };
}
