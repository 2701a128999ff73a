import type { FastifyRequest } from 'fastify';
import { DEVICE_TOKEN_PREFIX } from '../../src-shared/sync/protocol';
import { sha256 } from '../auth/tokens';
import type { CloudDb } from '../db/connect';
import { CloudError } from '../server/errors';

/** Who is calling a sync route: always from the token, never from the request body. */
export interface DeviceIdentity {
  deviceId: string;
  businessId: string;
}

export function bearer(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice(7).trim() || null;
}

export async function authenticateDevice(db: CloudDb, req: FastifyRequest): Promise<DeviceIdentity> {
  const token = bearer(req);
  if (!token?.startsWith(DEVICE_TOKEN_PREFIX)) throw new CloudError('UNAUTHENTICATED', 'A device token is required: enrol this laptop first.');
  const row = await db
    .selectFrom('devices')
    .innerJoin('businesses', 'businesses.id', 'devices.business_id')
    .select(['devices.id', 'devices.business_id', 'devices.revoked_at', 'businesses.status'])
    .where('devices.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.revoked_at) throw new CloudError('UNAUTHENTICATED', 'This device is not enrolled (or was removed); enrol it again with a new code.');
  if (row.status === 'suspended') throw new CloudError('SUSPENDED', 'This shop is suspended in the cloud; contact the administrator.');
  return { deviceId: row.id, businessId: row.business_id };
}
