import { z } from 'zod';
import { def } from './contract-def';
import {
  assistantAnalyticsInput,
  assistantAnalyticsOutput,
  assistantConversationInput,
  assistantConversationOutput,
  assistantConversationsInput,
  assistantConversationsOutput,
} from './schemas/assistant';
import { empty, idInput, okOutput } from './schemas/common';
import {
  broadcastInput,
  broadcastOutput,
  campaignCreateInput,
  campaignRow,
  communicationRow,
  contentListInput,
  contentListOutput,
  contentRow,
  contentUpdateInput,
  generateInput,
  generateOutput,
  markContactedInput,
  personaliseInput,
  personaliseOutput,
  usageOutput,
} from './schemas/content';

/**
 * Reaching customers: AI-written messages, sending them, campaigns, and the WhatsApp assistant's chats.
 * Part of the one contract (contract.ts), kept apart by domain so that each list stays short.
 */
export const messageChannels = {
  /** Where the AI key comes from; it is never sent back. */
  'ai.keyStatus': def(empty, z.object({ source: z.enum(['desktop', 'session', 'env', 'none']), canStore: z.boolean(), protected: z.boolean() })),
  'ai.setKey': def(z.strictObject({ key: z.string().trim().min(8, 'v.invalid').max(300).nullable() }), okOutput),
  /** Cache, else the provider, else the built-in templates with the reason; never a half-saved result. */
  'content.generate': def(generateInput, generateOutput),
  'content.list': def(contentListInput, contentListOutput),
  'content.get': def(idInput, contentRow),
  'content.update': def(contentUpdateInput, contentRow),
  'content.delete': def(idInput, okOutput),
  'content.usage': def(empty, usageOutput),
  'content.drainQueue': def(empty, z.object({ done: z.number(), failed: z.number(), waiting: z.number() })),
  'content.personalise': def(personaliseInput, personaliseOutput),
  'content.broadcast': def(broadcastInput, broadcastOutput),
  'content.markContacted': def(markContactedInput, z.object({ recorded: z.number() })),
  'customers.communications': def(idInput, z.array(communicationRow)),
  'campaigns.list': def(empty, z.array(campaignRow)),
  'campaigns.get': def(idInput, campaignRow),
  'campaigns.create': def(campaignCreateInput, campaignRow),

  /** The WhatsApp assistant's chats of this shop, newest first, read from the cloud (with the laptop's lead of each number). */
  'assistant.conversations': def(assistantConversationsInput, assistantConversationsOutput),
  /** One chat's transcript: every message in and out, phases, handovers. */
  'assistant.conversation': def(assistantConversationInput, assistantConversationOutput),
  /** The console's analytics of the assistant for this shop over a date range. */
  'assistant.analytics': def(assistantAnalyticsInput, assistantAnalyticsOutput),
} as const;
