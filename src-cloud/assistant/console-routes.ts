import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { adminGuard } from '../auth/admin-guard';
import { withAllBusinesses } from '../db/scope';
import type { CloudContext } from '../server/app';
import { CloudError } from '../server/errors';
import { conversationParams, idParams } from './admin-schemas';
import { assistantAnalytics, defaultRange } from './analytics';
import {
  analyticsQuery,
  analyticsResponse,
  assistantReadPaths,
  conversationResponse,
  conversationsQuery,
  conversationsResponse,
  handoversResponse,
  overviewResponse,
  promptsResponse,
  settingsResponse,
} from '../../src-shared/cloud/assistant-schemas';
import { conversationRows, conversationView, handoverView, maskPhone, readConversation, usernames } from './conversation-reads';
import { quotaSpent, readPrices, spendThisMonth } from './cost';
import { DEFAULT_PROMPT } from './prompt';
import { withAssistant, type AssistantTables } from './schema';

/** The console's reads: settings without secrets and the month's cost, conversations, trail, queue, analytics, prompts. */
export async function assistantConsoleRoutes(scope: FastifyInstance, ctx: CloudContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const read = adminGuard(ctx, 'admin-read');
  const opts = { config: { access: 'admin-read' as const }, onRequest: read };
  const businessExists = async (id: string) => {
    const row = await ctx.db.selectFrom('businesses').select('id').where('id', '=', id).executeTakeFirst();
    if (!row) throw new CloudError('NOT_FOUND', 'No such business.');
  };

  app.get(assistantReadPaths.overview, { ...opts, schema: { response: { 200: overviewResponse } } }, async () => {
    const now = ctx.now();
    const rows = await withAllBusinesses(ctx.db, async (tx) => {
      const scoped = tx.withTables<AssistantTables>();
      const businesses = await scoped.selectFrom('businesses').select(['id', 'name', 'ai_monthly_quota']).orderBy('name').execute();
      const settings = new Map(
        (await scoped.selectFrom('assistant_settings').select(['business_id', 'enabled']).execute()).map((s) => [s.business_id, s.enabled]),
      );
      const counts = await sql<{ business_id: string; conversations: string; bookings: string; last_at: Date | null }>`
        SELECT business_id, count(*) AS conversations, count(*) FILTER (WHERE phase = 'BOOKING') AS bookings, max(last_message_at) AS last_at
        FROM assistant_conversations GROUP BY business_id`.execute(tx);
      const open = await sql<{ business_id: string; n: string; oldest: Date }>`
        SELECT business_id, count(*) AS n, min(created_at) AS oldest FROM assistant_handovers WHERE returned_at IS NULL GROUP BY business_id`.execute(tx);
      const cost = await sql<{ business_id: string; cost: string | null }>`
        SELECT business_id, sum(cost_rupiah) AS cost FROM assistant_model_calls
        WHERE created_at >= date_trunc('month', ${now}::timestamptz AT TIME ZONE 'Asia/Jakarta') AT TIME ZONE 'Asia/Jakarta'
        GROUP BY business_id`.execute(tx);
      return {
        businesses,
        settings,
        counts: new Map(counts.rows.map((r) => [r.business_id, r])),
        open: new Map(open.rows.map((r) => [r.business_id, r])),
        cost: new Map(cost.rows.map((r) => [r.business_id, r.cost])),
      };
    });
    // Shops that never set the assistant up are not part of this overview.
    const shops = rows.businesses
      .filter((b) => rows.settings.has(b.id) || rows.counts.has(b.id))
      .map((b) => {
        const c = rows.counts.get(b.id);
        const o = rows.open.get(b.id);
        return {
          businessId: b.id,
          name: b.name,
          enabled: rows.settings.get(b.id) ?? false,
          conversations: Number(c?.conversations ?? 0),
          bookings: Number(c?.bookings ?? 0),
          openHandovers: Number(o?.n ?? 0),
          oldestOpenAt: o ? new Date(o.oldest).toISOString() : null,
          lastMessageAt: c?.last_at ? new Date(c.last_at).toISOString() : null,
          cost: Number(rows.cost.get(b.id) ?? 0),
          quota: b.ai_monthly_quota === null ? null : Number(b.ai_monthly_quota),
        };
      })
      .sort((a, b) => b.openHandovers - a.openHandovers || (a.oldestOpenAt ?? '').localeCompare(b.oldestOpenAt ?? '') || a.name.localeCompare(b.name));
    return { shops };
  });

  app.get(assistantReadPaths.settings, { ...opts, schema: { params: idParams, response: { 200: settingsResponse } } }, async (req) => {
    const businessId = req.params.id;
    await businessExists(businessId);
    return withAssistant(ctx.db, businessId, async (tx) => {
      const row = await tx.selectFrom('assistant_settings').selectAll().where('business_id', '=', businessId).executeTakeFirst();
      const spend = await spendThisMonth(tx, businessId, ctx.now());
      const prices = readPrices(row?.model_prices);
      return {
        // Secrets never leave the server, opened or sealed: the console only learns whether each is set.
        settings: row
          ? {
              enabled: row.enabled,
              provider: row.provider,
              wahaBaseUrl: row.waha_base_url,
              wahaSession: row.waha_session,
              hasWahaApiKey: row.waha_api_key_enc !== null,
              hasWebhookHmacKey: !!row.webhook_hmac_key_enc,
              cloudApiBaseUrl: row.cloud_api_base_url,
              cloudApiVersion: row.cloud_api_version,
              cloudApiPhoneNumberId: row.cloud_api_phone_number_id,
              hasCloudApiAccessToken: row.cloud_api_access_token_enc !== null,
              hasCloudApiAppSecret: row.cloud_api_app_secret_enc !== null,
              hasCloudApiVerifyToken: row.cloud_api_verify_token_enc !== null,
              modelBaseUrl: row.model_base_url,
              modelName: row.model_name,
              hasModelApiKey: row.model_api_key_enc !== null,
              confidenceThreshold: Number(row.confidence_threshold),
              monthlyTokenLimit: row.monthly_token_limit === null ? null : Number(row.monthly_token_limit),
              modelPrices: prices,
              updatedAt: new Date(row.updated_at).toISOString(),
            }
          : null,
        spend: { ...spend, priced: row ? prices[row.model_name] !== undefined : false, spent: quotaSpent(spend) },
        webhookPath: `/api/assistant/waha/${businessId}`,
        cloudApiWebhookPath: `/api/assistant/cloud-api/${businessId}`,
      };
    });
  });

  app.get(
    assistantReadPaths.conversations,
    { ...opts, schema: { params: idParams, querystring: conversationsQuery, response: { 200: conversationsResponse } } },
    async (req) => {
      const businessId = req.params.id;
      await businessExists(businessId);
      const { phase, handedOver, limit } = req.query;
      const rows = await withAssistant(ctx.db, businessId, (tx) => {
        let q = conversationRows(tx, businessId);
        if (phase) q = q.where('c.phase', '=', phase);
        if (handedOver) q = q.where('c.handed_over', '=', handedOver === 'true');
        return q
          .orderBy(sql`c.last_message_at DESC NULLS LAST`)
          .orderBy('c.id', 'desc')
          .limit(limit)
          .execute();
      });
      return { conversations: rows.map((r) => conversationView(r)) };
    },
  );

  app.get(assistantReadPaths.conversation, { ...opts, schema: { params: conversationParams, response: { 200: conversationResponse } } }, async (req) => {
    const { id: businessId, conversationId } = req.params;
    const found = await readConversation(ctx, businessId, conversationId, maskPhone);
    if (!found) throw new CloudError('NOT_FOUND', 'No such conversation in this business.');
    return found;
  });

  app.get(assistantReadPaths.handovers, { ...opts, schema: { params: idParams, response: { 200: handoversResponse } } }, async (req) => {
    const businessId = req.params.id;
    await businessExists(businessId);
    // Open ones only, oldest first: the customer who has waited longest is served first.
    const rows = await withAssistant(ctx.db, businessId, (tx) =>
      tx
        .selectFrom('assistant_handovers')
        .selectAll()
        .where('business_id', '=', businessId)
        .where('returned_at', 'is', null)
        .orderBy('created_at')
        .orderBy('version')
        .limit(500)
        .execute(),
    );
    return { handovers: rows.map((h) => handoverView(h, new Map())) };
  });

  app.get(
    assistantReadPaths.analytics,
    { ...opts, schema: { params: idParams, querystring: analyticsQuery, response: { 200: analyticsResponse } } },
    async (req) => {
      const businessId = req.params.id;
      await businessExists(businessId);
      const range = defaultRange(ctx.now());
      const from = req.query.from ?? range.from;
      const to = req.query.to ?? range.to;
      if (from > to) throw new CloudError('VALIDATION_ERROR', 'from: must not be after to');
      return withAssistant(ctx.db, businessId, (tx) => assistantAnalytics(tx, businessId, from, to));
    },
  );

  app.get(assistantReadPaths.prompts, { ...opts, schema: { params: idParams, response: { 200: promptsResponse } } }, async (req) => {
    const businessId = req.params.id;
    await businessExists(businessId);
    const rows = await withAssistant(ctx.db, businessId, (tx) =>
      tx.selectFrom('assistant_prompts').selectAll().where('business_id', '=', businessId).orderBy('version', 'desc').execute(),
    );
    const names = await usernames(
      ctx,
      rows.map((r) => r.created_by),
    );
    const versions = rows.map((r) => ({
      version: r.version,
      basePrompt: r.base_prompt,
      businessProfile: r.business_profile,
      rules: r.rules,
      escalationCriteria: r.escalation_criteria,
      faq: Array.isArray(r.faq) ? (r.faq as { question: string; answer: string }[]) : [],
      createdAt: new Date(r.created_at).toISOString(),
      createdBy: r.created_by ? (names.get(r.created_by) ?? null) : null,
    }));
    // Until an admin writes the first version, the assistant runs on the built-in one (version 0).
    return { current: versions[0] ?? { ...DEFAULT_PROMPT, createdAt: null, createdBy: null }, versions };
  });
}
