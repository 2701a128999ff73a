import { sql } from 'kysely';
import { dateInZone } from '../../src-shared/format/date';
import type { Analytics } from '../../src-shared/cloud/assistant-schemas';
import type { AssistantTx, HandoverReason, Phase } from './schema';

const PHASES: Phase[] = ['LEADS', 'INTEREST', 'BOOKING'];
/** How many common questions and escalation reasons are listed. */
const TOP = 10;

/** Lower case, no punctuation, single spaces: "Berapa harganya??" and "berapa  harganya" are one question. */
export function normaliseQuestion(text: string): string {
  return text
    .toLocaleLowerCase('id')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The default range: the 30 days up to today (Asia/Jakarta). */
export function defaultRange(now: Date): { from: string; to: string } {
  const to = dateInZone(now);
  const from = dateInZone(new Date(Date.parse(`${to}T12:00:00+07:00`) - 29 * 86_400_000));
  return { from, to };
}

/**
 * Seed 003's analytics over the conversations that began in [from, to] (Asia/Jakarta days): where
 * they are, what each campaign code brought, how often a person had to take over, how long a
 * customer waited for the bot, what people ask, and where they stop.
 */
export async function assistantAnalytics(tx: AssistantTx, businessId: string, from: string, to: string): Promise<Analytics> {
  const start = sql`(${from}::date::timestamp AT TIME ZONE 'Asia/Jakarta')`;
  const end = sql`((${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')`;
  const inRange = sql`c.business_id = ${businessId} AND c.created_at >= ${start} AND c.created_at < ${end}`;

  const phases = await sql<{ phase: Phase; n: string }>`SELECT c.phase, count(*) AS n FROM assistant_conversations c WHERE ${inRange} GROUP BY c.phase`.execute(
    tx,
  );
  const byPhase = new Map(phases.rows.map((r) => [r.phase, Number(r.n)]));
  const total = [...byPhase.values()].reduce((a, b) => a + b, 0);

  const campaigns = await sql<{ code: string | null; conversations: string; bookings: string; handovers: string }>`
    SELECT c.campaign_code AS code, count(*) AS conversations, count(*) FILTER (WHERE c.phase = 'BOOKING') AS bookings,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM assistant_handovers h WHERE h.business_id = c.business_id AND h.conversation_id = c.id)) AS handovers
    FROM assistant_conversations c WHERE ${inRange}
    GROUP BY c.campaign_code ORDER BY count(*) DESC, c.campaign_code NULLS LAST`.execute(tx);

  const reasons = await sql<{ reason: HandoverReason; n: string; conversations: string }>`
    SELECT h.reason, count(*) AS n FROM assistant_handovers h JOIN assistant_conversations c ON c.id = h.conversation_id
    WHERE ${inRange} AND h.business_id = ${businessId} GROUP BY h.reason ORDER BY count(*) DESC, h.reason`.execute(tx);
  const escalated = await sql<{ n: string }>`
    SELECT count(DISTINCT h.conversation_id) AS n FROM assistant_handovers h JOIN assistant_conversations c ON c.id = h.conversation_id
    WHERE ${inRange} AND h.business_id = ${businessId}`.execute(tx);

  // A reply's first message carries the call's tokens (send.ts); it answered every message that came
  // in since the previous message out, so the customer waited from the first of those. Numbering each
  // message by the messages out before it puts a reply's first message with the ones it answered: one
  // pass over the range (a lateral look-up per reply took 1.5 s for 50,000 messages).
  const response = await sql<{ average: string | null; replies: string }>`
    WITH m AS (
      SELECT o.conversation_id, o.direction, o.created_at, o.prompt_tokens,
             count(*) FILTER (WHERE o.direction = 'out') OVER (PARTITION BY o.conversation_id ORDER BY o.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS outs_before
      FROM assistant_messages o JOIN assistant_conversations c ON c.id = o.conversation_id
      WHERE ${inRange} AND o.business_id = ${businessId}
    ), waits AS (
      SELECT min(created_at) FILTER (WHERE direction = 'in') AS first_in, min(created_at) FILTER (WHERE direction = 'out' AND prompt_tokens IS NOT NULL) AS reply_at
      FROM m GROUP BY conversation_id, outs_before
    )
    SELECT avg(extract(epoch FROM reply_at - first_in)) AS average, count(*) AS replies FROM waits WHERE first_in IS NOT NULL AND reply_at IS NOT NULL`.execute(
    tx,
  );

  // Normalised in JS (Unicode letters), counted over the range's incoming messages.
  const inbound = await sql<{ body: string }>`
    SELECT m.body FROM assistant_messages m JOIN assistant_conversations c ON c.id = m.conversation_id
    WHERE ${inRange} AND m.business_id = ${businessId} AND m.direction = 'in' AND m.body <> ''`.execute(tx);
  const triggers = await sql<{ body: string }>`
    SELECT h.trigger_text AS body FROM assistant_handovers h JOIN assistant_conversations c ON c.id = h.conversation_id
    WHERE ${inRange} AND h.business_id = ${businessId} AND h.reason = 'unknown_question' AND h.trigger_text IS NOT NULL`.execute(tx);

  const reached = PHASES.map((p, i) => PHASES.slice(i).reduce((n, q) => n + (byPhase.get(q) ?? 0), 0));
  return {
    from,
    to,
    conversations: total,
    phases: PHASES.map((p) => ({ phase: p, conversations: byPhase.get(p) ?? 0 })),
    funnel: PHASES.map((p, i) => ({
      phase: p,
      reached: reached[i],
      dropOff: i === 0 || reached[i - 1] === 0 ? null : (reached[i - 1] - reached[i]) / reached[i - 1],
    })),
    campaigns: campaigns.rows.map((r) => ({
      code: r.code,
      conversations: Number(r.conversations),
      bookings: Number(r.bookings),
      handovers: Number(r.handovers),
    })),
    escalation: {
      conversations: Number(escalated.rows[0]?.n ?? 0),
      rate: total === 0 ? null : Number(escalated.rows[0]?.n ?? 0) / total,
      reasons: reasons.rows.map((r) => ({ reason: r.reason, count: Number(r.n) })),
    },
    responseSeconds: {
      average: response.rows[0]?.average === null || response.rows[0]?.average === undefined ? null : Number(response.rows[0].average),
      replies: Number(response.rows[0]?.replies ?? 0),
    },
    questions: top(inbound.rows.map((r) => normaliseQuestion(r.body))),
    escalationReasons: top(triggers.rows.map((r) => r.body.trim())),
  };
}

function top(texts: string[]): { text: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const t of texts) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.entries()]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, TOP);
}
