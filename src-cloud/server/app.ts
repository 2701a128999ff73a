import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { PUSH_MAX_BYTES } from '../../src-shared/sync/protocol';
import type { CloudDb } from '../db/connect';
import { healthRoutes } from '../routes/health';
import { syncRoutes } from '../routes/sync';
import type { RouteInfo } from './access';
import { CloudError } from './errors';

export interface CloudOptions {
  db: CloudDb;
  version: string;
  /** The server's clock; tests move it. */
  now?: () => Date;
  /** Trust X-Forwarded-For from a load balancer in front (production behind one). */
  trustProxy?: boolean;
  /** Extra route plugins (the console's API and pages), registered after the sync routes. */
  plugins?: ((app: FastifyInstance, options: CloudContext) => Promise<void>)[];
}

export interface CloudContext {
  db: CloudDb;
  version: string;
  now: () => Date;
}

export interface CloudApp {
  app: FastifyInstance;
  /** Every route with its declared access, for the authorization tests and the docs. */
  routes: RouteInfo[];
}

export async function buildCloud(options: CloudOptions): Promise<CloudApp> {
  const app = Fastify({ bodyLimit: PUSH_MAX_BYTES + 64 * 1024, trustProxy: options.trustProxy ?? false, logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (route.method === 'HEAD') return;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access`);
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, access });
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"] },
    },
  });
  // Per instance, in memory: a coarse flood guard only. What must hold across instances (login and
  // enrolment failures) is counted in PostgreSQL (auth/throttle.ts).
  await app.register(rateLimit, { max: 600, timeWindow: '1 minute' });

  app.setErrorHandler((error, _req, reply) => {
    if (error instanceof CloudError) return reply.status(error.status).send({ error: error.code, message: error.message, ...error.extra });
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const where = `${error.validationContext ?? 'body'}${first.instancePath.replaceAll('/', '.')}`;
      return reply.status(400).send({ error: 'VALIDATION_ERROR', message: `${where}: ${first.message}` });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) return reply.status(413).send({ error: 'PAYLOAD_TOO_LARGE', message: 'The request is larger than 1 MB; send fewer ops per push.' });
    if (status === 429) return reply.status(429).send({ error: 'THROTTLED', message: 'Too many requests; slow down.' });
    if (status && status >= 400 && status < 500) return reply.status(status).send({ error: 'VALIDATION_ERROR', message: (error as Error).message });
    // Never echo internals (SQL, stack) to a caller; the message goes to the server's own log.
    process.stderr.write(`cloud: ${(error as Error).stack ?? String(error)}\n`);
    return reply.status(500).send({ error: 'INTERNAL', message: 'The server failed; try again.' });
  });

  const context: CloudContext = { db: options.db, version: options.version, now: options.now ?? (() => new Date()) };
  await app.register(async (scope) => healthRoutes(scope, context));
  await app.register(async (scope) => syncRoutes(scope, context));
  for (const plugin of options.plugins ?? []) await app.register(async (scope) => plugin(scope, context));
  return { app, routes };
}
