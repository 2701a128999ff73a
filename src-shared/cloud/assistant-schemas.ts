import { z } from 'zod';

/**
 * What the console reads about the assistant: the routes' response schemas, parsed again by the
 * console's `api()` so a change of shape shows at the call, not as `undefined` on screen. Pure zod,
 * imported by the console's bundle as well as the server.
 */
export const assistantReadPaths = {
  overview: '/api/admin/assistant/overview',
  settings: '/api/admin/businesses/:id/assistant/settings',
  conversations: '/api/admin/businesses/:id/assistant/conversations',
  conversation: '/api/admin/businesses/:id/assistant/conversations/:conversationId',
  handovers: '/api/admin/businesses/:id/assistant/handovers',
  analytics: '/api/admin/businesses/:id/assistant/analytics',
  prompts: '/api/admin/businesses/:id/assistant/prompts',
} as const;

export function assistantPath(name: keyof typeof assistantReadPaths | 'handback', ids: { id: string; conversationId?: string }): string {
  const template = name === 'handback' ? '/api/admin/businesses/:id/assistant/conversations/:conversationId/handback' : assistantReadPaths[name];
  return template.replace(':id', encodeURIComponent(ids.id)).replace(':conversationId', encodeURIComponent(ids.conversationId ?? ''));
}

export const phase = z.enum(['LEADS', 'INTEREST', 'BOOKING']);
export const handoverReason = z.enum(['payment_intent', 'person_request', 'unknown_question', 'low_confidence', 'quota']);
const instant = z.string();

