import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
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
  type ConversationResponse,
  type HandoverView,
} from './console-schemas';
import { quotaSpent, readPrices, spendThisMonth } from './cost';
import { DEFAULT_PROMPT } from './prompt';
import { withAssistant, type AssistantTables, type AssistantTx } from './schema';

/**
 * A customer's number as the console shows it: the country and operator prefix and the last three
 * digits, enough to tell two conversations apart, not enough to write to the customer from a
 * screenshot. The number itself reaches the shop's laptop with the handover's lead.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 8) return '•'.repeat(digits.length);
  return `+${digits.slice(0, 5)}${'•'.repeat(digits.length - 8)}${digits.slice(-3)}`;
}

type HandoverRow = Selectable<AssistantTables['assistant_handovers']>;

async function usernames(ctx: CloudContext, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('admins').select(['admins.id', 'admins.username']).where('admins.id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.username]));
}

function handoverView(r: HandoverRow, names: Map<string, string>, showPhone: (phone: string) => string = maskPhone): HandoverView {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    phone: showPhone(r.phone),
    stage: r.stage,
    reason: r.reason,
    summary: r.summary,
    campaignCode: r.campaign_code,
    trigger: r.trigger_text,
    createdAt: new Date(r.created_at).toISOString(),
    returnedAt: r.returned_at?.toISOString() ?? null,
    returnedBy: r.returned_by ? (names.get(r.returned_by) ?? null) : null,
  };
}

/** Each conversation with its newest message and how many it has. */
export function conversationRows(tx: AssistantTx, businessId: string) {
  return tx
    .selectFrom('assistant_conversations as c')
    .selectAll('c')
    .select((eb) => [
      eb
        .selectFrom('assistant_messages as m')
        .select('m.body')
        .whereRef('m.conversation_id', '=', 'c.id')
        .where('m.business_id', '=', businessId)
        .orderBy('m.id', 'desc')
        .limit(1)
        .as('last_body'),
      eb
        .selectFrom('assistant_messages as m')
        .select('m.direction')
        .whereRef('m.conversation_id', '=', 'c.id')
        .where('m.business_id', '=', businessId)
        .orderBy('m.id', 'desc')
        .limit(1)
        .as('last_direction'),
      eb
        .selectFrom('assistant_messages as m')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('m.conversation_id', '=', 'c.id')
        .where('m.business_id', '=', businessId)
        .as('message_count'),
    ])
    .where('c.business_id', '=', businessId);
}

type ConversationRowDb = Awaited<ReturnType<ReturnType<typeof conversationRows>['execute']>>[number];
/** The console masks the number (`maskPhone`); the shop's own laptop gets it whole (device-routes.ts). */
export const conversationView = (r: ConversationRowDb, showPhone: (phone: string) => string = maskPhone) => ({
  id: r.id,
  phone: showPhone(r.phone),
  phase: r.phase,
  campaignCode: r.campaign_code,
  handedOver: r.handed_over,
  handoverReason: r.handover_reason,
  lastMessage: r.last_body ?? null,
  lastDirection: r.last_direction ?? null,
  lastMessageAt: r.last_message_at?.toISOString() ?? null,
  messages: Number(r.message_count ?? 0),
  createdAt: new Date(r.created_at).toISOString(),
});

/** One conversation of a business with its whole trail and handovers, or null when the business has no such conversation. */
export async function readConversation(
  ctx: CloudContext,
  businessId: string,
  conversationId: string,
  showPhone: (phone: string) => string,
): Promise<ConversationResponse | null> {
  const found = await withAssistant(ctx.db, businessId, async (tx) => {
    const row = await conversationRows(tx, businessId).where('c.id', '=', conversationId).executeTakeFirst();
    if (!row) return null;
    const messages = await tx
      .selectFrom('assistant_messages')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('conversation_id', '=', conversationId)
      .orderBy('id')
      .execute();
    const handovers = await tx
      .selectFrom('assistant_handovers')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('conversation_id', '=', conversationId)
      .orderBy('version')
      .execute();
    return { row, messages, handovers };
  });
  if (!found) return null;
  const names = await usernames(
    ctx,
    found.handovers.map((h) => h.returned_by),
  );
  return {
    conversation: { ...conversationView(found.row, showPhone), summary: found.row.summary, botPaused: found.row.bot_paused },
    messages: found.messages.map((m) => {
      const media = m.media as { type?: unknown; url?: unknown } | null;
      return {
        id: Number(m.id),
        direction: m.direction,
        body: m.body,
        at: new Date(m.created_at).toISOString(),
        media: media && typeof media.url === 'string' ? { type: String(media.type ?? 'file'), url: media.url } : null,
        campaignCode: m.campaign_code,
        ignoredCodes: Array.isArray(m.ignored_codes) ? (m.ignored_codes as string[]) : [],
        phaseBefore: m.phase_before,
        phaseAfter: m.phase_after,
        confidence: m.confidence === null ? null : Number(m.confidence),
        escalationTrigger: m.escalation_trigger,
        promptVersion: m.prompt_version,
        tokens: m.prompt_tokens === null && m.completion_tokens === null ? null : (m.prompt_tokens ?? 0) + (m.completion_tokens ?? 0),
        cost: m.cost_rupiah === null ? null : Number(m.cost_rupiah),
      };
    }),
    handovers: found.handovers.map((h) => handoverView(h, names, showPhone)),
  };
}

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
