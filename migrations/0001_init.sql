-- Smart Marketing Agent: the first schema.
-- Conventions (see ARCHITECTURE.md): UUIDv7 text keys; money INTEGER in whole rupiah; calendar dates
-- 'YYYY-MM-DD' in the business time zone; instants ISO-8601 UTC; phones E.164; soft delete through
-- deleted_at; every domain row carries updated_at and the hybrid logical clock (hlc) of its last change.

CREATE TABLE business (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  type        TEXT,
  phone       TEXT,
  email       TEXT,
  address     TEXT,
  city        TEXT,
  currency    TEXT NOT NULL DEFAULT 'IDR',
  timezone    TEXT NOT NULL DEFAULT 'Asia/Jakarta',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  hlc         TEXT NOT NULL
);

CREATE TABLE users (
  id             TEXT PRIMARY KEY,
  username       TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  password_hash  TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
  language       TEXT NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  last_login_at  TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted_at     TEXT,
  hlc            TEXT NOT NULL
);

CREATE TABLE user_sessions (
  id            TEXT PRIMARY KEY,
  user_id       TEXT NOT NULL REFERENCES users(id),
  created_at    TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  locked_at     TEXT,
  ended_at      TEXT,
  end_reason    TEXT
);
CREATE INDEX idx_user_sessions_user ON user_sessions(user_id);

-- Failed logins per typed username (also for names that do not exist, so probing is throttled too).
CREATE TABLE login_attempts (
  username        TEXT PRIMARY KEY,
  failures        INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT,
  last_failed_at  TEXT
);

CREATE TABLE customers (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  phone       TEXT,
  email       TEXT,
  address     TEXT,
  city        TEXT,
  tags        TEXT NOT NULL DEFAULT '[]',
  notes       TEXT,
  source      TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  hlc         TEXT NOT NULL
);
-- The list's sort orders, over live rows only and ending in id (the tie-break), so a page deep in a
-- 100k list is read straight off the index. No plain index on deleted_at: without statistics the
-- planner would take it for the live-rows filter and sort 100k rows instead of walking these.
CREATE INDEX idx_customers_list_name ON customers(name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX idx_customers_list_city ON customers(city COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX idx_customers_list_created ON customers(created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX idx_customers_list_updated ON customers(updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX idx_customers_phone ON customers(phone);
CREATE INDEX idx_customers_email ON customers(email);

CREATE TABLE products (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  category    TEXT,
  price       INTEGER NOT NULL DEFAULT 0,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  hlc         TEXT NOT NULL
);
CREATE INDEX idx_products_name ON products(name COLLATE NOCASE);

CREATE TABLE transactions (
  id                TEXT PRIMARY KEY,
  customer_id       TEXT NOT NULL REFERENCES customers(id),
  transaction_date  TEXT NOT NULL CHECK (transaction_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  amount            INTEGER NOT NULL,
  items             TEXT NOT NULL DEFAULT '[]',
  channel           TEXT,
  campaign_code     TEXT,
  invoice_no        TEXT,
  notes             TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  deleted_at        TEXT,
  hlc               TEXT NOT NULL
);
-- Covering indexes. deleted_at is the last column, not a partial-index condition, because SQLite
-- only answers from an index alone when every column the query names is in it, and every
-- aggregate filters out deleted rows.
-- Per customer (detail page, RFM over a million rows):
CREATE INDEX idx_transactions_customer_date_amount ON transactions(customer_id, transaction_date, amount, deleted_at);
-- Per period (the list's default order, date filters, dashboard sums):
CREATE INDEX idx_transactions_date ON transactions(transaction_date, id, amount, deleted_at);
-- Optional columns: partial indexes cost nothing on the rows that leave them empty.
CREATE INDEX idx_transactions_invoice ON transactions(invoice_no) WHERE invoice_no IS NOT NULL;
CREATE INDEX idx_transactions_campaign ON transactions(campaign_code) WHERE campaign_code IS NOT NULL;

CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  hlc         TEXT NOT NULL
);

CREATE TABLE activity_logs (
  id          TEXT PRIMARY KEY,
  user_id     TEXT REFERENCES users(id),
  action      TEXT NOT NULL,
  entity      TEXT,
  entity_id   TEXT,
  details     TEXT,
  created_at  TEXT NOT NULL
);
CREATE INDEX idx_activity_logs_created ON activity_logs(created_at);

-- Keys only: sync reads each row's current state when it pushes. op_id (a UUIDv7, unique by
-- construction) is what the cloud deduplicates on; locally the outbox is only read in seq order,
-- so it carries no index of its own: every domain write pays for this table.
CREATE TABLE outbox (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  op_id       TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  op          TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'restore')),
  hlc         TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