export const conversationsQuery = z.strictObject({
  phase: phase.optional(),
  handedOver: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
/** A day the analytics can be asked for: PostgreSQL refuses year 0, and no conversation predates 2000. */
const analyticsDay = z.iso.date().refine((day) => day >= '2000-01-01' && day <= '2099-12-31', 'expected a date from 2000-01-01 to 2099-12-31');
export const analyticsQuery = z.strictObject({ from: analyticsDay.optional(), to: analyticsDay.optional() });

export const spend = z.strictObject({
  tokens: z.number(),
  assistantCost: z.number(),
  laptopCost: z.number(),
  quota: z.number().nullable(),
  /** The model set now has a price: without one its tokens count as Rp 0. */
  priced: z.boolean(),
  spent: z.boolean(),
});

export const settingsView = z.strictObject({
  enabled: z.boolean(),
  provider: z.enum(['waha', 'cloud_api']),
  wahaBaseUrl: z.string().nullable(),
  wahaSession: z.string(),
  hasWahaApiKey: z.boolean(),
  hasWebhookHmacKey: z.boolean(),
  cloudApiBaseUrl: z.string(),
  cloudApiVersion: z.string(),
  cloudApiPhoneNumberId: z.string().nullable(),
  hasCloudApiAccessToken: z.boolean(),
  hasCloudApiAppSecret: z.boolean(),
  hasCloudApiVerifyToken: z.boolean(),
  modelBaseUrl: z.string(),
  modelName: z.string(),
  hasModelApiKey: z.boolean(),
  confidenceThreshold: z.number(),
  monthlyTokenLimit: z.number().nullable(),
  modelPrices: z.record(z.string(), z.number()),
  updatedAt: instant,
});
export const settingsResponse = z.strictObject({ settings: settingsView.nullable(), spend, webhookPath: z.string(), cloudApiWebhookPath: z.string() });
export type SettingsView = z.infer<typeof settingsView>;

export const conversationRow = z.strictObject({
  id: z.string(),
  phone: z.string(),
  phase,
  campaignCode: z.string().nullable(),
  handedOver: z.boolean(),
  handoverReason: z.string().nullable(),
  lastMessage: z.string().nullable(),
  lastDirection: z.enum(['in', 'out']).nullable(),
  lastMessageAt: instant.nullable(),
  messages: z.number(),
  createdAt: instant,
});
export const conversationsResponse = z.strictObject({ conversations: z.array(conversationRow) });
export type ConversationRow = z.infer<typeof conversationRow>;

export const trailMessage = z.strictObject({
  id: z.number(),
  direction: z.enum(['in', 'out']),
  body: z.string(),
  at: instant,
  media: z.strictObject({ type: z.string(), url: z.string() }).nullable(),
  campaignCode: z.string().nullable(),
  ignoredCodes: z.array(z.string()),
  phaseBefore: phase.nullable(),
  phaseAfter: phase.nullable(),
  confidence: z.number().nullable(),
  escalationTrigger: z.string().nullable(),
  promptVersion: z.number().nullable(),
  tokens: z.number().nullable(),
  cost: z.number().nullable(),
});
export const handoverItem = z.strictObject({
  id: z.string(),
  conversationId: z.string(),
  phone: z.string(),
  stage: z.enum(['booking', 'follow_up']),
  reason: handoverReason,
  summary: z.string(),
  campaignCode: z.string().nullable(),
  trigger: z.string().nullable(),
  createdAt: instant,
  returnedAt: instant.nullable(),
  returnedBy: z.string().nullable(),
});
export const conversationResponse = z.strictObject({
  conversation: conversationRow.extend({ summary: z.string().nullable(), botPaused: z.boolean() }),
  messages: z.array(trailMessage),
  handovers: z.array(handoverItem),
});
export type TrailMessage = z.infer<typeof trailMessage>;
export type ConversationResponse = z.infer<typeof conversationResponse>;
export type HandoverView = z.infer<typeof handoverItem>;
export const handoversResponse = z.strictObject({ handovers: z.array(handoverItem) });

export const analyticsResponse = z.strictObject({
  from: z.string(),
  to: z.string(),
  conversations: z.number(),
  phases: z.array(z.strictObject({ phase, conversations: z.number() })),
  /** Conversations that reached each phase (a phase never goes back, so the current one is the furthest). */
  funnel: z.array(z.strictObject({ phase, reached: z.number(), dropOff: z.number().nullable() })),
  campaigns: z.array(z.strictObject({ code: z.string().nullable(), conversations: z.number(), bookings: z.number(), handovers: z.number() })),
  escalation: z.strictObject({
    conversations: z.number(),
    rate: z.number().nullable(),
    reasons: z.array(z.strictObject({ reason: handoverReason, count: z.number() })),
  }),
  responseSeconds: z.strictObject({ average: z.number().nullable(), replies: z.number() }),
  questions: z.array(z.strictObject({ text: z.string(), count: z.number() })),
  escalationReasons: z.array(z.strictObject({ text: z.string(), count: z.number() })),
});
export type Analytics = z.infer<typeof analyticsResponse>;

export const promptVersion = z.strictObject({
  version: z.number(),
  basePrompt: z.string(),
  businessProfile: z.string(),
  rules: z.string(),
  escalationCriteria: z.string(),
  faq: z.array(z.strictObject({ question: z.string(), answer: z.string() })),
  createdAt: instant.nullable(),
  createdBy: z.string().nullable(),
});
export const promptsResponse = z.strictObject({ current: promptVersion, versions: z.array(promptVersion) });
export type PromptVersionView = z.infer<typeof promptVersion>;

export const overviewResponse = z.strictObject({
  shops: z.array(
    z.strictObject({
      businessId: z.string(),
      name: z.string(),
      enabled: z.boolean(),
      conversations: z.number(),
      bookings: z.number(),
      openHandovers: z.number(),
      oldestOpenAt: instant.nullable(),
      lastMessageAt: instant.nullable(),
      cost: z.number(),
      quota: z.number().nullable(),
    }),
  ),
});
export type OverviewShop = z.infer<typeof overviewResponse>['shops'][number];

/**
 * The shop's own laptop reads the same views through its device token (device-routes.ts): the
 * business is the token's, never a path or query part, and the numbers are not masked.
 */
export const assistantDevicePaths = {
  conversations: '/api/assistant/device/conversations',
  conversation: '/api/assistant/device/conversations/:conversationId',
  analytics: '/api/assistant/device/analytics',
} as const;
export const DEVICE_CONVERSATIONS_PAGE = 50;
export const deviceConversationsQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(DEVICE_CONVERSATIONS_PAGE),
});
export const deviceConversationsResponse = z.strictObject({
  /** The assistant answers for this shop now (its settings say so); past conversations show either way. */
  enabled: z.boolean(),
  conversations: z.array(conversationRow),
  /** The offset of the next page, null on the last one. */
  nextOffset: z.number().nullable(),
});
export const deviceConversationParams = z.strictObject({ conversationId: z.uuid() });
