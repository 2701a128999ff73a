import { sql } from 'kysely';
import type { CloudDb } from '../db/connect';
import { costOf, quotaSpent, recordModelCall, spendThisMonth, type MonthSpend } from './cost';
import { pickCode, type CodePick } from './campaign-code';
import { guessMimetype, type Gateway } from './gateway';
import { askModel, ModelFailure, type ModelAnswer, type ModelResult } from './model';
import { buildPrompt, type Package } from './prompt';
import { withAssistant, type AssistantTx, type Phase } from './schema';
import { loadCatalogue } from './catalogue';
import { loadPrompt, loadSettings, recordHandover, tokensThisMonth, type Handover, type OpenSettings } from './store';
import { asksForPerson, furthest, hasPaymentIntent } from './triggers';

/** Said when the bot hands over without a reply of its own worth sending (low confidence, no model). */
export const HANDOVER_TEXT = 'Terima kasih, Kak. Pertanyaan Kakak akan kami teruskan ke admin kami, mohon ditunggu sebentar ya 🙏';
/** How many earlier messages go into the prompt. */
const HISTORY = 30;
/**
 * How long a run's lease on its conversation lasts (renewed each round): past the model's 30 s and
 * a few sends. A crashed instance's lease lapses after it, and the conversation's next message runs.
 */
const LEASE = sql`interval '2 minutes'`;

export interface EngineDeps {
  db: CloudDb;
  key: Buffer;
  now: () => Date;
  gatewayFor: (settings: OpenSettings) => Gateway;
}

interface Work {
  settings: OpenSettings;
  conversation: { id: string; phone: string; chatId: string; phase: Phase; campaignCode: string | null; summary: string | null; stopped: boolean };
  pending: { id: number; body: string }[];
  history: { direction: 'in' | 'out'; body: string }[];
  packages: Package[];
  prompt: Awaited<ReturnType<typeof loadPrompt>>;
  tokensUsed: number;
  spend: MonthSpend;
}

interface Outcome {
  phase: Phase;
  reply: string;
  media: { type: 'image' | 'file'; url: string; caption: string | null }[];
  confidence: number | null;
  summary: string;
  handover: Handover | null;
  tokens: { prompt: number; completion: number };
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
    if (more) await withAssistant(deps.db, businessId, (tx) => tx.updateTable('assistant_conversations').set({ run_until: null }).where('id', '=', conversationId).execute());
  }
}

async function takeLease(db: CloudDb, businessId: string, conversationId: string): Promise<boolean> {
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
async function keepLeaseIfWaiting(db: CloudDb, businessId: string, conversationId: string): Promise<boolean> {
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
    await withAssistant(deps.db, businessId, (tx) => tx.updateTable('assistant_messages').set({ handled_at: null }).where('id', 'in', work.pending.map((m) => m.id)).execute());
    throw error;
  }
}

