-- The admin cloud's first schema (PostgreSQL). Shop rows carry business_id and are reachable only
-- through a transaction scoped to one business (src-cloud/db/scope.ts); row-level security below
-- enforces the same as a second wall, for the table owner too (FORCE).

-- True when the current transaction is scoped to this business, or to every business (the super
-- admin's console). Unset settings read as '' and match nothing.
CREATE FUNCTION sma_scope_allows(b uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('sma.all_businesses', true), '') = 'on'
      OR b = nullif(current_setting('sma.business_id', true), '')::uuid
$$;

CREATE TABLE admins (
  id             uuid PRIMARY KEY,
  username       text NOT NULL UNIQUE,
  name           text NOT NULL,
  password_hash  text NOT NULL,
  role           text NOT NULL CHECK (role IN ('super_admin', 'support')),
  totp_secret    text,
  totp_enabled   boolean NOT NULL DEFAULT false,
  language       text NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  disabled_at    timestamptz
);

-- Only the SHA-256 of a session token is kept: a dump of this table opens nothing.
CREATE TABLE admin_sessions (
  token_hash    bytea PRIMARY KEY,
  admin_id      uuid NOT NULL REFERENCES admins(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ended_at      timestamptz
);
CREATE INDEX admin_sessions_admin ON admin_sessions(admin_id);

-- Failed attempts per key (a typed username, or an address for enrolment codes), in the database so
-- every instance behind a load balancer counts the same.
CREATE TABLE throttle (
  key             text PRIMARY KEY,
  failures        integer NOT NULL DEFAULT 0,
  window_start    timestamptz NOT NULL DEFAULT now(),
  locked_until    timestamptz
);

CREATE TABLE businesses (
  id                uuid PRIMARY KEY,
  name              text NOT NULL,
  city              text,
  owner_name        text,
  phone             text,
  status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  ai_monthly_quota  integer,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE enrol_codes (
  code_hash    bytea PRIMARY KEY,
  business_id  uuid NOT NULL REFERENCES businesses(id),
  created_by   uuid REFERENCES admins(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz,
  device_id    uuid
);
CREATE INDEX enrol_codes_business ON enrol_codes(business_id);

-- A device's position in its own log: the last (seq, key) applied, advanced in the same transaction
-- as the rows it stands for.
CREATE TABLE devices (
  id            uuid PRIMARY KEY,
  business_id   uuid NOT NULL REFERENCES businesses(id),
  name          text NOT NULL,
  token_hash    bytea NOT NULL UNIQUE,
  app_version   text,
  last_seq      bigint NOT NULL DEFAULT 0,
  last_key      text NOT NULL DEFAULT '',
  pending       integer NOT NULL DEFAULT 0,
  last_seen_at  timestamptz,
  last_push_at  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz
);
CREATE INDEX devices_business ON devices(business_id);

CREATE TABLE sync_log (
  id            bigserial PRIMARY KEY,
  business_id   uuid NOT NULL REFERENCES businesses(id),
  device_id     uuid REFERENCES devices(id),
  at            timestamptz NOT NULL DEFAULT now(),
  kind          text NOT NULL CHECK (kind IN ('enrol', 'push', 'pull', 'snapshot', 'gap')),
  ops           integer NOT NULL DEFAULT 0,
  applied       integer NOT NULL DEFAULT 0,
  skipped       integer NOT NULL DEFAULT 0,
  rejected      integer NOT NULL DEFAULT 0,
  acked_seq     bigint,
  duration_ms   integer
);
CREATE INDEX sync_log_business_at ON sync_log(business_id, at DESC);

CREATE TABLE rejected_ops (
  id           bigserial PRIMARY KEY,
  business_id  uuid NOT NULL REFERENCES businesses(id),
  device_id    uuid NOT NULL REFERENCES devices(id),
  seq          bigint NOT NULL,
  key          text NOT NULL,
  entity       text NOT NULL,
  entity_id    text NOT NULL,
  reason       text NOT NULL,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rejected_ops_business ON rejected_ops(business_id, at DESC);

-- Shop rows. hlc and device_id decide last-writer-wins; the rest mirrors the laptop's row.
CREATE TABLE customers (
  business_id       uuid NOT NULL REFERENCES businesses(id),
  id                uuid NOT NULL,
  code              text NOT NULL,
  name              text NOT NULL,
  phone             text,
  email             text,
  address           text,
  city              text,
  tags              jsonb NOT NULL DEFAULT '[]',
  notes             text,
  source            text,
  channel_identity  text,
  created_at        text NOT NULL,
  updated_at        text NOT NULL,
  deleted_at        text,
  hlc               text NOT NULL,
  device_id         uuid NOT NULL,
  PRIMARY KEY (business_id, id)
);

CREATE TABLE products (
  business_id  uuid NOT NULL REFERENCES businesses(id),
  id           uuid NOT NULL,
  code         text NOT NULL,
  name         text NOT NULL,
  category     text,
  price        bigint NOT NULL,
  active       boolean NOT NULL,
  created_at   text NOT NULL,
  updated_at   text NOT NULL,
  deleted_at   text,
  hlc          text NOT NULL,
  device_id    uuid NOT NULL,
  PRIMARY KEY (business_id, id)
);

CREATE TABLE transactions (
  business_id       uuid NOT NULL REFERENCES businesses(id),
  id                uuid NOT NULL,
  customer_id       uuid NOT NULL,
  transaction_date  date NOT NULL,
  amount            bigint NOT NULL,
  items             jsonb NOT NULL DEFAULT '[]',
  channel           text,
  campaign_code     text,
  invoice_no        text,
  notes             text,
  created_at        text NOT NULL,
  updated_at        text NOT NULL,
  deleted_at        text,
  hlc               text NOT NULL,
  device_id         uuid NOT NULL,
  PRIMARY KEY (business_id, id)
);
CREATE INDEX transactions_business_date ON transactions(business_id, transaction_date) INCLUDE (amount, customer_id) WHERE deleted_at IS NULL;

-- The other synced entities (business profile, settings, RFM runs, campaigns, AI usage) as JSON: the
-- console reads a few fields of them and nothing joins on them.
CREATE TABLE shop_records (
  business_id  uuid NOT NULL REFERENCES businesses(id),
  entity       text NOT NULL,
  id           text NOT NULL,
  data         jsonb NOT NULL,
  deleted      boolean NOT NULL DEFAULT false,
  hlc          text NOT NULL,
  device_id    uuid NOT NULL,
  PRIMARY KEY (business_id, entity, id)
);

-- Settings and announcements the console sends down, for one business or (business_id null) all.
CREATE TABLE pushdowns (
  version      bigserial PRIMARY KEY,
  business_id  uuid REFERENCES businesses(id),
  kind         text NOT NULL CHECK (kind IN ('setting', 'announcement')),
  key          text NOT NULL,
  value        jsonb NOT NULL,
  hlc          text NOT NULL,
  created_by   uuid REFERENCES admins(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  admin_id     uuid REFERENCES admins(id),
  action       text NOT NULL,
  business_id  uuid,
  details      jsonb NOT NULL DEFAULT '{}',
  ip           text,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_at ON audit_log(at DESC);

-- The second wall: shop data is visible only inside a transaction scoped to its business.
ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE customers FORCE ROW LEVEL SECURITY;
CREATE POLICY business_scope ON customers USING (sma_scope_allows(business_id)) WITH CHECK (sma_scope_allows(business_id));
ALTER TABLE products ENABLE ROW LEVEL SECURITY;
ALTER TABLE products FORCE ROW LEVEL SECURITY;
CREATE POLICY business_scope ON products USING (sma_scope_allows(business_id)) WITH CHECK (sma_scope_allows(business_id));
ALTER TABLE transactions ENABLE ROW LEVEL SECURITY;
ALTER TABLE transactions FORCE ROW LEVEL SECURITY;
CREATE POLICY business_scope ON transactions USING (sma_scope_allows(business_id)) WITH CHECK (sma_scope_allows(business_id));
ALTER TABLE shop_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE shop_records FORCE ROW LEVEL SECURITY;
CREATE POLICY business_scope ON shop_records USING (sma_scope_allows(business_id)) WITH CHECK (sma_scope_allows(business_id));
ALTER TABLE sync_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_log FORCE ROW LEVEL SECURITY;
CREATE POLICY business_scope ON sync_log USING (sma_scope_allows(business_id)) WITH CHECK (sma_scope_allows(business_id));
ALTER TABLE rejected_ops ENABLE ROW LEVEL SECURITY;
ALTER TABLE rejected_ops FORCE ROW LEVEL SECURITY;
CREATE POLICY business_scope ON rejected_ops USING (sma_scope_allows(business_id)) WITH CHECK (sma_scope_allows(business_id));
