-- An import is recorded in the outbox by one entry per table it fills, not one per row: op
-- 'import', entity the table, entity_id the upload's id. Its keys are those of the rows of that
-- table carrying that upload_id, which sync reads in their current state when it pushes, as it
-- reads any row. A million-row import thus adds a few bytes to the outbox instead of 150 MB, and a
-- shop that never syncs stops paying for every imported row twice. The entry is written before the
-- import's first row (so a later change of one of its rows comes after it, and a table's entry
-- after those of the tables it refers to) and takes the import's last clock when it commits.

CREATE TABLE outbox_next (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  op_id       TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  op          TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'restore', 'import')),
  hlc         TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
INSERT INTO outbox_next SELECT seq, op_id, entity, entity_id, op, hlc, created_at FROM outbox;
-- The next seq continues where the old table's would have, even past entries no longer there.
DELETE FROM sqlite_sequence WHERE name = 'outbox_next';
INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox_next', seq FROM sqlite_sequence WHERE name = 'outbox';
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
