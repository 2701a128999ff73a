import type { SyncPosition } from '../../src-shared/sync/protocol';
import type { Sqlite } from '../db/open';
import type { SyncStateTable } from '../db/schema';

export interface SyncState {
  serverUrl: string;
  deviceId: string;
  businessId: string;
  businessName: string;
  acked: SyncPosition;
  pullCursor: number;
  /** The last assistant handover applied as a lead (pull-handovers.ts). */
  handoverCursor: number;
  paused: boolean;
  enrolledAt: string;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  clockOffsetMs: number | null;
}

/** The columns this file reads: the table's own type (db/schema-sync.ts), not a copy of it. */
type StateRow = Omit<SyncStateTable, 'id' | 'hlc_floor'>;

/** The enrolment, or null for a shop that never enrolled (or left). */
export function readState(sqlite: Sqlite): SyncState | null {
  const row = sqlite.prepare('SELECT * FROM sync_state WHERE id = 1').get() as StateRow | undefined;
  if (!row) return null;
  return {
    serverUrl: row.server_url,
    deviceId: row.device_id,
    businessId: row.business_id,
    businessName: row.business_name,
    acked: { seq: row.acked_seq, key: row.acked_key },
    pullCursor: row.pull_cursor,
    handoverCursor: row.handover_cursor,
    paused: row.paused === 1,
    enrolledAt: row.enrolled_at,
    lastAttemptAt: row.last_attempt_at,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
    clockOffsetMs: row.clock_offset_ms,
  };
}

export function saveEnrolment(
  sqlite: Sqlite,
  enrolment: { serverUrl: string; deviceId: string; businessId: string; businessName: string; at: string; startSeq: number },
): void {
  sqlite
    .prepare(
      `INSERT INTO sync_state (id, server_url, device_id, business_id, business_name, acked_seq, acked_key, pull_cursor, paused, enrolled_at)
       VALUES (1, ?, ?, ?, ?, ?, '', 0, 0, ?)
       ON CONFLICT (id) DO UPDATE SET server_url = excluded.server_url, device_id = excluded.device_id, business_id = excluded.business_id,
         business_name = excluded.business_name, acked_seq = excluded.acked_seq, acked_key = '', pull_cursor = 0, handover_cursor = 0, paused = 0,
         enrolled_at = excluded.enrolled_at, last_error = NULL`,
    )
    .run(enrolment.serverUrl, enrolment.deviceId, enrolment.businessId, enrolment.businessName, enrolment.startSeq, enrolment.at);
}

export function recordAttempt(sqlite: Sqlite, at: string, error: string | null, clockOffsetMs?: number): void {
  if (error === null) {
    sqlite
      .prepare('UPDATE sync_state SET last_attempt_at = ?, last_success_at = ?, last_error = NULL, clock_offset_ms = coalesce(?, clock_offset_ms) WHERE id = 1')
      .run(at, at, clockOffsetMs ?? null);
  } else {
    sqlite.prepare('UPDATE sync_state SET last_attempt_at = ?, last_error = ? WHERE id = 1').run(at, error);
  }
}

export function setPaused(sqlite: Sqlite, paused: boolean): void {
  sqlite.prepare('UPDATE sync_state SET paused = ? WHERE id = 1').run(paused ? 1 : 0);
}

export function forgetEnrolment(sqlite: Sqlite): void {
  sqlite.prepare('DELETE FROM sync_state').run();
}
