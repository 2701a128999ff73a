import { z } from 'zod';
import { CAMPAIGN_CODE } from '../content/placeholders';
import { idField, isoDate, pageInput, pageOutput, requiredText } from './common';
import { segmentId } from './rfm';

export const CONTENT_CHANNELS = ['whatsapp', 'email', 'instagram', 'sms', 'banner'] as const;
export const contentChannel = z.enum(CONTENT_CHANNELS);
export const TONES = ['friendly', 'formal', 'playful', 'urgent', 'caring'] as const;

export const generateInput = z.strictObject({
  segment: segmentId,
  channel: contentChannel,
  tone: z.enum(TONES).default('friendly'),
  offer: z.string().trim().max(300, 'v.tooLong').default(''),
  language: z.enum(['id', 'en']).default('id'),
  variants: z.number().int().min(1, 'v.range').max(5, 'v.range').default(3),
  /** Ask the provider again even though the same request was answered before. */
  regenerate: z.boolean().default(false),
});
export type GenerateInput = z.output<typeof generateInput>;

export const contentRow = z.object({
  id: z.string(),
  generationId: z.string(),
  segment: segmentId,
  channel: contentChannel,
  tone: z.string(),
  language: z.enum(['id', 'en']),
  offer: z.string().nullable(),
  source: z.enum(['ai', 'template']),
  promptVersion: z.number(),
  promptHash: z.string(),
  variant: z.number(),
  subject: z.string().nullable(),
  body: z.string(),
  model: z.string().nullable(),
  promptTokens: z.number(),
  completionTokens: z.number(),
  cost: z.number(),
  latencyMs: z.number(),
  status: z.enum(['draft', 'approved']),
  userName: z.string().nullable(),
  createdAt: z.string(),
});
export type ContentRow = z.infer<typeof contentRow>;

export const generateOutput = z.object({
  source: z.enum(['ai', 'cache', 'template']),
  /** Why the templates were offered instead (no key, offline, quota, an error), in the user's language. */
  notice: z.string().nullable(),
  /** Set when the request waits in the offline queue. */
  queuedId: z.string().nullable(),
  prompt: z.object({ version: z.number(), system: z.string(), user: z.string(), hash: z.string() }),
  variants: z.array(contentRow),
});
export type GenerateOutput = z.infer<typeof generateOutput>;

export const contentUpdateInput = z.strictObject({
  id: idField,
  subject: z.string().trim().max(200, 'v.tooLong').nullable().optional(),
  body: requiredText(4000).optional(),
  status: z.enum(['draft', 'approved']).optional(),
});

/** An SMS over 160 characters is split or refused by phones: refused here, not only in the form. */
export const SMS_MAX = 160;

export const contentListInput = z.strictObject({
  generationId: idField.optional(),
  segment: segmentId.optional(),
  channel: contentChannel.optional(),
  status: z.enum(['draft', 'approved']).optional(),
  ...pageInput,
});
export const contentListOutput = pageOutput(contentRow);

export const usageOutput = z.object({
  month: z.string(),
  quota: z.object({ kind: z.enum(['tokens', 'rupiah']), limit: z.number().nullable(), used: z.number() }),
  byMonth: z.array(z.object({ month: z.string(), calls: z.number(), failed: z.number(), tokens: z.number(), cost: z.number() })),
  bySegmentChannel: z.array(
    z.object({ segment: z.string().nullable(), channel: z.string().nullable(), calls: z.number(), tokens: z.number(), cost: z.number() }),
  ),
  queued: z.number(),
});

export const campaignCode = z.string().trim().toUpperCase().regex(CAMPAIGN_CODE, 'v.campaignCode');

export const personaliseInput = z.strictObject({
  contentId: idField.optional(),
  /** Text typed or edited by the user; used instead of the stored content when given. */
  subject: z.string().max(200).nullable().optional(),
  body: z.string().max(4000).optional(),
  segment: segmentId.optional(),
  customerIds: z.array(idField).max(10_000).optional(),
  campaignId: idField.optional(),
  /** A code typed for a sending to a segment: fills {kode_kampanye} when no campaign does. */
  campaignCode: campaignCode.optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
});

export const personalisedRow = z.object({
  customerId: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  subject: z.string().nullable(),
  message: z.string(),
  /** null when the customer has no phone number. */
  waLink: z.string().nullable(),
  lastContactedAt: z.string().nullable(),
  /** Placeholders the message uses that would be filled with nothing: such a message is not sent (no waLink). */
  missing: z.array(z.string()),
});
export const personaliseOutput = pageOutput(personalisedRow);

export const broadcastInput = personaliseInput.omit({ page: true, pageSize: true }).extend({
  kind: z.enum(['whatsapp', 'email']),
  format: z.enum(['csv', 'xlsx']).default('csv'),
  /** Record every customer in the file as contacted (the list goes to a tool that sends to all of them). */
  markContacted: z.boolean().default(true),
});

/** The file written (rows: customers in it) and how many of them were recorded as contacted. */
export const broadcastOutput = z.object({ fileId: z.string(), name: z.string(), rows: z.number(), bytes: z.number(), contacted: z.number() });
export type BroadcastResult = z.infer<typeof broadcastOutput>;

export const markContactedInput = z.strictObject({
  customerIds: z.array(idField).min(1).max(10_000),
  channel: contentChannel,
  contentId: idField.optional(),
  campaignId: idField.optional(),
  campaignCode: campaignCode.optional(),
  /** The text as sent, when edited for this sending; else the stored content's. */
  subject: z.string().max(200).nullable().optional(),
  body: z.string().max(4000).optional(),
});

export const communicationRow = z.object({
  id: z.string(),
  channel: z.string(),
  message: z.string().nullable(),
  campaignCode: z.string().nullable(),
  sentAt: z.string(),
  userName: z.string().nullable(),
});

export const campaignCreateInput = z
  .strictObject({
    name: requiredText(120),
    code: campaignCode,
    segment: segmentId,
    channel: contentChannel,
    contentId: idField.optional(),
    startDate: isoDate,
    endDate: isoDate,
  })
  .refine((c) => c.endDate >= c.startDate, { message: 'v.dateRange', path: ['endDate'] });

export const campaignRow = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  segment: segmentId,
  channel: contentChannel,
  contentId: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  recipients: z.number(),
  contacted: z.number(),
  converted: z.number(),
  conversions: z.number(),
  revenue: z.number(),
  conversionPct: z.number(),
  createdAt: z.string(),
});
export type CampaignRow = z.infer<typeof campaignRow>;
