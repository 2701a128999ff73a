import { quotaSpent } from './cost';
import type { Gateway } from './gateway';
import { askModel, ModelFailure, type ModelAnswer, type ModelResult } from './model';
import { buildPrompt } from './prompt';
import type { Phase } from './schema';
import type { Handover } from './store';
import { asksForPerson, furthest, hasPaymentIntent } from './triggers';
import type { Outcome, Work } from './work';

/**
 * What a run answers: the model asked (unless the month's tokens or the shop's AI quota are spent),
 * its call written down, then the engine's own rules on top of its answer — the phase only forward,
 * payment intent and a request for a person handed over whatever the model says, a handover under
 * the confidence threshold, only the catalogue's own media. Apart from the engine (engine.ts)
 * because it writes nothing of the conversation: the engine writes and sends what this decides.
 */

/** Said when the bot hands over without a reply of its own worth sending (low confidence, no model). */
export const HANDOVER_TEXT = 'Terima kasih, Kak. Pertanyaan Kakak akan kami teruskan ke admin kami, mohon ditunggu sebentar ya 🙏';

/** The model's answer, then the engine's own rules on top: phase floor, triggers, threshold. */
export async function decide(
  work: Work,
  campaignCode: string | null,
  texts: string[],
  gateway: Gateway,
  recordCall: (tokens: Outcome['tokens'], failure: string | null) => Promise<unknown>,
): Promise<Outcome> {
  const { conversation, settings } = work;
  const joined = texts.join('\n');
  const rulePhase: Phase = hasPaymentIntent(joined) ? 'BOOKING' : 'LEADS';
  const base = {
    phase: furthest(conversation.phase, rulePhase),
    confidence: null,
    summary: conversation.summary ?? '',
    media: [],
    tokens: { prompt: 0, completion: 0 },
  };

  if (settings.monthlyTokenLimit !== null && work.tokensUsed >= settings.monthlyTokenLimit) {
    return {
      ...base,
      reply: HANDOVER_TEXT,
      handover: { reason: 'quota', trigger: `${work.tokensUsed} of ${settings.monthlyTokenLimit} tokens used this month` },
    };
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
    phase,
    confidence: answer.confidence,
    summary: answer.summary,
    tokens,
    handover,
    reply: lowConfidence ? HANDOVER_TEXT : answer.reply.trim() || (handover ? HANDOVER_TEXT : ''),
    media: lowConfidence ? [] : media,
  };
}
