-- The leads pipeline (seeds 003 and 004): people who asked but have not bought yet, the stages they
-- move through, what the team did with them, and the spend that brought them. Domain tables written
-- through the write helper like customers; they stay on the laptop until the cloud learns them.

-- Where a lead came from, normalised (seed 004 §10: UTM values map onto this list). `utm` holds the
-- lower-case utm_source / utm_medium values that mean this channel, as a JSON array.
CREATE TABLE lead_channels (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  utm         TEXT NOT NULL DEFAULT '[]',
  position    INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  hlc         TEXT NOT NULL
);
CREATE UNIQUE INDEX idx_lead_channels_name ON lead_channels(name COLLATE NOCASE) WHERE deleted_at IS NULL;

-- The stages, in board order, each with the chance a lead there closes. `kind` says which stage
-- ends a lead: won (converted) or lost (asks for a reason); every other stage is open.
CREATE TABLE lead_stages (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  probability  INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
  position     INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT,
  hlc          TEXT NOT NULL
);

-- The lowest stamp there is: the defaults lose to any edit, on this laptop or synced.
INSERT INTO lead_channels (id, name, utm, position, created_at, updated_at, hlc) VALUES
  ('organic',   'Organik',       '["organic","google","seo","direct"]',           1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '0000000000000000:0000:seed'),
  ('tiktok',    'TikTok Ads',    '["tiktok","tiktok_ads","tiktokads"]',           2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '0000000000000000:0000:seed'),
  ('instagram', 'Instagram Ads', '["instagram","ig","instagram_ads"]',            3, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '0000000000000000:0000:seed'),
  ('meta',      'Meta Ads',      '["facebook","fb","meta","meta_ads","cpc"]',     4, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '0000000000000000:0000:seed'),
  ('referral',  'Referral',      '["referral","referensi","teman"]',              5, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '0000000000000000:0000:seed'),
  ('event',     'Event',         '["event","pameran","expo"]',                    6, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '0000000000000000:0000:seed'),
  ('walkin',    'Walk-in',       '["walkin","walk-in","offline"]',                7, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '0000000000000000:0000:seed'),
  ('other',     'Lainnya',       '[]',                                            8, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '0000000000000000:0000:seed');

INSERT INTO lead_stages (id, name, probability, position, kind, created_at, updated_at, hlc) VALUES
  ('lead',      'Lead',      10,  1, 'open', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '0000000000000000:0000:seed'),
  ('follow_up', 'Follow-up', 25,  2, 'open', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '0000000000000000:0000:seed'),
  ('interest',  'Interest',  50,  3, 'open', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '0000000000000000:0000:seed'),
  ('booking',   'Booking',   80,  4, 'open', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '0000000000000000:0000:seed'),
  ('won',       'Won',      100,  5, 'won',  '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '0000000000000000:0000:seed'),
  ('lost',      'Lost',       0,  6, 'lost', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '0000000000000000:0000:seed');

CREATE TABLE leads (
  id                TEXT PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE,
  name              TEXT NOT NULL,
  -- School or company: seed 004 asks for "asal sekolah".
  organisation      TEXT,
  phone             TEXT,
  email             TEXT,
  city              TEXT,
  channel_id        TEXT REFERENCES lead_channels(id),
  utm_source        TEXT,
  utm_medium        TEXT,
  campaign_code     TEXT,
  interest          TEXT,
  value             INTEGER NOT NULL DEFAULT 0,
  owner_id          TEXT REFERENCES users(id),
  stage_id          TEXT NOT NULL REFERENCES lead_stages(id),
  stage_changed_at  TEXT NOT NULL,
  expected_close    TEXT,
  notes             TEXT,
  customer_id       TEXT REFERENCES customers(id),
  closed_at         TEXT,
  lost_reason       TEXT,
  upload_id         TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  deleted_at        TEXT,
  hlc               TEXT NOT NULL
);
-- One open lead per phone number: the same person asking twice is one lead.
CREATE UNIQUE INDEX idx_leads_phone ON leads(phone) WHERE phone IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX idx_leads_stage ON leads(stage_id, updated_at) WHERE deleted_at IS NULL;
CREATE INDEX idx_leads_owner ON leads(owner_id) WHERE deleted_at IS NULL;
CREATE INDEX idx_leads_created ON leads(created_at);
CREATE INDEX idx_leads_customer ON leads(customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX idx_leads_upload ON leads(upload_id) WHERE upload_id IS NOT NULL;

-- Every stage change, with who, when and why (a reason is asked for going back or to Lost).
CREATE TABLE lead_stage_changes (
  id             TEXT PRIMARY KEY,
  lead_id        TEXT NOT NULL REFERENCES leads(id),
  from_stage_id  TEXT REFERENCES lead_stages(id),
  to_stage_id    TEXT NOT NULL REFERENCES lead_stages(id),
  reason         TEXT,
  user_id        TEXT REFERENCES users(id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  hlc            TEXT NOT NULL
);
CREATE INDEX idx_lead_stage_changes_lead ON lead_stage_changes(lead_id, created_at);
CREATE INDEX idx_lead_stage_changes_created ON lead_stage_changes(created_at);

-- What the team did with a lead or a customer: a call, a chat, a meeting, a note, a WhatsApp sent;
-- its outcome, and the next action due on a day (and optionally a time) in the shop's time zone.
CREATE TABLE lead_activities (
  id           TEXT PRIMARY KEY,
  lead_id      TEXT REFERENCES leads(id),
  customer_id  TEXT REFERENCES customers(id),
  kind         TEXT NOT NULL CHECK (kind IN ('call', 'chat', 'meeting', 'note', 'whatsapp')),
  outcome      TEXT,
  next_action  TEXT,
  due_date     TEXT,
  due_time     TEXT,
  done_at      TEXT,
  assigned_to  TEXT REFERENCES users(id),
  user_id      TEXT REFERENCES users(id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT,
  hlc          TEXT NOT NULL,
  CHECK (lead_id IS NOT NULL OR customer_id IS NOT NULL)
);
CREATE INDEX idx_lead_activities_lead ON lead_activities(lead_id, created_at) WHERE lead_id IS NOT NULL;
CREATE INDEX idx_lead_activities_customer ON lead_activities(customer_id, created_at) WHERE customer_id IS NOT NULL;
-- Follow-ups still to do, by day: the reminders, the to-do list and the calendar read this.
CREATE INDEX idx_lead_activities_due ON lead_activities(due_date, assigned_to) WHERE due_date IS NOT NULL AND done_at IS NULL AND deleted_at IS NULL;
CREATE INDEX idx_lead_activities_created ON lead_activities(created_at);

-- Follow-ups this laptop has already announced (notification centre, OS notification): a reminder
-- fires once, also when the app was closed at the time it fell due. Local bookkeeping, not synced.
CREATE TABLE lead_reminders_sent (
  activity_id  TEXT PRIMARY KEY REFERENCES lead_activities(id),
  sent_at      TEXT NOT NULL
);

-- Ad spend per channel per month (seed 004 §3.1), giving cost per lead and per closing.
CREATE TABLE ad_spend (
  id          TEXT PRIMARY KEY,
  month       TEXT NOT NULL,
  channel_id  TEXT NOT NULL REFERENCES lead_channels(id),
  amount      INTEGER NOT NULL CHECK (amount >= 0),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  hlc         TEXT NOT NULL
);
CREATE UNIQUE INDEX idx_ad_spend_month_channel ON ad_spend(month, channel_id) WHERE deleted_at IS NULL;
