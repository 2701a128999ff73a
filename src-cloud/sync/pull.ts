import { sql } from 'kysely';
import { PULL_HANDOVERS_PAGE, type PullResponse } from '../../src-shared/sync/protocol';
import { handoversSince } from '../assistant/handovers';
import type { CloudDb } from '../db/connect';
import type { DeviceIdentity } from './device-auth';

const PULL_PAGE = 500;

/**
 * Settings and announcements for this shop (or for every shop) newer than the client's cursor, and,
 * when the laptop asks with its own cursor, its shop's assistant handovers after it: read in a
 * transaction scoped to the device's business, so row-level security hides every other shop's.
 */
export async function pullChanges(db: CloudDb, device: DeviceIdentity, cursor: number, now: Date, handoverCursor?: number): Promise<PullResponse> {
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
  const handovers = handoverCursor === undefined ? undefined : await pulledHandovers(db, device.businessId, handoverCursor);
  return { cursor: items.at(-1)?.version ?? cursor, items, ...(handovers && { handovers }), serverTime: now.toISOString() };
}

async function pulledHandovers(db: CloudDb, businessId: string, after: number): Promise<NonNullable<PullResponse['handovers']>> {
  const rows = await handoversSince(db, businessId, after, PULL_HANDOVERS_PAGE);
  // What the laptop needs for its lead; the conversation and a hand-back stay in the cloud.
  const items = rows.map((h) => ({
    version: h.version,
    id: h.id,
    phone: h.phone,
    stage: h.stage,
    reason: h.reason,
    summary: h.summary,
    campaignCode: h.campaignCode,
    createdAt: h.createdAt,
  }));
  return { cursor: items.at(-1)?.version ?? after, items };
}

/** The highest version there is, for tests and the console. */
export async function latestPushdown(db: CloudDb): Promise<number> {
  const row = await sql<{ v: number | null }>`SELECT max(version) AS v FROM pushdowns`.execute(db);
  return Number(row.rows[0]?.v ?? 0);
}
