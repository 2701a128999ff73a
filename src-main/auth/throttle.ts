import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** From the 5th failed login on, each attempt waits twice as long: 30 s, 60 s, 2 min … up to 15 min. */
export const FREE_ATTEMPTS = 4;
const BASE_SECONDS = 30;
const MAX_SECONDS = 15 * 60;

export function lockSeconds(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  return Math.min(BASE_SECONDS * 2 ** (failures - FREE_ATTEMPTS - 1), MAX_SECONDS);
}

/** Seconds the username must still wait, or 0. */
export async function secondsLocked(db: Kysely<Database>, username: string, now: Date): Promise<number> {
  const row = await db.selectFrom('login_attempts').select('locked_until').where('username', '=', username).executeTakeFirst();
  if (!row?.locked_until) return 0;
  return Math.max(0, Math.ceil((Date.parse(row.locked_until) - now.getTime()) / 1000));
}

/** Login attempts are local security state, not shop data: written directly, never synced. */
export async function recordFailure(db: Kysely<Database>, username: string, now: Date): Promise<number> {
  const row = await db.selectFrom('login_attempts').select('failures').where('username', '=', username).executeTakeFirst();
  const failures = (row?.failures ?? 0) + 1;
  const wait = lockSeconds(failures);
  const lockedUntil = wait > 0 ? new Date(now.getTime() + wait * 1000).toISOString() : null;
  await db
    .insertInto('login_attempts')
    .values({ username, failures, locked_until: lockedUntil, last_failed_at: now.toISOString() })
    .onConflict((oc) => oc.column('username').doUpdateSet({ failures, locked_until: lockedUntil, last_failed_at: now.toISOString() }))
    .execute();
  return failures;
}

export async function clearFailures(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('username', '=', username).execute();
}
