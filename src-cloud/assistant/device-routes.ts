import { sql } from 'kysely';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CloudContext } from '../server/app';
import { CloudError } from '../server/errors';
import { authenticateDevice, type DeviceIdentity } from '../sync/device-auth';
import { assistantAnalytics, defaultRange } from './analytics';
import { conversationRows, conversationView, readConversation } from './conversation-reads';
import {
  analyticsQuery,
  analyticsResponse,
  assistantDevicePaths,
  conversationResponse,
  deviceConversationParams,
  deviceConversationsQuery,
  deviceConversationsResponse,
} from '../../src-shared/cloud/assistant-schemas';
import { withAssistant } from './schema';

/**
 * The shop owner's view of the assistant, read by the shop's own laptop with its device token,
 * authenticated exactly as the sync routes are. The business is the token's and nothing else: no
 * path, query or body names one, so another shop's conversations cannot be asked for at all (an id
 * of theirs answers 404, as an unknown one does). The reads are the console's own (`conversationRows`,
 * `readConversation`, `assistantAnalytics`); the numbers are shown whole, as the handover's lead
 * already carries them to this laptop: they are the shop's own customers, unlike the console's
 * super admins, who see them masked.
 */
export async function assistantDeviceRoutes(scope: FastifyInstance, ctx: CloudContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const device = new WeakMap<FastifyRequest, DeviceIdentity>();
  const onRequest = async (req: FastifyRequest) => {
    device.set(req, await authenticateDevice(ctx.db, req));
  };
  const businessOf = (req: FastifyRequest) => (device.get(req) as DeviceIdentity).businessId;
  const opts = { config: { access: 'device' as const }, onRequest };
  const whole = (phone: string) => phone;

  app.get(
    assistantDevicePaths.conversations,
    { ...opts, schema: { querystring: deviceConversationsQuery, response: { 200: deviceConversationsResponse } } },
    async (req) => {
      const businessId = businessOf(req);
      const { offset, limit } = req.query;
      return withAssistant(ctx.db, businessId, async (tx) => {
        const settings = await tx.selectFrom('assistant_settings').select('enabled').where('business_id', '=', businessId).executeTakeFirst();
        // One row more than asked tells whether another page follows. Newest first, as in the console.
        const rows = await conversationRows(tx, businessId)
          .orderBy(sql`c.last_message_at DESC NULLS LAST`)
          .orderBy('c.id', 'desc')
          .offset(offset)
          .limit(limit + 1)
          .execute();
        return {
          enabled: settings?.enabled ?? false,
          conversations: rows.slice(0, limit).map((r) => conversationView(r, whole)),
          nextOffset: rows.length > limit ? offset + limit : null,
        };
      });
    },
  );

  app.get(
    assistantDevicePaths.conversation,
    { ...opts, schema: { params: deviceConversationParams, response: { 200: conversationResponse } } },
    async (req) => {
      const found = await readConversation(ctx, businessOf(req), req.params.conversationId, whole);
      if (!found) throw new CloudError('NOT_FOUND', 'No such conversation in this shop.');
      return found;
    },
  );

  app.get(assistantDevicePaths.analytics, { ...opts, schema: { querystring: analyticsQuery, response: { 200: analyticsResponse } } }, async (req) => {
    const businessId = businessOf(req);
    const range = defaultRange(ctx.now());
    const from = req.query.from ?? range.from;
    const to = req.query.to ?? range.to;
    if (from > to) throw new CloudError('VALIDATION_ERROR', 'from: must not be after to');
    return withAssistant(ctx.db, businessId, (tx) => assistantAnalytics(tx, businessId, from, to));
  });
}
