import type { idContent } from '../id/content';

/** English: AI messages: keys, quotas, the AI service's failures, SMS length. */
export const enContent = {
  'ai.noKey': 'No AI API key yet. Messages from the template library are shown; add a key in Settings → AI to write them with AI.',
  'ai.offline': 'The AI service cannot be reached (offline?). The request is saved and will be done when the connection is back; meanwhile, use a template.',
  'ai.templatesShort': '{{got}} of {{asked}} variants: the offline template library has only {{got}} for this segment and channel.',
  'ai.badKey': 'The AI service refused the API key (401). Check the key in Settings → AI.',
  'ai.rateLimited': 'The AI service is limiting requests (429). Try again in {{seconds}} seconds.',
  'ai.serverError': 'The AI service has a problem (status {{status}}). Try again later; meanwhile, use a template.',
  'ai.timeout': 'The AI service did not answer within {{seconds}} seconds. Try again; meanwhile, use a template.',
  'ai.badResponse': 'The AI service answered in a form other than the one asked for, so nothing was saved. Try again or use a template.',
  'ai.quota': "This month's AI quota is used up ({{used}} of {{limit}}). Raise it in Settings → AI, or use a template.",
  'ai.cantStoreKey': 'The key can only be stored in the desktop app. In browser mode and the CLI, set the OPENAI_API_KEY environment variable.',
  'ai.queuedDone': 'The pending content for {{segment}} ({{channel}}) is ready.',
  'content.smsTooLong': 'an SMS is at most {{max}} characters, this is {{length}}',
  'content.offerDefault': 'a special offer',
} satisfies Record<keyof typeof idContent, string>;
