import type { CloudDb } from '../db/connect';
import { withAssistant } from './schema';

/** A handover as the laptop will turn it into a lead (stage, summary, campaign code) and a notification. */
export interface HandoverItem {
  version: number;
  id: string;
  conversationId: string;
  phone: string;
  stage: 'booking' | 'follow_up';
  reason: string;
  summary: string;
  campaignCode: string | null;
  createdAt: string;
  returnedAt: string | null;
}

/**
 * Handovers of one business after a version, oldest first: what the sync pull will send down next to
 * the pushdowns (the laptop keeps the last version it applied, as it does for pushdowns). A hand-back
 * does not bump the version; the lead stays on the laptop, where a person works it.
 */
export async function handoversSince(db: CloudDb, businessId: string, after: number, limit = 500): Promise<HandoverItem[]> {
  const rows = await withAssistant(db, businessId, (tx) =>
    tx
      .selectFrom('assistant_handovers')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('version', '>', after)
      .orderBy('version')
      .limit(limit)
      .execute(),
  );
  return rows.map((r) => ({
    version: Number(r.version),
    id: r.id,
    conversationId: r.conversation_id,
    phone: r.phone,
    stage: r.stage,
    reason: r.reason,
    summary: r.summary,
    campaignCode: r.campaign_code,
    createdAt: r.created_at.toISOString(),
    returnedAt: r.returned_at?.toISOString() ?? null,
  }));
}
