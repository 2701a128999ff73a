-- Failed logins remember the client (window or browser) they came from, so that one client cannot
-- fill the table with made-up names: each client may have only a few names failing at once, and
-- the table's bound never pushes out a name that is locked.
ALTER TABLE login_attempts ADD COLUMN client_id TEXT;
CREATE INDEX idx_login_attempts_client ON login_attempts(client_id, last_failed_at);
