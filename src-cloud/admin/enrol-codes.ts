import type { CloudDb } from '../db/connect';
import { enrolCodeHash, newEnrolCode } from '../auth/tokens';
import { CloudError } from '../server/errors';
import { ENROL_CODE_TTL_MS } from '../sync/enrol';

/** A one-time code for a business: shown once, stored only as its hash, valid 15 minutes. */
export async function issueEnrolCode(db: CloudDb, businessId: string, adminId: string | null, now: Date): Promise<{ code: string; expiresAt: string }> {
  const business = await db.selectFrom('businesses').select(['status']).where('id', '=', businessId).executeTakeFirst();
  if (!business) throw new CloudError('NOT_FOUND', 'No such business.');
  if (business.status === 'suspended') throw new CloudError('SUSPENDED', 'This shop is suspended; resume it before enrolling a device.');
  const code = newEnrolCode();
  const expiresAt = new Date(now.getTime() + ENROL_CODE_TTL_MS);
  await db
    .insertInto('enrol_codes')
    .values({ code_hash: enrolCodeHash(code), business_id: businessId, created_by: adminId, created_at: now, expires_at: expiresAt })
    .execute();
  return { code, expiresAt: expiresAt.toISOString() };
}
