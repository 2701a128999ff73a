import { sql } from 'kysely';
import type { CloudDb } from '../db/connect';
import { CloudError } from '../server/errors';

/**
 * Failure counting in PostgreSQL, so every instance behind a load balancer sees the same count:
 * after `limit` failures inside `windowMs` the key is locked for `lockMs`.
 */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
  lockMs: number;
}

export async function assertNotThrottled(db: CloudDb, key: string, now: Date, message: string): Promise<void> {
  const row = await db.selectFrom('throttle').select('locked_until').where('key', '=', key).executeTakeFirst();
  if (row?.locked_until && row.locked_until > now) {
    const seconds = Math.ceil((row.locked_until.getTime() - now.getTime()) / 1000);
    throw new CloudError('THROTTLED', message, { retryAfterSeconds: seconds });
  }
}

export async function recordFailure(db: CloudDb, key: string, now: Date, rule: ThrottleRule): Promise<void> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  // One statement, so two instances counting the same key at once both count.
  await sql`
    INSERT INTO throttle (key, failures, window_start) VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN throttle.window_start < ${windowStart} THEN 1 ELSE throttle.failures + 1 END,
      window_start = CASE WHEN throttle.window_start < ${windowStart} THEN ${now} ELSE throttle.window_start END,
      locked_until = CASE
        WHEN throttle.window_start >= ${windowStart} AND throttle.failures + 1 >= ${rule.limit}
        THEN ${new Date(now.getTime() + rule.lockMs)} ELSE throttle.locked_until END`.execute(db);
}

export async function clearFailures(db: CloudDb, key: string): Promise<void> {
  await db.deleteFrom('throttle').where('key', '=', key).execute();
}
