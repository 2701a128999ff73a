import { z } from 'zod';

export const healthOutput = z.object({
  schemaVersion: z.number().int(),
  appSchemaVersion: z.number().int(),
  migrations: z.array(z.object({ version: z.number().int(), name: z.string(), applied_at: z.string() })),
  dbPath: z.string(),
  dbSizeBytes: z.number(),
  integrity: z.string(),
  journalMode: z.string(),
  foreignKeys: z.boolean(),
  counts: z.record(z.string(), z.number()),
  /** Changes not yet synced; null where sync is not set up (nothing is waiting then). */
  outboxPending: z.number().int().nullable(),
  lastBackup: z.object({ file: z.string(), at: z.string(), bytes: z.number() }).nullable(),
  lastSync: z.string().nullable(),
});
export type HealthOutput = z.infer<typeof healthOutput>;

/** A backup in the backups folder, by its file name, with what it holds (null: unreadable). */
export const backupSummary = z.object({
  name: z.string(),
  at: z.string(),
  bytes: z.number(),
  schemaVersion: z.number().int().nullable(),
  customers: z.number().int().nullable(),
  transactions: z.number().int().nullable(),
  products: z.number().int().nullable(),
});
export type BackupSummary = z.infer<typeof backupSummary>;

export const restoreInput = z.strictObject({ name: z.string().min(1).max(255) });
export const restoreOutput = z.object({ restoredFrom: z.string(), previous: z.string() });

export const activityRow = z.object({
  id: z.string(),
  created_at: z.string(),
  user_name: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entity_id: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const JOB_KINDS = [
  'demo.generate',
  'import.inspect',
  'import.run',
  'import.undo',
  'db.check',
  'rfm.run',
  'clv.fit',
  'export.preview',
  'export.run',
  'content.broadcast',
  'content.markContacted',
  'loyalty.expire',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** Sent only to the client whose call started the job, before any progress: the job's id, to follow or cancel it. */
export const jobStarted = z.object({
  jobId: z.string(),
  kind: z.enum(JOB_KINDS),
});
export type JobStarted = z.infer<typeof jobStarted>;

export const jobProgress = z.object({
  jobId: z.string(),
  kind: z.enum(JOB_KINDS),
  phase: z.string(),
  done: z.number(),
  total: z.number(),
});
export type JobProgress = z.infer<typeof jobProgress>;

export const jobFinished = z.object({
  jobId: z.string(),
  kind: z.enum(JOB_KINDS),
  status: z.enum(['completed', 'failed', 'cancelled']),
  message: z.string().optional(),
});
export type JobFinished = z.infer<typeof jobFinished>;
