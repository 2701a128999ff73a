// The assistant's conversation reads shared by the console (numbers masked) and the shop's laptop
// (numbers whole): listing rows, one conversation's trail with its handovers, and the phone mask.
import type { InferResult, Selectable } from 'kysely';
import type { CloudContext } from '../server/app';
import type { ConversationResponse, HandoverView } from '../../src-shared/cloud/assistant-schemas';
import { withAssistant, type AssistantTables, type AssistantTx } from './schema';

/**
 * A customer's number as the console shows it: the country and operator prefix and the last three
 * digits, enough to tell two conversations apart, not enough to write to the customer from a
 * screenshot. The number itself reaches the shop's laptop with the handover's lead.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 8) return '•'.repeat(digits.length);
  return `+${digits.slice(0, 5)}${'•'.repeat(digits.length - 8)}${digits.slice(-3)}`;
}

type HandoverRow = Selectable<AssistantTables['assistant_handovers']>;

export async function usernames(ctx: CloudContext, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('admins').select(['admins.id', 'admins.username']).where('admins.id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.username]));
}

export function handoverView(r: HandoverRow, names: Map<string, string>, showPhone: (phone: string) => string = maskPhone): HandoverView {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    phone: showPhone(r.phone),
    stage: r.stage,
    reason: r.reason,
    summary: r.summary,
    campaignCode: r.campaign_code,
    trigger: r.trigger_text,
    createdAt: new Date(r.created_at).toISOString(),
    returnedAt: r.returned_at?.toISOString() ?? null,
    returnedBy: r.returned_by ? (names.get(r.returned_by) ?? null) : null,
  };
}

/** Each conversation with its newest message and how many it has. */
export function conversationRows(tx: AssistantTx, businessId: string) {
  return tx
    .selectFrom('assistant_conversations as c')
    .selectAll('c')
    .select((eb) => {
      // Builders are immutable: each use below extends this one into its own subquery.
      const messages = eb.selectFrom('assistant_messages as m').whereRef('m.conversation_id', '=', 'c.id').where('m.business_id', '=', businessId);
      const newest = messages.orderBy('m.id', 'desc').limit(1);
      return [
        newest.select('m.body').as('last_body'),
        newest.select('m.direction').as('last_direction'),
        messages.select((e) => e.fn.countAll<string>().as('n')).as('message_count'),
      ];
    })
    .where('c.business_id', '=', businessId);
}

type ConversationRowDb = InferResult<ReturnType<typeof conversationRows>>[number];
/** The console masks the number (`maskPhone`); the shop's own laptop gets it whole (device-routes.ts). */
export const conversationView = (r: ConversationRowDb, showPhone: (phone: string) => string = maskPhone) => ({
  id: r.id,
  phone: showPhone(r.phone),
  phase: r.phase,
  campaignCode: r.campaign_code,
  handedOver: r.handed_over,
  handoverReason: r.handover_reason,
  lastMessage: r.last_body ?? null,
  lastDirection: r.last_direction ?? null,
  lastMessageAt: r.last_message_at?.toISOString() ?? null,
  messages: Number(r.message_count ?? 0),
  createdAt: new Date(r.created_at).toISOString(),
});

/** One conversation of a business with its whole trail and handovers, or null when the business has no such conversation. */
export async function readConversation(
  ctx: CloudContext,
  businessId: string,
  conversationId: string,
  showPhone: (phone: string) => string,
): Promise<ConversationResponse | null> {
  const found = await withAssistant(ctx.db, businessId, async (tx) => {
    const row = await conversationRows(tx, businessId).where('c.id', '=', conversationId).executeTakeFirst();
    if (!row) return null;
    // The conversation's trail: its messages and its handovers, each table in the order written.
    const messages = await tx
      .selectFrom('assistant_messages')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('conversation_id', '=', conversationId)
      .orderBy('id')
      .execute();
    const handovers = await tx
      .selectFrom('assistant_handovers')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('conversation_id', '=', conversationId)
      .orderBy('version')
      .execute();
    return { row, messages, handovers };
  });
  if (!found) return null;
  const names = await usernames(
    ctx,
    found.handovers.map((h) => h.returned_by),
  );
  return {
    conversation: { ...conversationView(found.row, showPhone), summary: found.row.summary, botPaused: found.row.bot_paused },
    messages: found.messages.map((m) => {
      const media = m.media as { type?: unknown; url?: unknown } | null;
      return {
        id: Number(m.id),
        direction: m.direction,
        body: m.body,
        at: new Date(m.created_at).toISOString(),
        media: media && typeof media.url === 'string' ? { type: String(media.type ?? 'file'), url: media.url } : null,
        campaignCode: m.campaign_code,
        ignoredCodes: Array.isArray(m.ignored_codes) ? (m.ignored_codes as string[]) : [],
        phaseBefore: m.phase_before,
        phaseAfter: m.phase_after,
        confidence: m.confidence === null ? null : Number(m.confidence),
        escalationTrigger: m.escalation_trigger,
        promptVersion: m.prompt_version,
        tokens: m.prompt_tokens === null && m.completion_tokens === null ? null : (m.prompt_tokens ?? 0) + (m.completion_tokens ?? 0),
        cost: m.cost_rupiah === null ? null : Number(m.cost_rupiah),
      };
    }),
    handovers: found.handovers.map((h) => handoverView(h, names, showPhone)),
  };
}
