import { v7 as uuidv7 } from 'uuid';
import { assertNotThrottled, clearFailures, recordFailure } from '../auth/throttle';
import { enrolCodeHash, newDeviceToken, sha256 } from '../auth/tokens';
import type { CloudDb } from '../db/connect';
import { scopeTo } from '../db/scope';
import { CloudError } from '../server/errors';

/** Wrong codes per address before it is locked out: 50-bit codes make guessing hopeless even without it. */
export const ENROL_THROTTLE = { limit: 10, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ENROL_CODE_TTL_MS = 15 * 60_000;

export interface EnrolResult {
  token: string;
  deviceId: string;
  businessId: string;
  businessName: string;
}

/** A code is used once: the UPDATE that marks it used is the only way to a business. */
export async function enrolDevice(db: CloudDb, input: { code: string; deviceName: string; appVersion: string }, ip: string, now: Date): Promise<EnrolResult> {
  const throttleKey = `enrol:${ip}`;
  await assertNotThrottled(db, throttleKey, now, 'Too many wrong codes from this address; wait 15 minutes.');
  const token = newDeviceToken();
  const deviceId = uuidv7();
  const result = await db.transaction().execute(async (tx) => {
    const code = await tx
      .updateTable('enrol_codes')
      .set({ used_at: now, device_id: deviceId })
      .where('code_hash', '=', enrolCodeHash(input.code))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('business_id')
      .executeTakeFirst();
    if (!code) return null;
    const business = await tx.selectFrom('businesses').select(['id', 'name', 'status']).where('id', '=', code.business_id).executeTakeFirstOrThrow();
    if (business.status === 'suspended') throw new CloudError('SUSPENDED', 'This shop is suspended in the cloud; contact the administrator.');
    await tx
      .insertInto('devices')
      .values({
        id: deviceId,
        business_id: business.id,
        name: input.deviceName,
        token_hash: sha256(token),
        app_version: input.appVersion,
        last_seen_at: now,
        created_at: now,
      })
      .execute();
    await scopeTo(tx, business.id);
    await tx.insertInto('sync_log').values({ business_id: business.id, device_id: deviceId, kind: 'enrol', at: now }).execute();
    return { token, deviceId, businessId: business.id, businessName: business.name };
  });
  if (!result) {
    await recordFailure(db, throttleKey, now, ENROL_THROTTLE);
    throw new CloudError('NOT_FOUND', 'This enrolment code is wrong, used or expired: ask the administrator for a new one.');
  }
  await clearFailures(db, throttleKey);
  return result;
}
