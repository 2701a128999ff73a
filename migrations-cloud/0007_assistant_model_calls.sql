-- The assistant's usage, one row per model call (issue 23). A call is paid for whatever became of its
-- answer: an empty reply, an answer that failed its checks, a reply the gateway could not deliver.
-- Counting tokens off the outgoing messages missed all of those, so the month's token limit and the
-- shop's rupiah quota are counted here instead. Written right after the call, before anything is sent.
CREATE TABLE assistant_model_calls (
  id                 bigserial PRIMARY KEY,
  business_id        uuid NOT NULL REFERENCES businesses(id),
  conversation_id    uuid NOT NULL REFERENCES assistant_conversations(id),
  model              text NOT NULL,
  prompt_tokens      integer NOT NULL CHECK (prompt_tokens >= 0),
  completion_tokens  integer NOT NULL CHECK (completion_tokens >= 0),
  -- Rupiah, priced when the call was made (as in 0005); null when the model has no price.
  cost_rupiah        numeric CHECK (cost_rupiah IS NULL OR cost_rupiah >= 0),
  -- Why the answer was not used, when it was not (timeout, failed checks); null = answered.
  failure            text,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assistant_model_calls_business_at ON assistant_model_calls(business_id, created_at);

-- The calls made before this table, as their replies' first messages recorded them: the month
-- already spent stays spent.
INSERT INTO assistant_model_calls (business_id, conversation_id, model, prompt_tokens, completion_tokens, cost_rupiah, created_at)
SELECT m.business_id, m.conversation_id, coalesce(s.model_name, ''), coalesce(m.prompt_tokens, 0), coalesce(m.completion_tokens, 0), m.cost_rupiah, m.created_at
FROM assistant_messages m LEFT JOIN assistant_settings s ON s.business_id = m.business_id
WHERE m.direction = 'out' AND (coalesce(m.prompt_tokens, 0) + coalesce(m.completion_tokens, 0) > 0 OR coalesce(m.cost_rupiah, 0) > 0);

ALTER TABLE assistant_model_calls ENABLE ROW LEVEL SECURITY;
ALTER TABLE assistant_model_calls FORCE ROW LEVEL SECURITY;
CREATE POLICY business_scope ON assistant_model_calls USING (sma_scope_allows(business_id)) WITH CHECK (sma_scope_allows(business_id));

-- One run at a time per conversation across instances: a run holds this lease from its claim to its
-- last send, and a second instance that finds it held leaves its messages to the holder, which answers
-- them before letting go. A crashed holder's lease lapses; the conversation's next message runs again.
ALTER TABLE assistant_conversations ADD COLUMN run_until timestamptz;
