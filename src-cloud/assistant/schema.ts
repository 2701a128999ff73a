import type { ColumnType, Generated, Transaction } from 'kysely';
import type { CloudDb } from '../db/connect';
import { withBusiness } from '../db/scope';
import type { CloudDatabase } from '../db/schema';

/**
 * The assistant's tables (migrations-cloud/0003_assistant.sql) as kysely sees them. Kept beside the
 * assistant and joined onto the cloud's schema with `withTables`, so the engine reads them through the
 * same business-scoped transaction as every other shop table.
 */
type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;
type Num = ColumnType<number, number | undefined, number>;

export type Phase = 'LEADS' | 'INTEREST' | 'BOOKING';
export type Provider = 'waha' | 'cloud_api';
export type HandoverReason = 'payment_intent' | 'person_request' | 'unknown_question' | 'low_confidence' | 'quota';

// A type, not an interface: withTables needs an index-compatible record.
export type AssistantTables = {
  assistant_settings: {
    business_id: string;
    enabled: Generated<boolean>;
    /** Which gateway answers this shop (0006). */
    provider: ColumnType<Provider, Provider | undefined, Provider>;
    waha_base_url: string | null;
    waha_session: Generated<string>;
    waha_api_key_enc: string | null;
    webhook_hmac_key_enc: string | null;
    cloud_api_base_url: Generated<string>;
    cloud_api_version: Generated<string>;
    cloud_api_phone_number_id: string | null;
    cloud_api_access_token_enc: string | null;
    cloud_api_app_secret_enc: string | null;
    cloud_api_verify_token_enc: string | null;
    model_base_url: string;
    model_name: string;
    model_api_key_enc: string | null;
    confidence_threshold: Num;
    monthly_token_limit: ColumnType<number | null, number | null | undefined, number | null>;
    /** Rupiah per 1,000 tokens by model name (0005). */
    model_prices: Json;
    updated_at: Instant;
  };
  assistant_prompts: {
    business_id: string;
    version: number;
    base_prompt: string;
    business_profile: string;
    rules: string;
    escalation_criteria: string;
    faq: Json;
    created_by: string | null;
    created_at: Instant;
  };
  assistant_conversations: {
    id: string;
    business_id: string;
    phone: string;
    chat_id: string;
    phase: ColumnType<Phase, Phase | undefined, Phase>;
    campaign_code: string | null;
    handed_over: Generated<boolean>;
    handover_reason: string | null;
    bot_paused: Generated<boolean>;
    summary: string | null;
    last_message_at: Date | null;
    /** The running instance's lease on the conversation (0007); null = no run. */
    run_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    created_at: Instant;
  };
  assistant_messages: {
    id: Generated<number>;
    business_id: string;
    conversation_id: string;
    direction: 'in' | 'out';
    body: string;
    waha_id: string | null;
    media: Json | null;
    campaign_code: string | null;
    ignored_codes: Json | null;
    phase_before: Phase | null;
    phase_after: Phase | null;
    confidence: number | null;
    escalation_trigger: string | null;
    prompt_version: number | null;
    prompt_tokens: number | null;
    completion_tokens: number | null;
    /** Rupiah, priced when the call was made (0005). */
    cost_rupiah: ColumnType<number | null, number | null | undefined, number | null>;
    handled_at: Date | null;
    created_at: Instant;
  };
  /** One row per model call, whatever became of its answer: what the month's usage is counted from (0007). */
  assistant_model_calls: {
    id: Generated<number>;
    business_id: string;
    conversation_id: string;
    model: string;
    prompt_tokens: number;
    completion_tokens: number;
    cost_rupiah: ColumnType<number | null, number | null | undefined, number | null>;
    failure: string | null;
    created_at: Instant;
  };
  assistant_handovers: {
    id: string;
    version: Generated<number>;
    business_id: string;
    conversation_id: string;
    phone: string;
    stage: 'booking' | 'follow_up';
    reason: HandoverReason;
    summary: string;
    campaign_code: string | null;
    trigger_text: string | null;
    created_at: Instant;
    returned_at: Date | null;
    returned_by: string | null;
  };
};

export type AssistantTx = Transaction<CloudDatabase & AssistantTables>;

/** withBusiness, with the assistant's tables typed. */
export function withAssistant<T>(db: CloudDb, businessId: string, work: (tx: AssistantTx) => Promise<T>): Promise<T> {
  return withBusiness(db, businessId, (tx) => work(tx.withTables<AssistantTables>()));
}
