import type { CloudDb } from '../db/connect';
import { recordModelCall } from './cost';
import { pickCode, type CodePick } from './campaign-code';
import { decide } from './decide';
import type { Gateway } from './gateway';
import { keepLeaseIfWaiting, letLeaseGo, takeLease } from './lease';
import { withAssistant } from './schema';
import { sendOutcome } from './send';
import { recordHandover, type OpenSettings } from './store';
import { furthest } from './triggers';
import { readWork, type Outcome, type Work } from './work';

/**
 * The WhatsApp assistant's engine: one run for one conversation, holding its lease (lease.ts),
 * reading its work (work.ts), deciding the reply (decide.ts), writing that decision and the
 * handover, then sending (send.ts). This file holds the run's order and the decision's write.
 */

export interface EngineDeps {
  db: CloudDb;
  key: Buffer;
  now: () => Date;
  gatewayFor: (settings: OpenSettings) => Gateway;
}

/**
 * One run for one conversation: every message still waiting is answered by a single reply. Reads in
 * one scoped transaction, talks to the model outside any transaction, writes down its decision (phase,
 * handover) in a second one before sending, and what went out in a third.
 */
export async function answerConversation(deps: EngineDeps, businessId: string, conversationId: string): Promise<void> {
  // One run at a time per conversation, across instances: a second instance leaves its messages to
  // the run holding the lease, which answers whatever waits before it lets go. The queue keeps one
  // run per conversation inside an instance; this is the same across them.
  if (!(await takeLease(deps.db, businessId, conversationId))) return;
  let more = true;
  try {
    while (more) {
      if (!(await answerWaiting(deps, businessId, conversationId))) break;
      more = await keepLeaseIfWaiting(deps.db, businessId, conversationId);
    }
  } finally {
    if (more) await letLeaseGo(deps.db, businessId, conversationId);
  }
}

/** One round: answers the messages waiting; false when nothing here can answer (no settings). */
async function answerWaiting(deps: EngineDeps, businessId: string, conversationId: string): Promise<boolean> {
  const work = await withAssistant(deps.db, businessId, (tx) => readWork(tx, businessId, conversationId, deps.key, deps.now()));
  if (!work) return false;
  if (work.pending.length === 0) return true;
  const { conversation, settings } = work;
  const texts = work.pending.map((m) => m.body);
  const codes = pickCode(texts, new Set(work.packages.map((p) => p.code)));
  const campaignCode = conversation.campaignCode ?? codes.code;
  const ignored = conversation.campaignCode && codes.code ? [codes.code, ...codes.ignored] : codes.ignored;

  // Handed over or paused: kept (claimed above) for the person who takes it, never answered by the bot.
  if (conversation.stopped || !settings.enabled) return true;
  try {
    await reply(deps, businessId, work, { campaignCode, codes, ignored });
    return true;
  } catch (error) {
    // The messages wait for the next run (the next message), which answers them again in full: a
    // repeated line is better than a customer left unanswered. A handover already written stands, so
    // that run leaves them to the person.
    await withAssistant(deps.db, businessId, (tx) =>
      tx
        .updateTable('assistant_messages')
        .set({ handled_at: null })
        .where(
          'id',
          'in',
          work.pending.map((m) => m.id),
        )
        .execute(),
    );
    throw error;
  }
}

async function reply(
  deps: EngineDeps,
  businessId: string,
  work: Work,
  picked: { campaignCode: string | null; codes: CodePick; ignored: string[] },
): Promise<void> {
  const { conversation, settings } = work;
  const { campaignCode, codes, ignored } = picked;
  const texts = work.pending.map((m) => m.body);
  const now = () => deps.now();

  const gateway = deps.gatewayFor(settings);
  await gateway.sendSeen(conversation.chatId).catch(() => undefined);
  // Each model call is written down as soon as it returns, before anything is sent: a call whose
  // reply is empty, fails its checks or cannot be delivered is paid for all the same.
  const recordCall = (tokens: Outcome['tokens'], failure: string | null) =>
    withAssistant(deps.db, businessId, (tx) =>
      recordModelCall(tx, {
        businessId,
        conversationId: conversation.id,
        model: settings.modelName,
        prices: settings.modelPrices,
        tokens,
        failure,
        now: now(),
      }),
    );
  const outcome = await decide(work, campaignCode, texts, gateway, recordCall);

  // The decision before any send: a customer who wants to pay reaches a person (the handover the
  // laptop pulls) even when the gateway is down. Made on the conversation as it is now, row locked:
  // handed over or paused while the model thought (the console, or a run past a lapsed lease), the
  // bot sends nothing; the phase only moves forward from wherever it got to meanwhile.
  const decided = await withAssistant(deps.db, businessId, async (tx) => {
    const at = now();
    const current = await tx
      .selectFrom('assistant_conversations')
      .select(['phase', 'campaign_code', 'handed_over', 'bot_paused'])
      .where('id', '=', conversation.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const firstPending = work.pending[0].id;
    await tx
      .updateTable('assistant_messages')
      .set({ campaign_code: codes.code, ignored_codes: ignored.length ? JSON.stringify(ignored) : null })
      .where('id', '=', firstPending)
      .execute();
    await tx
      .updateTable('assistant_messages')
      .set({ handled_at: at })
      .where(
        'id',
        'in',
        work.pending.map((m) => m.id),
      )
      .execute();
    if (current.handed_over || current.bot_paused) return null;
    const phase = furthest(current.phase, outcome.phase);
    const code = current.campaign_code ?? campaignCode;
    await tx
      .updateTable('assistant_conversations')
      .set({
        phase,
        campaign_code: code,
        summary: outcome.summary || conversation.summary,
        last_message_at: at,
        ...(outcome.handover && { handed_over: true, handover_reason: outcome.handover.reason }),
      })
      .where('id', '=', conversation.id)
      .execute();
    if (outcome.handover) {
      await recordHandover(tx, {
        businessId,
        conversationId: conversation.id,
        phone: conversation.phone,
        phase,
        campaignCode: code,
        handover: outcome.handover,
        now: at,
        summary: outcome.summary || conversation.summary || texts.join(' / '),
      });
    }
    return { ...outcome, phase };
  });
  if (!decided) return;

  // Then the sends; whatever went out is on the trail, even when a later send failed.
  await sendOutcome(deps, businessId, work, decided, campaignCode, gateway);
}
