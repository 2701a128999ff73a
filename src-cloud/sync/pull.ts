import { sql } from 'kysely';
import type { PullResponse } from '../../src-shared/sync/protocol';
import type { CloudDb } from '../db/connect';
import type { DeviceIdentity } from './device-auth';

const PULL_PAGE = 500;

/** Settings and announcements for this shop (or for every shop) newer than the client's cursor. */
export async function pullChanges(db: CloudDb, device: DeviceIdentity, cursor: number, now: Date): Promise<PullResponse> {
  const rows = await db
    .selectFrom('pushdowns')
    .select(['version', 'kind', 'key', 'value', 'hlc', 'created_at'])
    .where('version', '>', String(cursor))
    .where((eb) => eb.or([eb('business_id', 'is', null), eb('business_id', '=', device.businessId)]))
    .orderBy('version')
    .limit(PULL_PAGE)
    .execute();
  await db.updateTable('devices').set({ last_seen_at: now }).where('id', '=', device.deviceId).execute();
  const items = rows.map((r) => ({ version: Number(r.version), kind: r.kind, key: r.key, value: r.value, hlc: r.hlc, createdAt: r.created_at.toISOString() }));
  return { cursor: items.at(-1)?.version ?? cursor, items, serverTime: now.toISOString() };
}

/** The highest version there is, for tests and the console. */
export async function latestPushdown(db: CloudDb): Promise<number> {
  const row = await sql<{ v: number | null }>`SELECT max(version) AS v FROM pushdowns`.execute(db);
  return Number(row.rows[0]?.v ?? 0);
}
