import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  enrolRequest,
  enrolResponse,
  pullQuery,
  pullResponse,
  pushRequest,
  pushResponse,
  snapshotQuery,
  snapshotResponse,
} from '../../src-shared/sync/protocol';
import type { CloudContext } from '../server/app';
import { authenticateDevice, type DeviceIdentity } from '../sync/device-auth';
import { enrolDevice } from '../sync/enrol';
import { pullChanges } from '../sync/pull';
import { applyPush } from '../sync/push';
import { snapshotPage } from '../sync/snapshot';

/** The laptop's side of the API (SYNC.md). */
export async function syncRoutes(scope: FastifyInstance, ctx: CloudContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  // Who is calling is settled before the body is even parsed: no token, no validation messages.
  const device = new WeakMap<FastifyRequest, DeviceIdentity>();
  const onRequest = async (req: FastifyRequest) => {
    device.set(req, await authenticateDevice(ctx.db, req));
  };
  const caller = (req: FastifyRequest) => device.get(req) as DeviceIdentity;

  app.post(
    '/api/sync/enrol',
    { config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { body: enrolRequest, response: { 200: enrolResponse } } },
    async (req) => enrolDevice(ctx.db, req.body, req.ip, ctx.now()),
  );

  // A first push of a big shop is ~2,000 batches back to back: 30 a second per address (15,000 ops/s),
  // above the global flood guard's 10; a laptop told to wait (429) waits as long as Retry-After says.
  app.post(
    '/api/sync/push',
    {
      config: { access: 'device', rateLimit: { max: 1800, timeWindow: '1 minute' } },
      onRequest,
      schema: { body: pushRequest, response: { 200: pushResponse } },
    },
    async (req) => {
      return applyPush(ctx.db, caller(req), req.body, ctx.now());
    },
  );

  app.get('/api/sync/pull', { config: { access: 'device' }, onRequest, schema: { querystring: pullQuery, response: { 200: pullResponse } } }, async (req) => {
    return pullChanges(ctx.db, caller(req), req.query.cursor, ctx.now(), req.query.handoverCursor);
  });

  app.get(
    '/api/sync/snapshot',
    { config: { access: 'device' }, onRequest, schema: { querystring: snapshotQuery, response: { 200: snapshotResponse } } },
    async (req) => {
      return snapshotPage(ctx.db, caller(req), req.query.entity, req.query.after, req.query.limit);
    },
  );
}
