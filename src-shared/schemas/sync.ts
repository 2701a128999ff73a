import { z } from 'zod';

/** Settings → Sinkronisasi and the shell's indicator: where the shop's changes stand with the cloud. */
export const syncStatusOutput = z.object({
  enrolled: z.boolean(),
  serverUrl: z.string().nullable(),
  businessName: z.string().nullable(),
  /** Changes (outbox entries) waiting to be sent. */
  pending: z.number().int(),
  /** Ops the cloud refused, kept in the dead-letter list. */
  rejected: z.number().int(),
  paused: z.boolean(),
  lastSuccessAt: z.string().nullable(),
  /** The last failure as a plain sentence in the caller's language; null after a success. */
  lastError: z.string().nullable(),
  /** What the last failure means for the owner: enrol again, the shop is suspended, or just wait. */
  problem: z.enum(['offline', 'unauthorised', 'suspended', 'refused']).nullable(),
  clockOffsetMs: z.number().nullable(),
  /** Whether the last attempt since the app started reached the cloud; null before the first. */
  online: z.boolean().nullable(),
});

export const syncEnrolInput = z.strictObject({
  server: z.string().trim().min(1, 'v.required').max(300, 'v.tooLong'),
  code: z.string().trim().min(1, 'v.required').max(100, 'v.tooLong'),
});

export const syncRejectedRow = z.object({
  seq: z.number().int(),
  key: z.string(),
  entity: z.string(),
  id: z.string(),
  reason: z.string(),
  at: z.string(),
});

/** One dead-letter entry: an outbox seq plus, for an import's row, the row's id. */
export const syncRejectedKey = z.strictObject({ seq: z.number().int().min(1), key: z.string().max(64) });

export const syncPushOutput = z.object({ acked: z.number().int(), rejected: z.number().int(), remaining: z.number().int() });

/**
 * A restore: the code may be left out when this laptop is already enrolled on that server by an
 * earlier attempt that failed or was cancelled (the code was spent on that enrolment).
 */
export const syncRestoreInput = z.strictObject({
  server: syncEnrolInput.shape.server,
  code: z.string().trim().max(100, 'v.tooLong').default(''),
});

/** What a restore from the cloud brought onto this laptop, per kind of row. */
export const syncRestoreOutput = z.object({
  customers: z.number().int(),
  products: z.number().int(),
  transactions: z.number().int(),
  settings: z.number().int(),
});

/** Rows of one kind downloaded so far by the restore under way (a page at a time). */
export const syncRestoreProgress = z.object({ entity: z.enum(['customers', 'products', 'transactions', 'settings']), rows: z.number().int() });
