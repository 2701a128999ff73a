import { sql } from 'kysely';
import type { CloudDb } from '../db/connect';
import { totpStep } from './totp';

/**
 * Checks a code and spends it: a code (or an older one) already used by this admin is refused, so
 * one seen over a shoulder cannot sign in again within its 90 seconds. One statement, so two
 * instances receiving the same code at once let only one through.
 */
export async function useTotpCode(db: CloudDb, admin: { id: string; username: string; secret: string }, code: string, now: Date): Promise<boolean> {
  const step = totpStep(admin.secret, admin.username, code, now);
  if (step === null) return false;
  const spent = await sql<{ id: string }>`
    UPDATE admins SET totp_last_step = ${step}
    WHERE id = ${admin.id} AND (totp_last_step IS NULL OR totp_last_step < ${step}) RETURNING id`.execute(db);
  return spent.rows.length === 1;
}
