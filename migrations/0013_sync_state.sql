-- The sync client's own bookkeeping (src-main/sync/): which cloud this shop is enrolled with, how
-- far the cloud has acknowledged this device's log, and the changes the cloud rejected. Not domain
-- data: nothing here is synced, and a shop that never enrols has an empty table.

CREATE TABLE sync_state (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  server_url        TEXT NOT NULL,
  device_id         TEXT NOT NULL,
  business_id       TEXT NOT NULL,
  business_name     TEXT NOT NULL,
  -- The last position the cloud acknowledged: outbox seq, and the row id inside an import entry.
  acked_seq         INTEGER NOT NULL DEFAULT 0,
  acked_key         TEXT NOT NULL DEFAULT '',
  pull_cursor       INTEGER NOT NULL DEFAULT 0,
  paused            INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  enrolled_at       TEXT NOT NULL,
  last_attempt_at   TEXT,
  last_success_at   TEXT,
  last_error        TEXT,
  -- The cloud's clock minus this laptop's, from the last answer: a warning past a few minutes.
  clock_offset_ms   INTEGER,
  -- The last stamp of the outbox entries deleted once acknowledged: the clock resumes after the
  -- later of this and the outbox's own, so it never goes back when the outbox has been emptied.
  hlc_floor         TEXT
);

-- Changes the cloud refused (a row that fails its checks): shown in Settings, retried or dismissed.
CREATE TABLE sync_rejected (
  seq        INTEGER NOT NULL,
  key        TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT NOT NULL,
  reason     TEXT NOT NULL,
  at         TEXT NOT NULL,
  PRIMARY KEY (seq, key)
);
