import { z } from 'zod';
import { analyticsResponse, conversationResponse, conversationRow } from '../cloud/assistant-schemas';
import { idField, isoDate } from './common';

/**
 * The owner's view of the WhatsApp assistant on the laptop (issue 23): the cloud's own shapes (pure
 * zod, which the console's bundle imports as well), each conversation with the laptop's lead of
 * that number where there is one.
 */
export const assistantConversationsInput = z.strictObject({ offset: z.number().int().min(0).max(1_000_000).default(0) });
const leadLink = { leadId: z.string().nullable() };
export const assistantConversationsOutput = z.object({
  enabled: z.boolean(),
  conversations: z.array(conversationRow.extend(leadLink)),
  nextOffset: z.number().nullable(),
});
export const assistantConversationInput = z.strictObject({ id: idField });
export const assistantConversationOutput = conversationResponse.extend({ leadId: z.string().nullable() });
export const assistantAnalyticsInput = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((v) => v.from <= v.to, { message: 'v.dateRange', path: ['to'] })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 3 * 366 * 86_400_000, { message: 'v.range', path: ['from'] });
export const assistantAnalyticsOutput = analyticsResponse;

export type AssistantConversation = z.output<typeof assistantConversationsOutput>['conversations'][number];
export type AssistantTranscript = z.output<typeof assistantConversationOutput>;
export type AssistantAnalytics = z.output<typeof assistantAnalyticsOutput>;
