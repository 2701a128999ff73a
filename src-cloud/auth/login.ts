import type { LoginRequest } from '../../src-shared/cloud/admin-api';
import { recordAudit } from '../admin/audit';
import type { CloudDb } from '../db/connect';
import { CloudError } from '../server/errors';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { startSession } from './sessions';
import { assertNotThrottled, clearFailures, recordFailure, type ThrottleRule } from './throttle';
import { useTotpCode } from './totp-use';

/** 5 failures in 15 minutes lock a username for 15 minutes, on every instance at once. */
export const LOGIN_RULE: ThrottleRule = { limit: 5, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 };
const LOCKED = 'Too many failed sign-ins for this username; try again later.';
const WRONG = 'Wrong username or password.';

export const loginThrottleKey = (username: string) => `login:${username.trim().toLowerCase()}`;

/** Checks the password (and TOTP when enabled) and opens a session: its token, for the cookie. */
export async function login(db: CloudDb, input: LoginRequest, ip: string | null, now: Date): Promise<{ token: string; adminId: string }> {
  const key = loginThrottleKey(input.username);
  await assertNotThrottled(db, key, now, LOCKED);
  const admin = await db
    .selectFrom('admins')
    .select(['id', 'password_hash', 'totp_secret', 'totp_enabled', 'disabled_at', 'username'])
    .where('username', '=', input.username.trim())
    .executeTakeFirst();
  // An unknown name costs the same argon2 verification as a known one: timing tells nothing.
  const passwordOk = await verifyPassword(admin?.password_hash ?? (await dummyPasswordHash()), input.password);
  const fail = async (reason: string) => {
    await recordFailure(db, key, now, LOGIN_RULE);
    await recordAudit(db, { adminId: admin?.id ?? null, action: 'login.failed', details: { username: input.username.trim().slice(0, 64), reason }, ip }, now);
    await assertNotThrottled(db, key, now, LOCKED);
    return new CloudError('UNAUTHENTICATED', WRONG);
  };
  if (!admin || admin.disabled_at || !passwordOk) throw await fail(!admin ? 'unknown_user' : admin.disabled_at ? 'disabled' : 'wrong_password');
  if (admin.totp_enabled && admin.totp_secret) {
    if (!input.totp) throw new CloudError('TOTP_REQUIRED', 'Enter the six-digit code from your authenticator app.');
    if (!(await useTotpCode(db, { id: admin.id, username: admin.username, secret: admin.totp_secret }, input.totp, now))) {
      await fail('wrong_totp');
      throw new CloudError('UNAUTHENTICATED', 'The authenticator code is wrong, expired or already used; wait for the next one.');
    }
  }
  await clearFailures(db, key);
  const token = await startSession(db, admin.id, now);
  await recordAudit(db, { adminId: admin.id, action: 'login.ok', details: { username: admin.username }, ip }, now);
  return { token, adminId: admin.id };
}
