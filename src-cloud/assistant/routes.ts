import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordAudit } from '../admin/audit';
import { adminGuard, currentAdmin } from '../auth/admin-guard';
import type { CloudContext } from '../server/app';
import { CloudError } from '../server/errors';
import {
  assistantPaths, conversationParams, idParams, okResponse, promptRequest, settingsRequest, versionResponse, webhookParams, webhookResponse,
} from './admin-schemas';
import { assistantConsoleRoutes } from './console-routes';
import { withAssistant } from './schema';
import { seal } from './secrets';
import { loadSettings, secretContext, storeIncoming } from './store';
import { readWebhook, verifyWahaSignature } from './waha-webhook';

export interface AssistantRouteDeps {
  key: Buffer;
  /** A stored new message: its conversation is queued for a reply. */
  onMessage: (businessId: string, conversationId: string) => void;
}

/** The WAHA webhook (public, signed) and the console's assistant settings, prompts, hand-back. */
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

  app.post(assistantPaths.webhook, { config: { access: 'public', rateLimit: { max: 1200, timeWindow: '1 minute' } }, schema: { params: webhookParams, response: { 200: webhookResponse } } }, async (req) => {
    const { businessId } = req.params;
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const settings = await withAssistant(ctx.db, businessId, (tx) => loadSettings(tx, businessId, deps.key));
    // An unknown business and one without the assistant look the same from outside.
    if (!settings) throw new CloudError('NOT_FOUND', 'No assistant here.');
    if (!verifyWahaSignature(raw, settings.webhookHmacKey, req.headers['x-webhook-hmac'])) throw new CloudError('UNAUTHENTICATED', 'The webhook signature (X-Webhook-Hmac, HMAC-SHA512 of the body) does not match.');
    const verdict = readWebhook(jsonOf(req));
    if (verdict.kind === 'ignored') return { stored: false, ignored: verdict.why };
    if (!settings.enabled) return { stored: false, ignored: 'assistant disabled' };
    const { conversationId, fresh } = await withAssistant(ctx.db, businessId, (tx) => storeIncoming(tx, businessId, verdict.message, ctx.now()));
    if (fresh) deps.onMessage(businessId, conversationId);
    return { stored: fresh, ignored: fresh ? null : 'already received' };
  });

  app.put(assistantPaths.settings, { config: { access: 'admin-write' }, onRequest: write, schema: { params: idParams, response: { 200: okResponse } } }, async (req) => {
    const body = admin(req, settingsRequest);
    const businessId = req.params.id;
    await businessExists(businessId);
    const sealed = (column: string, value: string | null) => (value === null ? null : seal(deps.key, value, secretContext(businessId, column)));
    // A secret left out keeps the stored one: the console edits settings without ever reading a key back.
    const secrets = {
      ...(body.wahaApiKey !== undefined && { waha_api_key_enc: sealed('waha_api_key_enc', body.wahaApiKey) }),
      ...(body.webhookHmacKey !== undefined && { webhook_hmac_key_enc: sealed('webhook_hmac_key_enc', body.webhookHmacKey) ?? '' }),
      ...(body.modelApiKey !== undefined && { model_api_key_enc: sealed('model_api_key_enc', body.modelApiKey) }),
    };
    const row = {
      enabled: body.enabled, waha_base_url: body.wahaBaseUrl, waha_session: body.wahaSession, model_base_url: body.modelBaseUrl, model_name: body.modelName,
      confidence_threshold: body.confidenceThreshold, monthly_token_limit: body.monthlyTokenLimit, updated_at: ctx.now(), ...secrets,
      ...(body.modelPrices !== undefined && { model_prices: JSON.stringify(body.modelPrices) }),
    };
    await withAssistant(ctx.db, businessId, async (tx) => {
      const exists = await tx.selectFrom('assistant_settings').select('business_id').where('business_id', '=', businessId).executeTakeFirst();
      if (exists) return tx.updateTable('assistant_settings').set(row).where('business_id', '=', businessId).execute();
      if (row.webhook_hmac_key_enc === undefined) throw new CloudError('VALIDATION_ERROR', 'body.webhookHmacKey: required when the assistant is first set up');
      return tx.insertInto('assistant_settings').values({ business_id: businessId, ...row, webhook_hmac_key_enc: row.webhook_hmac_key_enc }).execute();
    });
    await recordAudit(ctx.db, { adminId: currentAdmin(req).adminId, action: 'assistant.settings', businessId, ip: req.ip, details: { enabled: body.enabled, wahaBaseUrl: body.wahaBaseUrl, modelBaseUrl: body.modelBaseUrl, modelName: body.modelName, ...(body.modelPrices && { modelPrices: body.modelPrices }) } }, ctx.now());
    return { ok: true as const };
  });

  app.post(assistantPaths.prompts, { config: { access: 'admin-write' }, onRequest: write, schema: { params: idParams, response: { 200: versionResponse } } }, async (req) => {
    const body = admin(req, promptRequest);
    const businessId = req.params.id;
    await businessExists(businessId);
    const adminId = currentAdmin(req).adminId;
    const version = await withAssistant(ctx.db, businessId, async (tx) => {
      const last = await tx.selectFrom('assistant_prompts').select((eb) => eb.fn.max('version').as('v')).where('business_id', '=', businessId).executeTakeFirst();
      const next = Number(last?.v ?? 0) + 1;
      await tx
        .insertInto('assistant_prompts')
        .values({
          business_id: businessId, version: next, base_prompt: body.basePrompt, business_profile: body.businessProfile, rules: body.rules,
          escalation_criteria: body.escalationCriteria, faq: JSON.stringify(body.faq), created_by: adminId, created_at: ctx.now(),
        })
        .execute();
      return next;
    });
    await recordAudit(ctx.db, { adminId, action: 'assistant.prompt', businessId, ip: req.ip, details: { version } }, ctx.now());
    return { version };
  });

  // A person gives the conversation back to the bot: it answers again from the phase it had reached.
  app.post(assistantPaths.handback, { config: { access: 'admin-write' }, onRequest: write, schema: { params: conversationParams, response: { 200: okResponse } } }, async (req) => {
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
      await tx.updateTable('assistant_handovers').set({ returned_at: ctx.now(), returned_by: adminId }).where('business_id', '=', businessId).where('conversation_id', '=', conversationId).where('returned_at', 'is', null).execute();
      return true;
    });
    if (!found) throw new CloudError('NOT_FOUND', 'No such conversation in this business.');
    await recordAudit(ctx.db, { adminId, action: 'assistant.handback', businessId, ip: req.ip, details: { conversationId } }, ctx.now());
    return { ok: true as const };
  });
}
