import type { CloudDb } from '../db/connect';
import { costOf } from './cost';
import { guessMimetype, type Gateway } from './gateway';
import { withAssistant } from './schema';
import type { Outcome, Work } from './work';

/**
 * Sending what a run decided, once its decision is written: the reply, then each image or brochure,
 * through the shop's gateway; whatever went out is on the conversation's trail, even when a later
 * send failed. Apart from the engine (engine.ts) because it is where the replies leave for
 * WhatsApp, and what it records is what the console's trail and the analytics read.
 */

type Sent = { body: string; wahaId: string | null; media: unknown };
/** What of the engine's dependencies the sends use (EngineDeps, engine.ts). */
type Deps = { db: CloudDb; now: () => Date };

export async function sendOutcome(deps: Deps, businessId: string, work: Work, decided: Outcome, campaignCode: string | null, gateway: Gateway): Promise<void> {
  const chatId = work.conversation.chatId;
  const sent: Sent[] = [];
  try {
    if (decided.reply) sent.push({ body: decided.reply, wahaId: await gateway.sendText(chatId, decided.reply), media: null });
    for (const m of decided.media) {
      const file = { url: m.url, mimetype: guessMimetype(m.url), filename: m.url.split(/[?#]/)[0].split('/').pop() || undefined };
      const id =
        m.type === 'image' ? await gateway.sendImage(chatId, file, m.caption ?? undefined) : await gateway.sendFile(chatId, file, m.caption ?? undefined);
      sent.push({ body: m.caption ?? '', wahaId: id, media: { type: m.type, url: m.url } });
    }
  } finally {
    if (sent.length > 0) await recordSent(deps, businessId, work, decided, campaignCode, sent);
  }
}

async function recordSent(deps: Deps, businessId: string, work: Work, outcome: Outcome, campaignCode: string | null, sent: Sent[]): Promise<void> {
  const { conversation, settings } = work;
  await withAssistant(deps.db, businessId, async (tx) => {
    const at = deps.now();
    for (const [i, s] of sent.entries()) {
      await tx
        .insertInto('assistant_messages')
        .values({
          business_id: businessId,
          conversation_id: conversation.id,
          direction: 'out',
          body: s.body,
          waha_id: s.wahaId,
          media: s.media ? JSON.stringify(s.media) : null,
          campaign_code: campaignCode,
          phase_before: conversation.phase,
          phase_after: outcome.phase,
          confidence: outcome.confidence,
          escalation_trigger: outcome.handover ? `${outcome.handover.reason}${outcome.handover.trigger ? `: ${outcome.handover.trigger}` : ''}` : null,
          prompt_version: work.prompt.version,
          // The trail shows the call's tokens once, on the first message it produced (the month's
          // usage is counted from assistant_model_calls).
          prompt_tokens: i === 0 ? outcome.tokens.prompt : null,
          completion_tokens: i === 0 ? outcome.tokens.completion : null,
          cost_rupiah: i === 0 ? costOf(settings.modelPrices, settings.modelName, outcome.tokens) : null,
          created_at: at,
        })
        .execute();
    }
  });
}
