import type { CloudDb } from '../db/connect';
import type { Tx } from '../db/scope';

export interface AuditEvent {
  adminId: string | null;
  action: string;
  businessId?: string | null;
  /** What changed, never a password, code or token. */
  details?: Record<string, unknown>;
  ip: string | null;
}

export async function recordAudit(db: CloudDb | Tx, event: AuditEvent, now: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      admin_id: event.adminId,
      action: event.action,
      business_id: event.businessId ?? null,
      details: JSON.stringify(event.details ?? {}),
      ip: event.ip,
      at: now,
    })
    .execute();
}
