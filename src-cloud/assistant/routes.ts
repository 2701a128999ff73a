import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordAudit } from '../admin/audit';
import { adminGuard, currentAdmin } from '../auth/admin-guard';
import type { CloudContext } from '../server/app';
import { CloudError } from '../server/errors';
import {
  assistantPaths,
  cloudApiWebhookResponse,
  conversationParams,
  idParams,
  okResponse,
  promptRequest,
  settingsRequest,
  versionResponse,
  webhookParams,
  webhookResponse,
} from './admin-schemas';
import { readNotification, verifyCloudApiSignature, verifyHandshake } from './cloud-api-webhook';
import { assistantConsoleRoutes } from './console-routes';
import { assistantDeviceRoutes } from './device-routes';
import { withAssistant } from './schema';
import { seal } from './secrets';
import { loadSettings, secretContext, storeIncoming } from './store';
import { readWebhook, verifyWahaSignature } from './waha-webhook';

export interface AssistantRouteDeps {
  key: Buffer;
  /** A stored new message: its conversation is queued for a reply. */
  onMessage: (businessId: string, conversationId: string) => void;
}

/** The WAHA and Cloud API webhooks (public, signed) and the console's assistant settings, prompts, hand-back. */
export async function assistantRoutes(scope: FastifyInstance, ctx: CloudContext, deps: AssistantRouteDeps): Promise<void> {
  // The signature covers the raw bytes: this scope keeps JSON bodies as a Buffer, parsed only once verified.
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const write = adminGuard(ctx, 'admin-write');
  const jsonOf = (req: FastifyRequest): unknown => {
    if (!Buffer.isBuffer(req.body)) throw new CloudError('VALIDATION_ERROR', 'body: expected JSON');
    try {
      return JSON.parse(req.body.toString('utf8')) as unknown;
    } catch {
      throw new CloudError('VALIDATION_ERROR', 'body: not valid JSON');
    }
  };
  const admin = <T>(req: FastifyRequest, schema: { parse: (v: unknown) => T }) => {
    const parsed = (schema as unknown as import('zod').ZodType<T>).safeParse(jsonOf(req));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new CloudError('VALIDATION_ERROR', `body${first.path.length ? `.${first.path.join('.')}` : ''}: ${first.message}`);
    }
    return parsed.data;
  };
  const businessExists = async (id: string) => {
    const row = await ctx.db.selectFrom('businesses').select('id').where('id', '=', id).executeTakeFirst();
    if (!row) throw new CloudError('NOT_FOUND', 'No such business.');
  };

  await assistantConsoleRoutes(scope, ctx);
  await assistantDeviceRoutes(scope, ctx);

  app.post(
    assistantPaths.webhook,
    { config: { access: 'public', rateLimit: { max: 1200, timeWindow: '1 minute' } }, schema: { params: webhookParams, response: { 200: webhookResponse } } },
    async (req) => {
      const { businessId } = req.params;
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const settings = await withAssistant(ctx.db, businessId, (tx) => loadSettings(tx, businessId, deps.key));
      // An unknown business, one without the assistant and one on the Cloud API look the same from outside.
      if (!settings || settings.provider !== 'waha' || !settings.webhookHmacKey) throw new CloudError('NOT_FOUND', 'No assistant here.');
      if (!verifyWahaSignature(raw, settings.webhookHmacKey, req.headers['x-webhook-hmac']))
        throw new CloudError('UNAUTHENTICATED', 'The webhook signature (X-Webhook-Hmac, HMAC-SHA512 of the body) does not match.');
      const verdict = readWebhook(jsonOf(req));
      if (verdict.kind === 'ignored') return { stored: false, ignored: verdict.why };
      if (!settings.enabled) return { stored: false, ignored: 'assistant disabled' };
      const { conversationId, fresh } = await withAssistant(ctx.db, businessId, (tx) => storeIncoming(tx, businessId, verdict.message, ctx.now()));
      if (fresh) deps.onMessage(businessId, conversationId);
      return { stored: fresh, ignored: fresh ? null : 'already received' };
    },
  );

  const cloudApiSettings = async (businessId: string) => {
    const settings = await withAssistant(ctx.db, businessId, (tx) => loadSettings(tx, businessId, deps.key));
    // As for WAHA: unknown, without the assistant, or answering through WAHA — all the same 404.
    if (!settings || settings.provider !== 'cloud_api') throw new CloudError('NOT_FOUND', 'No assistant here.');
    return settings;
  };

  // Meta's verification handshake when the callback URL is saved in the app: echo the challenge.
  app.get(
    assistantPaths.cloudApiWebhook,
    { config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { params: webhookParams } },
    async (req, reply) => {
      const settings = await cloudApiSettings(req.params.businessId);
      const challenge = verifyHandshake(req.query as Record<string, unknown>, settings.cloudApi.verifyToken);
      if (challenge === null) throw new CloudError('FORBIDDEN', "The verification request does not match (hub.mode=subscribe and this shop's verify token).");
      return reply.type('text/plain; charset=utf-8').send(challenge);
    },
  );

  app.post(
    assistantPaths.cloudApiWebhook,
    {
      config: { access: 'public', rateLimit: { max: 1200, timeWindow: '1 minute' } },
      schema: { params: webhookParams, response: { 200: cloudApiWebhookResponse } },
    },
    async (req) => {
      const { businessId } = req.params;
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const settings = await cloudApiSettings(businessId);
      if (!verifyCloudApiSignature(raw, settings.cloudApi.appSecret ?? '', req.headers['x-hub-signature-256'])) {
        throw new CloudError(
          'UNAUTHENTICATED',
          'The notification signature (X-Hub-Signature-256, HMAC-SHA256 of the body with the app secret) does not match.',
        );
      }
      const verdict = readNotification(jsonOf(req), settings.cloudApi.phoneNumberId);
      if (verdict.messages.length === 0) return { stored: 0, ignored: verdict.ignored };
      if (!settings.enabled) return { stored: 0, ignored: [...verdict.ignored, ...verdict.messages.map(() => 'assistant disabled')] };
      // Meta redelivers until it gets a 200: a message already stored (same wamid) inserts nothing.
      const results = await withAssistant(ctx.db, businessId, async (tx) => {
        const out: { conversationId: string; fresh: boolean }[] = [];
        for (const message of verdict.messages) out.push(await storeIncoming(tx, businessId, message, ctx.now()));
        return out;
      });
      for (const conversationId of new Set(results.filter((r) => r.fresh).map((r) => r.conversationId))) deps.onMessage(businessId, conversationId);
      return { stored: results.filter((r) => r.fresh).length, ignored: [...verdict.ignored, ...results.filter((r) => !r.fresh).map(() => 'already received')] };
    },
  );

  app.put(
    assistantPaths.settings,
    { config: { access: 'admin-write' }, onRequest: write, schema: { params: idParams, response: { 200: okResponse } } },
    async (req) => {
      const body = admin(req, settingsRequest);
      const businessId = req.params.id;
      await businessExists(businessId);
      const sealed = (column: string, value: string | null) => (value === null ? null : seal(deps.key, value, secretContext(businessId, column)));
      // A secret left out keeps the stored one: the console edits settings without ever reading a key back.
      const secrets = {
        ...(body.wahaApiKey !== undefined && { waha_api_key_enc: sealed('waha_api_key_enc', body.wahaApiKey) }),
        ...(body.webhookHmacKey !== undefined && { webhook_hmac_key_enc: sealed('webhook_hmac_key_enc', body.webhookHmacKey) }),
        ...(body.modelApiKey !== undefined && { model_api_key_enc: sealed('model_api_key_enc', body.modelApiKey) }),
        ...(body.cloudApiAccessToken !== undefined && { cloud_api_access_token_enc: sealed('cloud_api_access_token_enc', body.cloudApiAccessToken) }),
        ...(body.cloudApiAppSecret !== undefined && { cloud_api_app_secret_enc: sealed('cloud_api_app_secret_enc', body.cloudApiAppSecret) }),
        ...(body.cloudApiVerifyToken !== undefined && { cloud_api_verify_token_enc: sealed('cloud_api_verify_token_enc', body.cloudApiVerifyToken) }),
      };
      const row = {
        enabled: body.enabled,
        provider: body.provider,
        waha_base_url: body.wahaBaseUrl ?? null,
        waha_session: body.wahaSession,
        cloud_api_base_url: body.cloudApiBaseUrl,
        cloud_api_version: body.cloudApiVersion,
        cloud_api_phone_number_id: body.cloudApiPhoneNumberId ?? null,
        model_base_url: body.modelBaseUrl,
        model_name: body.modelName,
        confidence_threshold: body.confidenceThreshold,
        monthly_token_limit: body.monthlyTokenLimit,
        updated_at: ctx.now(),
        ...secrets,
        ...(body.modelPrices !== undefined && { model_prices: JSON.stringify(body.modelPrices) }),
      };
      await withAssistant(ctx.db, businessId, async (tx) => {
        const exists = await tx.selectFrom('assistant_settings').selectAll().where('business_id', '=', businessId).executeTakeFirst();
        // The chosen gateway's own secrets must be there once saved: given now, or already stored.
        const has = (column: 'webhook_hmac_key_enc' | 'cloud_api_access_token_enc' | 'cloud_api_app_secret_enc' | 'cloud_api_verify_token_enc') =>
          row[column] !== undefined ? row[column] !== null : !!exists?.[column];
        const required: [boolean, string][] =
          body.provider === 'waha'
            ? [[has('webhook_hmac_key_enc'), 'webhookHmacKey']]
            : [
                [has('cloud_api_access_token_enc'), 'cloudApiAccessToken'],
                [has('cloud_api_app_secret_enc'), 'cloudApiAppSecret'],
                [has('cloud_api_verify_token_enc'), 'cloudApiVerifyToken'],
              ];
        const missing = required.find(([present]) => !present);
        if (missing)
          throw new CloudError(
            'VALIDATION_ERROR',
            exists ? `body.${missing[1]}: required for this gateway` : `body.${missing[1]}: required when the assistant is first set up`,
          );
        if (exists) return tx.updateTable('assistant_settings').set(row).where('business_id', '=', businessId).execute();
        return tx
          .insertInto('assistant_settings')
          .values({ business_id: businessId, ...row })
          .execute();
      });
      await recordAudit(
        ctx.db,
        {
          adminId: currentAdmin(req).adminId,
          action: 'assistant.settings',
          businessId,
          ip: req.ip,
          details: {
            enabled: body.enabled,
            provider: body.provider,
            wahaBaseUrl: body.wahaBaseUrl,
            ...(body.provider === 'cloud_api' && { cloudApiPhoneNumberId: body.cloudApiPhoneNumberId, cloudApiVersion: body.cloudApiVersion }),
            modelBaseUrl: body.modelBaseUrl,
            modelName: body.modelName,
            ...(body.modelPrices && { modelPrices: body.modelPrices }),
          },
        },
        ctx.now(),
      );
      return { ok: true as const };
    },
  );

  app.post(
    assistantPaths.prompts,
    { config: { access: 'admin-write' }, onRequest: write, schema: { params: idParams, response: { 200: versionResponse } } },
    async (req) => {
      const body = admin(req, promptRequest);
      const businessId = req.params.id;
      await businessExists(businessId);
      const adminId = currentAdmin(req).adminId;
      const version = await withAssistant(ctx.db, businessId, async (tx) => {
        const last = await tx
          .selectFrom('assistant_prompts')
          .select((eb) => eb.fn.max('version').as('v'))
          .where('business_id', '=', businessId)
          .executeTakeFirst();
        const next = Number(last?.v ?? 0) + 1;
        await tx
          .insertInto('assistant_prompts')
          .values({
            business_id: businessId,
            version: next,
            base_prompt: body.basePrompt,
            business_profile: body.businessProfile,
            rules: body.rules,
            escalation_criteria: body.escalationCriteria,
            faq: JSON.stringify(body.faq),
            created_by: adminId,
            created_at: ctx.now(),
          })
          .execute();
        return next;
      });
      await recordAudit(ctx.db, { adminId, action: 'assistant.prompt', businessId, ip: req.ip, details: { version } }, ctx.now());
      return { version };
    },
  );

  // A person gives the conversation back to the bot: it answers again from the phase it had reached.
  app.post(
    assistantPaths.handback,
    { config: { access: 'admin-write' }, onRequest: write, schema: { params: conversationParams, response: { 200: okResponse } } },
    async (req) => {
      const { id: businessId, conversationId } = req.params;
      const adminId = currentAdmin(req).adminId;
      const found = await withAssistant(ctx.db, businessId, async (tx) => {
        const updated = await tx
          .updateTable('assistant_conversations')
          .set({ handed_over: false, handover_reason: null, bot_paused: false })
          .where('business_id', '=', businessId)
          .where('id', '=', conversationId)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) return false;
        await tx
          .updateTable('assistant_handovers')
          .set({ returned_at: ctx.now(), returned_by: adminId })
          .where('business_id', '=', businessId)
          .where('conversation_id', '=', conversationId)
          .where('returned_at', 'is', null)
          .execute();
        return true;
      });
      if (!found) throw new CloudError('NOT_FOUND', 'No such conversation in this business.');
      await recordAudit(ctx.db, { adminId, action: 'assistant.handback', businessId, ip: req.ip, details: { conversationId } }, ctx.now());
      return { ok: true as const };
    },
  );
}
