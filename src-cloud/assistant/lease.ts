import { sql } from 'kysely';
import type { CloudDb } from '../db/connect';
import { withAssistant } from './schema';

/**
 * A run's lease on its conversation (`run_until`): one run at a time per conversation across
 * instances, as the queue (queue.ts) keeps one inside an instance. Apart from the engine (engine.ts)
 * because taking, renewing and letting go of the lease are three single statements whose order
 * against an incoming message matters, and are read best side by side.
 */

/**
 * How long a run's lease on its conversation lasts (renewed each round): past the model's 30 s and
 * a few sends. A crashed instance's lease lapses after it, and the conversation's next message runs.
 */
const LEASE = sql`interval '2 minutes'`;

/** Takes the lease if no run holds it (or its holder's lapsed): whether this run got it. */
export async function takeLease(db: CloudDb, businessId: string, conversationId: string): Promise<boolean> {
  const row = await withAssistant(db, businessId, (tx) =>
    tx
      .updateTable('assistant_conversations')
      .set({ run_until: sql<Date>`now() + ${LEASE}` })
      .where('business_id', '=', businessId)
      .where('id', '=', conversationId)
      .where((eb) => eb.or([eb('run_until', 'is', null), eb('run_until', '<', sql<Date>`now()`)]))
      .returning('id')
      .executeTakeFirst(),
  );
  return row !== undefined;
}

/**
 * Lets the lease go, unless a message came in meanwhile (its own run found the lease held and left
 * it here): then renews it and answers true. One statement, so a message committed after its check
 * meets a lease already let go, and its own run takes it.
 */
export async function keepLeaseIfWaiting(db: CloudDb, businessId: string, conversationId: string): Promise<boolean> {
  const row = await withAssistant(db, businessId, (tx) =>
    tx
      .updateTable('assistant_conversations')
      .set({
        run_until: sql<Date | null>`CASE WHEN EXISTS (
          SELECT 1 FROM assistant_messages m WHERE m.conversation_id = ${conversationId} AND m.direction = 'in' AND m.handled_at IS NULL
        ) THEN now() + ${LEASE} END`,
      })
      .where('business_id', '=', businessId)
      .where('id', '=', conversationId)
      .returning('run_until')
      .executeTakeFirst(),
  );
  return !!row?.run_until;
}

/** Lets the lease go whatever waits: a run that stopped early (no settings, or it failed). */
export async function letLeaseGo(db: CloudDb, businessId: string, conversationId: string): Promise<void> {
  await withAssistant(db, businessId, (tx) => tx.updateTable('assistant_conversations').set({ run_until: null }).where('id', '=', conversationId).execute());
}
