import { spendThisMonth, type MonthSpend } from './cost';
import { loadCatalogue } from './catalogue';
import type { Package } from './prompt';
import type { AssistantTx, Phase } from './schema';
import { loadPrompt, loadSettings, tokensThisMonth, type Handover, type OpenSettings } from './store';

/**
 * What one run of the engine works on (`Work`: the conversation, the messages it claimed, the
 * history, the catalogue, the prompt, the month's usage) and what it decides (`Outcome`). Apart
 * from the engine (engine.ts) because it is the run's one read, made in one scoped transaction
 * before the model is asked, and both the decision (decide.ts) and the sends (send.ts) take it.
 */

/** How many earlier messages go into the prompt. */
const HISTORY = 30;

export interface Work {
  settings: OpenSettings;
  conversation: { id: string; phone: string; chatId: string; phase: Phase; campaignCode: string | null; summary: string | null; stopped: boolean };
  pending: { id: number; body: string }[];
  history: { direction: 'in' | 'out'; body: string }[];
  packages: Package[];
  prompt: Awaited<ReturnType<typeof loadPrompt>>;
  tokensUsed: number;
  spend: MonthSpend;
}

export interface Outcome {
  phase: Phase;
  reply: string;
  media: { type: 'image' | 'file'; url: string; caption: string | null }[];
  confidence: number | null;
  summary: string;
  handover: Handover | null;
  tokens: { prompt: number; completion: number };
}

/** The run's work, its waiting messages claimed; null when nothing here can answer (no settings, no conversation). */
export async function readWork(tx: AssistantTx, businessId: string, conversationId: string, key: Buffer, now: Date): Promise<Work | null> {
  const settings = await loadSettings(tx, businessId, key);
  const row = await tx
    .selectFrom('assistant_conversations')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!settings || !row) return null;
  // Claimed in the same statement that finds them: a second run (another instance behind the load
  // balancer) finds nothing left to answer. Given back if this run fails (answerConversation).
  const claimed = await tx
    .updateTable('assistant_messages')
    .set({ handled_at: now })
    .where('business_id', '=', businessId)
    .where('conversation_id', '=', conversationId)
    .where('direction', '=', 'in')
    .where('handled_at', 'is', null)
    .returning(['id', 'body'])
    .execute();
  const pending = claimed.sort((a, b) => a.id - b.id);
  const mine = new Set(pending.map((m) => m.id));
  const earlier = await tx
    .selectFrom('assistant_messages')
    .select(['id', 'direction', 'body'])
    .where('business_id', '=', businessId)
    .where('conversation_id', '=', conversationId)
    .where('handled_at', 'is not', null)
    .orderBy('id', 'desc')
    .limit(HISTORY + pending.length)
    .execute();
  const history = earlier
    .filter((m) => !mine.has(m.id) && m.body)
    .slice(0, HISTORY)
    .reverse()
    .map((m) => ({ direction: m.direction, body: m.body }));
  return {
    settings,
    conversation: {
      id: row.id,
      phone: row.phone,
      chatId: row.chat_id,
      phase: row.phase,
      campaignCode: row.campaign_code,
      summary: row.summary,
      stopped: row.handed_over || row.bot_paused,
    },
    pending,
    history,
    packages: await loadCatalogue(tx, businessId),
    prompt: await loadPrompt(tx, businessId),
    tokensUsed: settings.monthlyTokenLimit === null ? 0 : await tokensThisMonth(tx, businessId, now),
    spend: await spendThisMonth(tx, businessId, now),
  };
}
