-- The WhatsApp assistant (issue 23): per business, opt-in, run by the cloud because a closed laptop
-- cannot receive messages. Every table is a shop table: business_id first, reached only through
-- src-cloud/db/scope.ts, and hidden from other scopes by row-level security (FORCE) as in 0001.

-- One row per business that set the assistant up. Secrets (*_enc) are AES-256-GCM sealed with the
-- server key SMA_ASSISTANT_KEY (src-cloud/assistant/secrets.ts): a dump of this table opens nothing.
CREATE TABLE assistant_settings (
  business_id           uuid PRIMARY KEY REFERENCES businesses(id),
  enabled               boolean NOT NULL DEFAULT false,
  waha_base_url         text NOT NULL,
  waha_session          text NOT NULL DEFAULT 'default',
  waha_api_key_enc      text,
  webhook_hmac_key_enc  text NOT NULL,
  model_base_url        text NOT NULL,
  model_name            text NOT NULL,
  model_api_key_enc     text,
  confidence_threshold  numeric NOT NULL DEFAULT 0.6 CHECK (confidence_threshold >= 0 AND confidence_threshold <= 1),
  -- Tokens the assistant may spend in a calendar month (Asia/Jakarta); null = no limit. The shop's
  -- rupiah quota (businesses.ai_monthly_quota) is counted on the laptop from its own price table.
  monthly_token_limit   bigint CHECK (monthly_token_limit IS NULL OR monthly_token_limit >= 0),
  updated_at            timestamptz NOT NULL DEFAULT now()
);

-- The packages a campaign code resolves to. Written for now through the console's admin route; the
-- laptop's products will push these fields through sync later (then this becomes a synced entity).
CREATE TABLE assistant_packages (
  business_id    uuid NOT NULL REFERENCES businesses(id),
  code           text NOT NULL CHECK (code ~ '^[A-Z0-9]+_[A-Z]{3}_[0-9]{4}_[A-Z0-9]+$'),
  name           text NOT NULL,
  price          bigint NOT NULL CHECK (price >= 0),
  start_date     date,
  end_date       date,
  quota_status   text NOT NULL DEFAULT 'available' CHECK (quota_status IN ('available', 'limited', 'full')),
  features       jsonb NOT NULL DEFAULT '[]',
  image_url      text,
  brochure_url   text,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (business_id, code)
);

-- The prompt parts, versioned: a new edit is a new row, so every answer names the version it used.
CREATE TABLE assistant_prompts (
  business_id          uuid NOT NULL REFERENCES businesses(id),
  version              integer NOT NULL CHECK (version > 0),
  base_prompt          text NOT NULL,
  business_profile     text NOT NULL,
  rules                text NOT NULL,
  escalation_criteria  text NOT NULL,
  faq                  jsonb NOT NULL DEFAULT '[]',
  created_by           uuid REFERENCES admins(id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (business_id, version)
);

-- One per customer's number: a returning number continues from its phase (never backwards).
CREATE TABLE assistant_conversations (
  id               uuid PRIMARY KEY,
  business_id      uuid NOT NULL REFERENCES businesses(id),
  phone            text NOT NULL,
  chat_id          text NOT NULL,
  phase            text NOT NULL DEFAULT 'LEADS' CHECK (phase IN ('LEADS', 'INTEREST', 'BOOKING')),
  campaign_code    text,
  handed_over      boolean NOT NULL DEFAULT false,
  handover_reason  text,
  bot_paused       boolean NOT NULL DEFAULT false,
  summary          text,
  last_message_at  timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (business_id, phone)
);

-- The audit trail: every message in and out. An incoming message's WhatsApp id is unique per
-- business, so a replayed webhook inserts nothing and is answered by nothing.
CREATE TABLE assistant_messages (
  id                  bigserial PRIMARY KEY,
  business_id         uuid NOT NULL REFERENCES businesses(id),
  conversation_id     uuid NOT NULL REFERENCES assistant_conversations(id),
  direction           text NOT NULL CHECK (direction IN ('in', 'out')),
  body                text NOT NULL,
  waha_id             text,
  media               jsonb,
  campaign_code       text,
  ignored_codes       jsonb,
  phase_before        text,
  phase_after         text,
  confidence          numeric,
  escalation_trigger  text,
  prompt_version      integer,
  prompt_tokens       integer,
  completion_tokens   integer,
  -- Incoming: when a reply (or a decision not to reply) covered it; null = still queued.
  handled_at          timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (business_id, waha_id)
);
CREATE INDEX assistant_messages_conversation ON assistant_messages(conversation_id, id);
CREATE INDEX assistant_messages_business_at ON assistant_messages(business_id, created_at) WHERE direction = 'out';

-- Handovers to a person. The laptop's sync pull will read these by version (like pushdowns) and turn
-- each into a lead (stage booking or follow_up, the summary, the campaign code) and a notification.
CREATE TABLE assistant_handovers (
  id               uuid PRIMARY KEY,
  version          bigserial UNIQUE,
  business_id      uuid NOT NULL REFERENCES businesses(id),
  conversation_id  uuid NOT NULL REFERENCES assistant_conversations(id),
  phone            text NOT NULL,
  stage            text NOT NULL CHECK (stage IN ('booking', 'follow_up')),
  reason           text NOT NULL CHECK (reason IN ('payment_intent', 'person_request', 'unknown_question', 'low_confidence', 'quota')),
  summary          text NOT NULL,
  campaign_code    text,
  trigger_text     text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  returned_at      timestamptz,
  returned_by      uuid REFERENCES admins(id)
);
CREATE INDEX assistant_handovers_business ON assistant_handovers(business_id, version);

ALTER TABLE assistant_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE assistant_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY business_scope ON assistant_settings USING (sma_scope_allows(business_id)) WITH CHECK (sma_scope_allows(business_id));
ALTER TABLE assistant_packages ENABLE ROW LEVEL SECURITY;
ALTER TABLE assistant_packages FORCE ROW LEVEL SECURITY;
CREATE POLICY business_scope ON assistant_packages USING (sma_scope_allows(business_id)) WITH CHECK (sma_scope_allows(business_id));
ALTER TABLE assistant_prompts ENABLE ROW LEVEL SECURITY;
ALTER TABLE assistant_prompts FORCE ROW LEVEL SECURITY;
CREATE POLICY business_scope ON assistant_prompts USING (sma_scope_allows(business_id)) WITH CHECK (sma_scope_allows(business_id));
ALTER TABLE assistant_conversations ENABLE ROW LEVEL SECURITY;
ALTER TABLE assistant_conversations FORCE ROW LEVEL SECURITY;
CREATE POLICY business_scope ON assistant_conversations USING (sma_scope_allows(business_id)) WITH CHECK (sma_scope_allows(business_id));
ALTER TABLE assistant_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE assistant_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY business_scope ON assistant_messages USING (sma_scope_allows(business_id)) WITH CHECK (sma_scope_allows(business_id));
ALTER TABLE assistant_handovers ENABLE ROW LEVEL SECURITY;
ALTER TABLE assistant_handovers FORCE ROW LEVEL SECURITY;
CREATE POLICY business_scope ON assistant_handovers USING (sma_scope_allows(business_id)) WITH CHECK (sma_scope_allows(business_id));
