-- Leads are imported like customers (issue 22): an upload's kind may now be 'leads'. SQLite cannot
-- change a CHECK in place, so upload_history is rebuilt. Customers, products, sales and pending
-- orders point at it by upload_id: with the foreign keys deferred, dropping the old table counts
-- their references as broken and putting its rows back into the new one mends exactly those, so
-- the transaction commits only if every reference found its upload again.
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE upload_history_copy AS SELECT * FROM upload_history;

CREATE TABLE upload_history_next (
  id              TEXT PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('customers', 'transactions', 'products', 'leads')),
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

DROP TABLE upload_history;
ALTER TABLE upload_history_next RENAME TO upload_history;
INSERT INTO upload_history SELECT * FROM upload_history_copy;
DROP TABLE upload_history_copy;
CREATE INDEX idx_upload_history_created ON upload_history(created_at);
