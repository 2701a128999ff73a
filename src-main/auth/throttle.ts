import type { Sqlite } from '../db/open';

/** From the 5th failed login on, each attempt waits twice as long: 30 s, 60 s, 2 min … up to 15 min. */
export const FREE_ATTEMPTS = 4;
const BASE_SECONDS = 30;
const MAX_SECONDS = 15 * 60;
/** A name's failures are forgotten a day after its last one, and the table never holds more names than this. */
const FORGET_AFTER_MS = 24 * 3600 * 1000;
export const MAX_TRACKED_NAMES = 1000;
/**
 * One client (a window, a browser) may have this many names failing within CLIENT_WINDOW_MS; a
 * further name waits out the window. A person mistypes one or two names; a client trying many is
 * guessing them, or filling the table to push a locked name out.
 */
export const MAX_NAMES_PER_CLIENT = 20;
const CLIENT_WINDOW_MS = 15 * 60 * 1000;

export function lockSeconds(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  return Math.min(BASE_SECONDS * 2 ** (failures - FREE_ATTEMPTS - 1), MAX_SECONDS);
}

export type Reservation = { ok: true; failures: number } | { ok: false; waitSeconds: number };

/**
 * Takes one password check for this username, counted as a failure until it succeeds
 * (clearFailures). Reading the lock and counting the attempt happen in one synchronous SQLite
 * transaction, before the slow argon2 verify: parallel requests cannot all pass the check while
 * the first verifications are still running, so at most FREE_ATTEMPTS + 1 checks run per lock
 * window however the requests arrive. Login attempts are local security state, not shop data:
 * written directly, never synced.
 */
export function reserveAttempt(sqlite: Sqlite, username: string, clientId: string, now: Date): Reservation {
  return sqlite
    .transaction((): Reservation => {
      forgetOld(sqlite, now);
      const row = sqlite.prepare('SELECT failures, locked_until FROM login_attempts WHERE username = ?').get(username) as
        { failures: number; locked_until: string | null } | undefined;
      const waitMs = row?.locked_until ? Date.parse(row.locked_until) - now.getTime() : 0;
      if (waitMs > 0) return { ok: false, waitSeconds: Math.ceil(waitMs / 1000) };
      if (!row) {
        const since = new Date(now.getTime() - CLIENT_WINDOW_MS).toISOString();
        const names = sqlite
          .prepare('SELECT COUNT(*) AS n, MIN(last_failed_at) AS oldest FROM login_attempts WHERE client_id = ? AND last_failed_at >= ?')
          .get(clientId, since) as { n: number; oldest: string | null };
        if (names.n >= MAX_NAMES_PER_CLIENT)
          return { ok: false, waitSeconds: Math.max(1, Math.ceil((Date.parse(names.oldest!) + CLIENT_WINDOW_MS - now.getTime()) / 1000)) };
      }
      const failures = (row?.failures ?? 0) + 1;
      const wait = lockSeconds(failures);
      const lockedUntil = wait > 0 ? new Date(now.getTime() + wait * 1000).toISOString() : null;
      sqlite
        .prepare(
          `INSERT INTO login_attempts (username, failures, locked_until, last_failed_at, client_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, last_failed_at = excluded.last_failed_at, client_id = excluded.client_id`,
        )
        .run(username, failures, lockedUntil, now.toISOString(), clientId);
      return { ok: true, failures };
    })
    .immediate();
}

/**
 * Unknown names would otherwise stay forever: expired ones go, and past the bound the oldest that
 * are not locked (a lock is never pushed out by other names; locks are few, as each client may
 * fail on only MAX_NAMES_PER_CLIENT names at once).
 */
function forgetOld(sqlite: Sqlite, now: Date): void {
  const at = now.toISOString();
  const before = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
  sqlite.prepare('DELETE FROM login_attempts WHERE last_failed_at < ? AND (locked_until IS NULL OR locked_until < ?)').run(before, at);
  sqlite
    .prepare(
      `DELETE FROM login_attempts WHERE username IN (
         SELECT username FROM login_attempts WHERE locked_until IS NULL OR locked_until < ? ORDER BY last_failed_at DESC LIMIT -1 OFFSET ?)`,
    )
    .run(at, MAX_TRACKED_NAMES - 1);
}

export function clearFailures(sqlite: Sqlite, username: string): void {
  sqlite.prepare('DELETE FROM login_attempts WHERE username = ?').run(username);
}
