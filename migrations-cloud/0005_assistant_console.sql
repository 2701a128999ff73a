-- The console's assistant pages (issue 23): what the assistant's tokens cost in rupiah, counted
-- against the shop's AI quota (businesses.ai_monthly_quota, rupiah per month).

-- Rupiah per 1,000 tokens, per model name: {"gpt-4o-mini": 2.5}. A model missing here costs nothing,
-- which the console says beside the usage.
ALTER TABLE assistant_settings ADD COLUMN model_prices jsonb NOT NULL DEFAULT '{}';

-- What a reply's model call cost, priced when it was made: a later price change does not rewrite the
-- month already spent. Set on the message that carries the call's tokens.
ALTER TABLE assistant_messages ADD COLUMN cost_rupiah numeric CHECK (cost_rupiah IS NULL OR cost_rupiah >= 0);

-- Who handed a conversation back is already on the handover; the console's queue reads open ones
-- oldest first per shop.
CREATE INDEX assistant_handovers_open ON assistant_handovers(business_id, created_at) WHERE returned_at IS NULL;
