-- This laptop's node id for the hybrid logical clock (src-main/core/hlc.ts), kept so stamps name the
-- same device across restarts instead of a new random node per process. Each thread adds its own
-- suffix to it (the main thread and a job's worker may stamp in the same millisecond). Local only.
CREATE TABLE device_node (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  node  TEXT NOT NULL
);
INSERT INTO device_node (id, node) VALUES (1, lower(hex(randomblob(4))));
