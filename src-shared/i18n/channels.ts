import { LANGUAGES, type Language } from '../schemas/auth';
import { CONTENT_CHANNELS } from '../schemas/content';
import { CHANNELS } from '../schemas/transaction';
import { say } from './instance';

export type SalesChannel = (typeof CHANNELS)[number];
export type ContentChannel = (typeof CONTENT_CHANNELS)[number];

export function isSalesChannel(value: unknown): value is SalesChannel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** Where a sale happened, as the app says it: the transaction pages, exports and report previews. */
export function salesChannelText(channel: SalesChannel, language: Language): string {
  return say('messages', `channel.${channel}`, language);
}

/** A stored channel as its words; a code this version does not know stays as it is. */
export function channelLabel(value: string | null | undefined, language: Language): string | null {
  if (value === null || value === undefined || value === '') return null;
  return isSalesChannel(value) ? salesChannelText(value, language) : value;
}

/** How a message goes out (the content pages' channels), for sentences such as the activity log's; an unknown code stays. */
export function contentChannelLabel(value: string, language: Language): string {
  return (CONTENT_CHANNELS as readonly string[]).includes(value) ? say('messages', `contentChannel.${value as ContentChannel}`, language) : value;
}

const BY_WORDS = new Map<string, SalesChannel>(
  LANGUAGES.flatMap((language) => CHANNELS.map((code) => [salesChannelText(code, language).toLowerCase(), code] as const)),
);

/**
 * A channel as a file writes it back to its code: an export says "Toko (offline)", and importing
 * that file again must store `offline`, as before. Any other text is kept as it is.
 */
export function channelCode(text: string | null): string | null {
  if (text === null) return null;
  const key = text.trim().toLowerCase();
  if (isSalesChannel(key)) return key;
  return BY_WORDS.get(key) ?? text;
}
