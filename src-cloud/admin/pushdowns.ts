import type { Tx } from '../db/scope';
import type { CloudDb } from '../db/connect';
import { serverHlc } from '../sync/hlc';

/** A setting or announcement for the laptops (GET /api/sync/pull), for one business or (null) all. */
export async function addPushdown(
  db: CloudDb | Tx,
  input: { businessId: string | null; kind: 'setting' | 'announcement'; key: string; value: unknown; adminId: string },
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto('pushdowns')
    .values({
      business_id: input.businessId,
      kind: input.kind,
      key: input.key,
      value: JSON.stringify(input.value),
      hlc: serverHlc(now.getTime()),
      created_by: input.adminId,
      created_at: now,
    })
    .returning('version')
    .executeTakeFirstOrThrow();
  return Number(row.version);
}
