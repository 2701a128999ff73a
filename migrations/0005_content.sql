-- Marketing content per segment (seed 000 stage 8, seed 002 content_cache, seed 003 prompt
-- versions and campaign codes): generated or template variants, every AI call's usage, the queue of
-- requests made while offline, who was contacted with what, and campaigns with their recipients.

CREATE TABLE ai_generated_content (
  id                 TEXT PRIMARY KEY,
  -- The variants of one request share a generation id; the cache returns them together.
  generation_id      TEXT NOT NULL,
  segment            TEXT NOT NULL,
  channel            TEXT NOT NULL CHECK (channel IN ('whatsapp', 'email', 'instagram', 'sms', 'banner')),
  tone               TEXT NOT NULL,
  language           TEXT NOT NULL CHECK (language IN ('id', 'en')),
  offer              TEXT,
  source             TEXT NOT NULL CHECK (source IN ('ai', 'template')),
  prompt_version     INTEGER NOT NULL,
  prompt_hash        TEXT NOT NULL,
  variant            INTEGER NOT NULL,
  subject            TEXT,
  body               TEXT NOT NULL,
  model              TEXT,
  -- The whole generation's figures, repeated on each of its variants (api_usage_logs counts once).
  prompt_tokens      INTEGER NOT NULL DEFAULT 0,
  completion_tokens  INTEGER NOT NULL DEFAULT 0,
  cost               REAL NOT NULL DEFAULT 0,
  latency_ms         INTEGER NOT NULL DEFAULT 0,
  status             TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
  user_id            TEXT REFERENCES users(id),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  deleted_at         TEXT,
  hlc                TEXT NOT NULL
);
CREATE INDEX idx_content_hash ON ai_generated_content(prompt_hash, created_at);
CREATE INDEX idx_content_list ON ai_generated_content(created_at) WHERE deleted_at IS NULL;

-- Every call to the AI provider, failed ones too. Cost in rupiah from the price table in Settings.
CREATE TABLE api_usage_logs (
  id                 TEXT PRIMARY KEY,
  provider           TEXT NOT NULL,
  model              TEXT NOT NULL,
  segment            TEXT,
  channel            TEXT,
  prompt_tokens      INTEGER NOT NULL DEFAULT 0,
  completion_tokens  INTEGER NOT NULL DEFAULT 0,
  cost               REAL NOT NULL DEFAULT 0,
  latency_ms         INTEGER NOT NULL DEFAULT 0,
  status             TEXT NOT NULL CHECK (status IN ('ok', 'error')),
  error_code         TEXT,
  user_id            TEXT REFERENCES users(id),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  hlc                TEXT NOT NULL
);
CREATE INDEX idx_usage_created ON api_usage_logs(created_at);

-- Requests made while the provider could not be reached, done when it can.
CREATE TABLE content_queue (
  id             TEXT PRIMARY KEY,
  request        TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('queued', 'done', 'failed')),
  attempts       INTEGER NOT NULL DEFAULT 0,
  last_error     TEXT,
  generation_id  TEXT,
  user_id        TEXT REFERENCES users(id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  hlc            TEXT NOT NULL
);
CREATE INDEX idx_queue_status ON content_queue(status, created_at);

CREATE TABLE campaigns (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  code         TEXT NOT NULL UNIQUE,
  segment      TEXT NOT NULL,
  channel      TEXT NOT NULL,
  content_id   TEXT REFERENCES ai_generated_content(id),
  start_date   TEXT NOT NULL,
  end_date     TEXT NOT NULL CHECK (end_date >= start_date),
  rfm_run_id   TEXT REFERENCES rfm_runs(id),
  recipients   INTEGER NOT NULL DEFAULT 0,
  user_id      TEXT REFERENCES users(id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT,
  hlc          TEXT NOT NULL
);

-- The segment's members when the campaign was made: who it was meant to reach.
CREATE TABLE campaign_recipients (
  campaign_id  TEXT NOT NULL REFERENCES campaigns(id),
  customer_id  TEXT NOT NULL REFERENCES customers(id),
  PRIMARY KEY (campaign_id, customer_id)
) WITHOUT ROWID;

CREATE TABLE customer_communications (
  id           TEXT PRIMARY KEY,
  customer_id  TEXT NOT NULL REFERENCES customers(id),
  channel      TEXT NOT NULL,
  content_id   TEXT REFERENCES ai_generated_content(id),
  campaign_id  TEXT REFERENCES campaigns(id),
  message      TEXT,
  sent_at      TEXT NOT NULL,
  user_id      TEXT REFERENCES users(id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  hlc          TEXT NOT NULL
);
CREATE INDEX idx_communications_customer ON customer_communications(customer_id, sent_at);
CREATE INDEX idx_communications_campaign ON customer_communications(campaign_id) WHERE campaign_id IS NOT NULL;