async function reply(deps: EngineDeps, businessId: string, work: Work, picked: { campaignCode: string | null; codes: CodePick; ignored: string[] }): Promise<void> {
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
      recordModelCall(tx, { businessId, conversationId: conversation.id, model: settings.modelName, prices: settings.modelPrices, tokens, failure, now: now() }),
    );
  const outcome = await decide(work, campaignCode, texts, gateway, recordCall);

  // The decision before any send: a customer who wants to pay reaches a person (the handover the
  // laptop pulls) even when the gateway is down. Made on the conversation as it is now, row locked:
  // handed over or paused while the model thought (the console, or a run past a lapsed lease), the
  // bot sends nothing; the phase only moves forward from wherever it got to meanwhile.
  const decided = await withAssistant(deps.db, businessId, async (tx) => {
    const at = now();
    const current = await tx.selectFrom('assistant_conversations').select(['phase', 'campaign_code', 'handed_over', 'bot_paused']).where('id', '=', conversation.id).forUpdate().executeTakeFirstOrThrow();
    const firstPending = work.pending[0].id;
    await tx.updateTable('assistant_messages').set({ campaign_code: codes.code, ignored_codes: ignored.length ? JSON.stringify(ignored) : null }).where('id', '=', firstPending).execute();
    await tx.updateTable('assistant_messages').set({ handled_at: at }).where('id', 'in', work.pending.map((m) => m.id)).execute();
    if (current.handed_over || current.bot_paused) return null;
    const phase = furthest(current.phase, outcome.phase);
    const code = current.campaign_code ?? campaignCode;
    await tx
      .updateTable('assistant_conversations')
      .set({
        phase, campaign_code: code, summary: outcome.summary || conversation.summary, last_message_at: at,
        ...(outcome.handover && { handed_over: true, handover_reason: outcome.handover.reason }),
      })
      .where('id', '=', conversation.id)
      .execute();
    if (outcome.handover) {
      await recordHandover(tx, {
        businessId, conversationId: conversation.id, phone: conversation.phone, phase, campaignCode: code, handover: outcome.handover, now: at,
        summary: outcome.summary || conversation.summary || texts.join(' / '),
      });
    }
    return { ...outcome, phase };
  });
  if (!decided) return;

  // Then the sends; whatever went out is on the trail, even when a later send failed.
  const sent: { body: string; wahaId: string | null; media: unknown }[] = [];
  try {
    if (outcome.reply) sent.push({ body: outcome.reply, wahaId: await gateway.sendText(conversation.chatId, outcome.reply), media: null });
    for (const m of outcome.media) {
      const file = { url: m.url, mimetype: guessMimetype(m.url), filename: m.url.split(/[?#]/)[0].split('/').pop() || undefined };
      const id = m.type === 'image' ? await gateway.sendImage(conversation.chatId, file, m.caption ?? undefined) : await gateway.sendFile(conversation.chatId, file, m.caption ?? undefined);
      sent.push({ body: m.caption ?? '', wahaId: id, media: { type: m.type, url: m.url } });
    }
  } finally {
    if (sent.length > 0) await recordSent(deps, businessId, work, decided, campaignCode, sent);
  }
}

async function recordSent(deps: EngineDeps, businessId: string, work: Work, outcome: Outcome, campaignCode: string | null, sent: { body: string; wahaId: string | null; media: unknown }[]): Promise<void> {
  const { conversation, settings } = work;
  await withAssistant(deps.db, businessId, async (tx) => {
    const at = deps.now();
    for (const [i, s] of sent.entries()) {
      await tx
        .insertInto('assistant_messages')
        .values({
          business_id: businessId, conversation_id: conversation.id, direction: 'out', body: s.body, waha_id: s.wahaId, media: s.media ? JSON.stringify(s.media) : null,
          campaign_code: campaignCode, phase_before: conversation.phase, phase_after: outcome.phase, confidence: outcome.confidence,
          escalation_trigger: outcome.handover ? `${outcome.handover.reason}${outcome.handover.trigger ? `: ${outcome.handover.trigger}` : ''}` : null,
          prompt_version: work.prompt.version,
          // The trail shows the call's tokens once, on the first message it produced (the month's
          // usage is counted from assistant_model_calls).
          prompt_tokens: i === 0 ? outcome.tokens.prompt : null, completion_tokens: i === 0 ? outcome.tokens.completion : null,
          cost_rupiah: i === 0 ? costOf(settings.modelPrices, settings.modelName, outcome.tokens) : null, created_at: at,
        })
        .execute();
    }
  });
}

async function readWork(tx: AssistantTx, businessId: string, conversationId: string, key: Buffer, now: Date): Promise<Work | null> {
  const settings = await loadSettings(tx, businessId, key);
  const row = await tx.selectFrom('assistant_conversations').selectAll().where('business_id', '=', businessId).where('id', '=', conversationId).executeTakeFirst();
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
  const history = earlier.filter((m) => !mine.has(m.id) && m.body).slice(0, HISTORY).reverse().map((m) => ({ direction: m.direction, body: m.body }));
  return {
    settings,
    conversation: { id: row.id, phone: row.phone, chatId: row.chat_id, phase: row.phase, campaignCode: row.campaign_code, summary: row.summary, stopped: row.handed_over || row.bot_paused },
    pending, history,
    packages: await loadCatalogue(tx, businessId),
    prompt: await loadPrompt(tx, businessId),
    tokensUsed: settings.monthlyTokenLimit === null ? 0 : await tokensThisMonth(tx, businessId, now),
    spend: await spendThisMonth(tx, businessId, now),
  };
}

/** The model's answer, then the engine's own rules on top: phase floor, triggers, threshold. */
async function decide(
  work: Work, campaignCode: string | null, texts: string[], gateway: Gateway,
  recordCall: (tokens: Outcome['tokens'], failure: string | null) => Promise<unknown>,
): Promise<Outcome> {
  const { conversation, settings } = work;
  const joined = texts.join('\n');
  const rulePhase: Phase = hasPaymentIntent(joined) ? 'BOOKING' : 'LEADS';
  const base = { phase: furthest(conversation.phase, rulePhase), confidence: null, summary: conversation.summary ?? '', media: [], tokens: { prompt: 0, completion: 0 } };

  if (settings.monthlyTokenLimit !== null && work.tokensUsed >= settings.monthlyTokenLimit) {
    return { ...base, reply: HANDOVER_TEXT, handover: { reason: 'quota', trigger: `${work.tokensUsed} of ${settings.monthlyTokenLimit} tokens used this month` } };
  }
  // The shop's rupiah AI quota is one budget with the laptop's own AI calls: spent, no model call.
  if (quotaSpent(work.spend)) {
    const used = Math.round(work.spend.assistantCost + work.spend.laptopCost);
    return { ...base, reply: HANDOVER_TEXT, handover: { reason: 'quota', trigger: `Rp ${used} of the Rp ${work.spend.quota} AI quota used this month` } };
  }

  const prompt = buildPrompt({ parts: work.prompt, packages: work.packages, phase: conversation.phase, campaignCode, history: work.history, incoming: texts });
  let result: ModelResult | ModelFailure;
  await gateway.startTyping(conversation.chatId).catch(() => undefined);
  try {
    result = await askModel({ baseUrl: settings.modelBaseUrl, model: settings.modelName, apiKey: settings.modelApiKey ?? '' }, prompt);
  } catch (error) {
    result = error instanceof ModelFailure ? error : new ModelFailure(String(error));
  } finally {
    await gateway.stopTyping(conversation.chatId).catch(() => undefined);
  }
  const usage = result instanceof ModelFailure ? result.usage : result;
  const tokens = { prompt: usage.promptTokens, completion: usage.completionTokens };
  await recordCall(tokens, result instanceof ModelFailure ? result.message : null);
  if (result instanceof ModelFailure) return { ...base, reply: HANDOVER_TEXT, tokens, handover: { reason: 'low_confidence', trigger: result.message } };
  const answer: ModelAnswer = result.answer;

  const phase = furthest(conversation.phase, answer.newPhase, rulePhase);
  const handover: Handover | null = hasPaymentIntent(joined)
    ? { reason: 'payment_intent', trigger: joined.slice(0, 200) }
    : asksForPerson(joined)
      ? { reason: 'person_request', trigger: joined.slice(0, 200) }
      : answer.escalate
        ? // A model that escalates at BOOKING saw payment intent the phrases above missed.
          { reason: phase === 'BOOKING' ? 'payment_intent' : 'unknown_question', trigger: answer.reason ?? joined.slice(0, 200) }
        : answer.confidence < settings.confidenceThreshold
          ? { reason: 'low_confidence', trigger: `confidence ${answer.confidence} < ${settings.confidenceThreshold}` }
          : null;
  // Only the catalogue's own images and brochures go out: the model cannot make the shop send a link it made up.
  const allowed = new Set(work.packages.flatMap((p) => [p.imageUrl, p.brochureUrl]).filter((u): u is string => !!u));
  const media = answer.media.filter((m) => allowed.has(m.url));
  const lowConfidence = handover?.reason === 'low_confidence';
  return {
    phase, confidence: answer.confidence, summary: answer.summary, tokens, handover,
    reply: lowConfidence ? HANDOVER_TEXT : answer.reply.trim() || (handover ? HANDOVER_TEXT : ''),
    media: lowConfidence ? [] : media,
  };
}
