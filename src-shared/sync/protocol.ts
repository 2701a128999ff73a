import { z } from 'zod';
import { syncedEntityNames } from './entities';

/**
 * The sync protocol between a laptop and the admin cloud (docs/SYNC.md), the one definition both
 * sides parse with. Every object is strict: an unknown field is an error, not something ignored.
 */

/** Limits of one push: the client batches under them, the server refuses anything over. */
export const PUSH_MAX_OPS = 500;
export const PUSH_MAX_BYTES = 1024 * 1024;
/** A stamp further than this in the server's future is clamped to the server's clock. */
export const MAX_CLOCK_DRIFT_MS = 5 * 60 * 1000;
/** Device tokens carry this prefix so a leak scan can recognise them. */
export const DEVICE_TOKEN_PREFIX = 'smadev_';

/**
 * Where an op sits in a device's log: the outbox seq, and for the rows an import entry stands for,
 * the row's id (they are sent in id order, so a resend resumes inside an import). An ordinary entry
 * has key ''. Positions compare by seq, then key.
 */
export const syncPosition = z.strictObject({
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  key: z.string().max(64),
});
export type SyncPosition = z.infer<typeof syncPosition>;
export const START: SyncPosition = { seq: 0, key: '' };

export function comparePositions(a: SyncPosition, b: SyncPosition): number {
  if (a.seq !== b.seq) return a.seq < b.seq ? -1 : 1;
  return a.key === b.key ? 0 : a.key < b.key ? -1 : 1;
}

/** `0001732176000000:0000:ab12cd34`: wall milliseconds, a counter, the node (core/hlc.ts). */
export const hlcText = z.string().regex(/^\d{16}:[0-9a-z]{4}:[0-9a-z-]{1,36}$/, 'not a hybrid logical clock stamp');

/**
 * One change: the row as it is now (`upsert`, soft deletes included as deleted_at), or `delete` when
 * the row no longer exists on the laptop. The row is checked against its entity's schema one op at
 * a time, so one bad row is rejected without holding up the rest.
 */
export const syncOp = z.strictObject({
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  key: z.string().max(64),
  entity: z.enum(syncedEntityNames),
  id: z.string().min(1).max(120),
  op: z.enum(['upsert', 'delete']),
  hlc: hlcText,
  row: z.record(z.string(), z.unknown()).nullable(),
});
export type SyncOp = z.infer<typeof syncOp>;

/** No business or device id: both come from the device token. */
export const pushRequest = z.strictObject({
  /** The last position this laptop knows the cloud acknowledged; the ops follow it, in order. */
  after: syncPosition,
  ops: z.array(syncOp).min(1).max(PUSH_MAX_OPS),
  /** Outbox entries still waiting after this batch, shown in the console. */
  pending: z.number().int().min(0),
  appVersion: z.string().max(40),
});
export type PushRequest = z.infer<typeof pushRequest>;

export const rejectedOp = z.strictObject({ seq: z.number().int(), key: z.string(), entity: z.string(), id: z.string(), reason: z.string() });
export type RejectedOp = z.infer<typeof rejectedOp>;

export const pushResponse = z.strictObject({
  ackedThrough: syncPosition,
  applied: z.number().int(),
  skipped: z.number().int(),
  rejected: z.array(rejectedOp),
  /** The server's clock, so the laptop can warn when its own is far off. */
  serverTime: z.string(),
});
export type PushResponse = z.infer<typeof pushResponse>;

/** 409: the batch starts after a position the cloud has not reached; resend from `expected`. */
export const gapResponse = z.strictObject({ error: z.literal('SEQ_GAP'), message: z.string(), expected: syncPosition });

export const enrolRequest = z.strictObject({
  code: z.string().trim().min(6).max(40),
  deviceName: z.string().trim().min(1).max(120),
  appVersion: z.string().max(40),
});
export const enrolResponse = z.strictObject({
  token: z.string(),
  deviceId: z.uuid(),
  businessId: z.uuid(),
  businessName: z.string(),
});

export const pulledItem = z.strictObject({
  version: z.number().int(),
  kind: z.enum(['setting', 'announcement']),
  key: z.string(),
  value: z.unknown(),
  hlc: hlcText,
  createdAt: z.string(),
});
/**
 * A conversation the shop's WhatsApp assistant handed to a person (issue 23): the laptop makes it a
 * lead (or updates the one with that phone) and tells the owner. The reason is plain text on the wire
 * so a reason added later in the cloud reaches an older laptop as "another reason", not as a failed pull.
 */
export const pulledHandover = z.strictObject({
  version: z.number().int().min(1),
  id: z.uuid(),
  phone: z.string().min(1).max(32),
  stage: z.enum(['booking', 'follow_up']),
  reason: z.string().min(1).max(40),
  summary: z.string().max(4000),
  campaignCode: z.string().max(60).nullable(),
  createdAt: z.string(),
});
export type PulledHandover = z.infer<typeof pulledHandover>;

/**
 * Handovers per pull: applying one as a lead takes the laptop about a millisecond, so a page stays a
 * short transaction; a full page tells the laptop to ask again.
 */
export const PULL_HANDOVERS_PAGE = 25;

/** `handoverCursor` asks for handovers too: a laptop that does not know them is not sent them. */
export const pullQuery = z.strictObject({
  cursor: z.coerce.number().int().min(0).default(0),
  handoverCursor: z.coerce.number().int().min(0).optional(),
});
export const pullResponse = z.strictObject({
  cursor: z.number().int().min(0),
  items: z.array(pulledItem),
  handovers: z.strictObject({ cursor: z.number().int().min(0), items: z.array(pulledHandover) }).optional(),
  serverTime: z.string(),
});
export type PullResponse = z.infer<typeof pullResponse>;

export const snapshotQuery = z.strictObject({
  entity: z.enum(syncedEntityNames),
  after: z.string().max(120).default(''),
  limit: z.coerce.number().int().min(1).max(2000).default(1000),
});
export const snapshotResponse = z.strictObject({
  rows: z.array(z.strictObject({ id: z.string(), hlc: hlcText, deleted: z.boolean(), row: z.record(z.string(), z.unknown()) })),
  next: z.string().nullable(),
});

export const healthResponse = z.strictObject({
  ok: z.boolean(),
  database: z.boolean(),
  migrations: z.strictObject({ applied: z.number().int(), latest: z.number().int() }),
  version: z.string(),
});

/** Errors of the cloud API: a code from this list and a sentence. */
export const cloudError = z.strictObject({ error: z.string(), message: z.string() });
