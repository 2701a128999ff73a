import { z } from 'zod';

/** The console's assistant requests (the console pages come later; the shapes are fixed here). */
const url = z.url({ protocol: /^https?$/ }).max(2000);

export const assistantPaths = {
  webhook: '/api/assistant/waha/:businessId',
  /** Meta's callback: GET is the verification handshake, POST the signed notifications. */
  cloudApiWebhook: '/api/assistant/cloud-api/:businessId',
  settings: '/api/admin/businesses/:id/assistant/settings',
  prompts: '/api/admin/businesses/:id/assistant/prompts',
  handback: '/api/admin/businesses/:id/assistant/conversations/:conversationId/handback',
} as const;

export const idParams = z.strictObject({ id: z.uuid() });
export const conversationParams = z.strictObject({ id: z.uuid(), conversationId: z.uuid() });
export const webhookParams = z.strictObject({ businessId: z.uuid() });

const secret = (min: number) => z.string().min(min, `at least ${min} characters`).max(500);

export const settingsRequest = z
  .strictObject({
    enabled: z.boolean(),
    /** Which gateway answers the shop's customers: WAHA (self-hosted) or Meta's WhatsApp Cloud API. */
    provider: z.enum(['waha', 'cloud_api']).default('waha'),
    /** Required for WAHA; a Cloud API shop may leave it out. */
    wahaBaseUrl: url.nullish(),
    wahaSession: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only')
      .default('default'),
    // Secrets: left out = keep the one stored (the console never reads them back), null = remove.
    wahaApiKey: z.string().min(1).max(500).nullable().optional(),
    /** The key WAHA signs its webhooks with (session config `webhooks[].hmac.key`); required the first time. */
    webhookHmacKey: z.string().min(16, 'at least 16 characters').max(500).optional(),
    cloudApiBaseUrl: url.default('https://graph.facebook.com'),
    cloudApiVersion: z
      .string()
      .trim()
      .regex(/^v\d{1,3}\.\d$/, 'a Graph API version such as v25.0')
      .default('v25.0'),
    /** The business phone number's id in Meta's app (digits), not the phone number itself. */
    cloudApiPhoneNumberId: z
      .string()
      .trim()
      .regex(/^\d{5,30}$/, 'digits only (the phone number id from Meta, not the number)')
      .nullish(),
    // Secrets as above: left out = keep, null = remove. All three are needed before the Cloud API answers.
    cloudApiAccessToken: secret(20).nullable().optional(),
    cloudApiAppSecret: secret(16).nullable().optional(),
    cloudApiVerifyToken: secret(16).nullable().optional(),
    modelBaseUrl: url,
    modelName: z.string().trim().min(1).max(200),
    modelApiKey: z.string().min(1).max(500).nullable().optional(),
    confidenceThreshold: z.number().min(0).max(1),
    monthlyTokenLimit: z.number().int().min(0).max(1e12).nullable(),
    /** Rupiah per 1,000 tokens by model name, for the cost counted against the AI quota; left out = keep. */
    modelPrices: z.record(z.string().trim().min(1).max(200), z.number().min(0, 'a price is 0 or more').max(1e9)).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.provider === 'waha' && !s.wahaBaseUrl) ctx.addIssue({ code: 'custom', path: ['wahaBaseUrl'], message: 'required when the gateway is WAHA' });
    if (s.provider === 'cloud_api' && !s.cloudApiPhoneNumberId)
      ctx.addIssue({ code: 'custom', path: ['cloudApiPhoneNumberId'], message: 'required when the gateway is the Cloud API' });
  });
export type SettingsRequest = z.infer<typeof settingsRequest>;

export const promptRequest = z.strictObject({
  basePrompt: z.string().trim().min(1).max(20_000),
  businessProfile: z.string().trim().max(20_000),
  rules: z.string().trim().max(20_000),
  escalationCriteria: z.string().trim().max(20_000),
  faq: z.array(z.strictObject({ question: z.string().trim().min(1).max(1000), answer: z.string().trim().min(1).max(4000) })).max(200),
});

export const okResponse = z.strictObject({ ok: z.literal(true) });
export const versionResponse = z.strictObject({ version: z.number().int() });
export const webhookResponse = z.strictObject({ stored: z.boolean(), ignored: z.string().nullable() });
/** A notification may carry several messages: how many were new, and why the rest were dropped. */
export const cloudApiWebhookResponse = z.strictObject({ stored: z.number().int(), ignored: z.array(z.string()) });
