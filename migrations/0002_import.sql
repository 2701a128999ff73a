-- Imports: their history (seed 000 stage 3-4: upload_history with status processing|completed|failed),
-- remembered column mappings, and which import created each row (so an import can be undone).

CREATE TABLE upload_history (
  id              TEXT PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('customers', 'transactions', 'products')),
  file_name       TEXT NOT NULL,
  file_hash       TEXT NOT NULL,
  file_size       INTEGER NOT NULL,
  sheet           TEXT,
  status          TEXT NOT NULL CHECK (status IN ('processing', 'completed', 'failed', 'cancelled')),
  rows_total      INTEGER NOT NULL DEFAULT 0,
  rows_imported   INTEGER NOT NULL DEFAULT 0,
  rows_skipped    INTEGER NOT NULL DEFAULT 0,
  rows_failed     INTEGER NOT NULL DEFAULT 0,
  customers_created INTEGER NOT NULL DEFAULT 0,
  duration_ms     INTEGER,
  options         TEXT NOT NULL DEFAULT '{}',
  error           TEXT,
  user_id         TEXT REFERENCES users(id),
  created_at      TEXT NOT NULL,
  finished_at     TEXT,
  undone_at       TEXT,
  updated_at      TEXT NOT NULL,
  hlc             TEXT NOT NULL
);
CREATE INDEX idx_upload_history_created ON upload_history(created_at);

-- A mapping chosen by the user, reused for the next file with the same header layout.
CREATE TABLE import_mappings (
  kind        TEXT NOT NULL,
  signature   TEXT NOT NULL,
  mapping     TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (kind, signature)
);

ALTER TABLE customers ADD COLUMN upload_id TEXT REFERENCES upload_history(id);
ALTER TABLE transactions ADD COLUMN upload_id TEXT REFERENCES upload_history(id);
ALTER TABLE products ADD COLUMN upload_id TEXT REFERENCES upload_history(id);
-- No index on transactions.upload_id: every imported row would pay for it, and only the rare undo
-- reads it (a scan of a million rows takes a fraction of a second).
CREATE INDEX idx_customers_upload ON customers(upload_id) WHERE upload_id IS NOT NULL;
CREATE INDEX idx_products_upload ON products(upload_id) WHERE upload_id IS NOT NULL;
