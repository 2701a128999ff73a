-- Exports (seed 000 stage 9, its metrics: number of exports, file size, export errors): one row per
-- export, written when it ends — completed, failed or cancelled — by the export job.

CREATE TABLE export_history (
  id           TEXT PRIMARY KEY,
  report       TEXT NOT NULL,
  format       TEXT NOT NULL CHECK (format IN ('xlsx', 'csv')),
  file_name    TEXT NOT NULL,
  -- JSON: the report's filters (the list's search, filters and sort) as used.
  filters      TEXT NOT NULL DEFAULT '{}',
  -- JSON: columns, CSV separator and date style.
  options      TEXT NOT NULL DEFAULT '{}',
  rows         INTEGER NOT NULL DEFAULT 0,
  bytes        INTEGER NOT NULL DEFAULT 0,
  duration_ms  INTEGER NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('completed', 'failed', 'cancelled')),
  error        TEXT,
  user_id      TEXT REFERENCES users(id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  hlc          TEXT NOT NULL
);
CREATE INDEX idx_export_history_created ON export_history(created_at);
