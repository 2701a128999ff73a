import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { readPrices, type ModelPrices } from './cost';
import { DEFAULT_PROMPT, type PromptParts } from './prompt';
import type { AssistantTx, HandoverReason, Phase, Provider } from './schema';
import { unseal } from './secrets';
import type { IncomingMessage } from './waha-webhook';

/** A business's assistant settings with its secrets opened (kept in memory only for one reply). */
export interface OpenSettings {
  businessId: string;
  enabled: boolean;
  provider: Provider;
  cloudApi: CloudApiSettings;
  wahaBaseUrl: string | null;
  wahaSession: string;
  wahaApiKey: string | null;
  webhookHmacKey: string;
  modelBaseUrl: string;
  modelName: string;
  modelApiKey: string | null;
  confidenceThreshold: number;
  monthlyTokenLimit: number | null;
  modelPrices: ModelPrices;
}

/** The Cloud API's part of the settings (0006), secrets opened. */
export interface CloudApiSettings {
  baseUrl: string;
  version: string;
  phoneNumberId: string | null;
  accessToken: string | null;
  appSecret: string | null;
  verifyToken: string | null;
}

/** The additional data a sealed field is bound to (secrets.ts): its business and its column. */
export const secretContext = (businessId: string, column: string) => `${businessId}:${column}`;

export async function loadSettings(tx: AssistantTx, businessId: string, key: Buffer): Promise<OpenSettings | null> {
  const row = await tx.selectFrom('assistant_settings').selectAll().where('business_id', '=', businessId).executeTakeFirst();
  if (!row) return null;
  const open = (
    column:
      | 'waha_api_key_enc'
      | 'webhook_hmac_key_enc'
      | 'model_api_key_enc'
      | 'cloud_api_access_token_enc'
      | 'cloud_api_app_secret_enc'
      | 'cloud_api_verify_token_enc',
  ) => {
    const value = row[column];
    return value === null ? null : unseal(key, value, secretContext(businessId, column));
  };
  return {
    businessId,
    enabled: row.enabled,
    provider: row.provider,
    cloudApi: {
      baseUrl: row.cloud_api_base_url,
      version: row.cloud_api_version,
      phoneNumberId: row.cloud_api_phone_number_id,
      accessToken: open('cloud_api_access_token_enc'),
      appSecret: open('cloud_api_app_secret_enc'),
      verifyToken: open('cloud_api_verify_token_enc'),
    },
    wahaBaseUrl: row.waha_base_url,
    wahaSession: row.waha_session,
    wahaApiKey: open('waha_api_key_enc'),
    webhookHmacKey: open('webhook_hmac_key_enc') ?? '',
    modelBaseUrl: row.model_base_url,
    modelName: row.model_name,
    modelApiKey: open('model_api_key_enc'),
    confidenceThreshold: Number(row.confidence_threshold),
    monthlyTokenLimit: row.monthly_token_limit === null ? null : Number(row.monthly_token_limit),
    modelPrices: readPrices(row.model_prices),
  };
}

export async function loadPrompt(tx: AssistantTx, businessId: string): Promise<PromptParts> {
  const row = await tx.selectFrom('assistant_prompts').selectAll().where('business_id', '=', businessId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return DEFAULT_PROMPT;
  return {
    version: row.version,
    basePrompt: row.base_prompt,
    businessProfile: row.business_profile,
    rules: row.rules,
    escalationCriteria: row.escalation_criteria,
    faq: Array.isArray(row.faq) ? (row.faq as PromptParts['faq']) : [],
  };
}

/**
 * Stores an incoming message under its conversation (made on a number's first message). Answers the
 * conversation's id and whether the message is new: a replayed delivery hits the unique WhatsApp id
 * and inserts nothing.
 */
export async function storeIncoming(
  tx: AssistantTx,
  businessId: string,
  message: IncomingMessage,
  now: Date,
): Promise<{ conversationId: string; fresh: boolean }> {
  const conversation = await tx
    .insertInto('assistant_conversations')
    .values({ id: uuidv7(), business_id: businessId, phone: message.phone, chat_id: message.chatId, created_at: now })
    .onConflict((oc) => oc.columns(['business_id', 'phone']).doUpdateSet({ chat_id: message.chatId }))
    .returning('id')
    .executeTakeFirstOrThrow();
  const inserted = await tx
    .insertInto('assistant_messages')
    .values({
      business_id: businessId,
      conversation_id: conversation.id,
      direction: 'in',
      body: message.body,
      waha_id: message.wahaId,
      media: message.media ? JSON.stringify(message.media) : null,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['business_id', 'waha_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) await tx.updateTable('assistant_conversations').set({ last_message_at: now }).where('id', '=', conversation.id).execute();
  return { conversationId: conversation.id, fresh: inserted !== undefined };
}

/** Tokens the assistant spent this calendar month (Asia/Jakarta), for the business's token limit: every model call (0007). */
export async function tokensThisMonth(tx: AssistantTx, businessId: string, now: Date): Promise<number> {
  const row = await sql<{ n: number | null }>`
    SELECT sum(prompt_tokens + completion_tokens) AS n FROM assistant_model_calls
    WHERE business_id = ${businessId}
      AND created_at >= date_trunc('month', ${now}::timestamptz AT TIME ZONE 'Asia/Jakarta') AT TIME ZONE 'Asia/Jakarta'`.execute(tx);
  return Number(row.rows[0]?.n ?? 0);
}

export interface Handover {
  reason: HandoverReason;
  trigger: string | null;
}

/** Advisory-lock namespace of one business's handover inserts (the key's other half is the business). */
const HANDOVER_LOCK = 7346023;

/**
 * Writes a handover for the laptop to pull. The laptop pages by version and keeps the last one it
 * applied, but a version is taken at insert and seen at commit: a run that took N and committed after
 * the run that took N+1 would be skipped for good. So one business's handover inserts wait for each
 * other until commit (a lock held to the end of the caller's transaction), and versions of a business
 * become visible in their order.
 */
export async function recordHandover(
  tx: AssistantTx,
  input: {
    businessId: string;
    conversationId: string;
    phone: string;
    phase: Phase;
    summary: string;
    campaignCode: string | null;
    handover: Handover;
    now: Date;
  },
): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${HANDOVER_LOCK}, hashtext(${input.businessId}))`.execute(tx);
  await tx
    .insertInto('assistant_handovers')
    .values({
      id: uuidv7(),
      business_id: input.businessId,
      conversation_id: input.conversationId,
      phone: input.phone,
      stage: input.phase === 'BOOKING' ? 'booking' : 'follow_up',
      reason: input.handover.reason,
      summary: input.summary,
      campaign_code: input.campaignCode,
      trigger_text: input.handover.trigger,
      created_at: input.now,
    })
    .execute();
}
