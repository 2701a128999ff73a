import { z } from 'zod';
import { def } from './contract-def';
import { empty, okOutput, pageInput, pageOutput } from './schemas/common';
import {
  exportHistoryInput,
  exportHistoryOutput,
  exportPreviewInput,
  exportPreviewOutput,
  exportRunInput,
  exportRunOutput,
  reportInfo,
} from './schemas/export';
import { syncEnrolInput, syncPushOutput, syncRejectedKey, syncRejectedRow, syncRestoreInput, syncRestoreOutput, syncStatusOutput } from './schemas/sync';
import { activityRow, backupSummary, healthOutput, restoreInput, restoreOutput } from './schemas/system';

/**
 * Running the shop's data: exports, the audit trail, health and backups, jobs, and sync with the cloud.
 * Part of the one contract (contract.ts), kept apart by domain so that each list stays short.
 */
export const systemChannels = {
  /** The reports, their columns and filters, and whether the caller's role may export each. */
  'export.reports': def(empty, z.array(reportInfo)),
  /** A job: the first rows, the row count and the totals of a report with its filters. */
  'export.preview': def(exportPreviewInput, exportPreviewOutput),
  /** A job (progress, cancel) writing the file; download it with files.download. */
  'export.run': def(exportRunInput, exportRunOutput),
  'export.history': def(exportHistoryInput, exportHistoryOutput),

  'audit.list': def(z.strictObject({ ...pageInput, action: z.string().max(60).optional() }), pageOutput(activityRow)),
  'health.get': def(empty, healthOutput),
  'health.backups': def(empty, z.array(backupSummary)),
  'health.restore': def(restoreInput, restoreOutput),
  'jobs.cancel': def(z.strictObject({ jobId: z.string().max(64) }), okOutput),

  /** Sync with the cloud (SYNC.md): every role sees where it stands; only the owner acts on it. */
  'sync.status': def(empty, syncStatusOutput),
  'sync.enrol': def(syncEnrolInput, syncStatusOutput),
  /** Sends every waiting change now (the background loop does it anyway) and answers what went. */
  'sync.pushNow': def(empty, syncPushOutput),
  'sync.pause': def(empty, syncStatusOutput),
  'sync.resume': def(empty, syncStatusOutput),
  /** Forgets the enrolment and the device token; the shop's data and its outbox stay. */
  'sync.leave': def(empty, syncStatusOutput),
  'sync.rejected': def(empty, z.array(syncRejectedRow)),
  /** Queues the refused row again (as it is now) and removes it from the list. */
  'sync.retryRejected': def(syncRejectedKey, okOutput),
  'sync.dismissRejected': def(syncRejectedKey, okOutput),
  /**
   * A new laptop whose shop is still empty (right after the first-run owner is made): enrols with the
   * code and downloads the shop's rows; a failure or cancel leaves the shop empty, ready to try again.
   */
  'sync.restore': def(syncRestoreInput, syncRestoreOutput),
  'sync.restoreCancel': def(empty, okOutput),
} as const;
