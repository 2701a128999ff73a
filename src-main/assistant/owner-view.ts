import type { z } from 'zod';
import { analyticsResponse, assistantDevicePaths, conversationResponse, deviceConversationsResponse } from '../../src-shared/cloud/assistant-schemas';
import { AppError } from '../../src-shared/errors';
import { normalizePhone } from '../../src-shared/format/phone';
import type {
  assistantAnalyticsInput,
  assistantAnalyticsOutput,
  assistantConversationOutput,
  assistantConversationsOutput,
} from '../../src-shared/schemas/assistant';
import type { Ctx } from '../core/context';
import { cloudRequest, CloudRequestError } from '../sync/http';
import { readState } from '../sync/state';
import { tokenStore } from '../sync/token-store';

/**
 * The owner's view of the WhatsApp assistant (issue 23): the shop's conversations, one transcript and
 * the analytics, read from the cloud with the sync client's device token and address. Nothing is
 * kept on the laptop: each read asks the cloud, so an offline laptop says so instead of showing an
 * old copy as if it were now.
 */

/** A page is read on screen open: answering late is worse than saying the cloud is slow. */
export const ASSISTANT_TIMEOUT_MS = 10_000;

type Why = 'notEnrolled' | 'offline' | 'notEnabled' | 'unauthorised' | 'suspended' | 'refused';

function refuse(ctx: Ctx, why: Why, reason = ''): AppError {
  return new AppError('CONFLICT', ctx.t(`assistant.${why}`, { reason }), { reason: why });
}

/** GET one of the device routes; every failure becomes the owner's sentence, never a stack trace. */
async function ask<T>(ctx: Ctx, path: string, output: z.ZodType<T>, timeoutMs: number, notFound: () => AppError): Promise<T> {
  const state = readState(ctx.sqlite);
  const token = tokenStore(ctx).get();
  if (!state || !token) throw refuse(ctx, 'notEnrolled');
  try {
    return await cloudRequest(state.serverUrl, 'GET', path, token, undefined, output, timeoutMs);
  } catch (error) {
    if (!(error instanceof CloudRequestError)) throw error;
    const { failure } = error;
    if (failure.kind === 'offline') throw refuse(ctx, 'offline', failure.message);
    if (failure.kind === 'unauthorised') throw refuse(ctx, 'unauthorised');
    if (failure.kind === 'suspended') throw refuse(ctx, 'suspended');
    if (failure.kind === 'refused' && failure.status === 404) throw notFound();
    throw refuse(ctx, 'refused', failure.message);
  }
}

/** The lead on this laptop for each number (the handover made it, or someone typed it in). */
async function leadsByPhone(ctx: Ctx, phones: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(phones.map((p) => normalizePhone(p)).filter((p): p is string => !!p))];
  if (wanted.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('leads')
    .select(['phone', 'id'])
    .where('deleted_at', 'is', null)
    .where('phone', 'in', wanted)
    .orderBy('created_at')
    .execute();
  // The newest lead of a number wins (later rows overwrite).
  return new Map(rows.map((r) => [r.phone as string, r.id]));
}
const leadOf = (leads: Map<string, string>, phone: string) => leads.get(normalizePhone(phone) ?? '') ?? null;

interface Options {
  timeoutMs?: number;
}

export async function assistantConversations(
  ctx: Ctx,
  input: { offset: number },
  options: Options = {},
): Promise<z.output<typeof assistantConversationsOutput>> {
  // A server without the assistant at all has no such route: for the owner that is "not turned on".
  const page = await ask(
    ctx,
    `${assistantDevicePaths.conversations}?offset=${input.offset}`,
    deviceConversationsResponse,
    options.timeoutMs ?? ASSISTANT_TIMEOUT_MS,
    () => refuse(ctx, 'notEnabled'),
  );
  // Turned off with chats from before: those still show (the page says it is off); never on, nothing to show.
  if (!page.enabled && page.conversations.length === 0 && input.offset === 0) throw refuse(ctx, 'notEnabled');
  const leads = await leadsByPhone(
    ctx,
    page.conversations.map((c) => c.phone),
  );
  return { ...page, conversations: page.conversations.map((c) => ({ ...c, leadId: leadOf(leads, c.phone) })) };
}

export async function assistantConversation(ctx: Ctx, input: { id: string }, options: Options = {}): Promise<z.output<typeof assistantConversationOutput>> {
  const path = assistantDevicePaths.conversation.replace(':conversationId', encodeURIComponent(input.id));
  const found = await ask(
    ctx,
    path,
    conversationResponse,
    options.timeoutMs ?? ASSISTANT_TIMEOUT_MS,
    () => new AppError('NOT_FOUND', ctx.t('assistant.noConversation')),
  );
  return { ...found, leadId: leadOf(await leadsByPhone(ctx, [found.conversation.phone]), found.conversation.phone) };
}

export async function assistantAnalytics(
  ctx: Ctx,
  input: z.output<typeof assistantAnalyticsInput>,
  options: Options = {},
): Promise<z.output<typeof assistantAnalyticsOutput>> {
  const query = new URLSearchParams({ from: input.from, to: input.to });
  return ask(ctx, `${assistantDevicePaths.analytics}?${query.toString()}`, analyticsResponse, options.timeoutMs ?? ASSISTANT_TIMEOUT_MS, () =>
    refuse(ctx, 'notEnabled'),
  );
}
