import type { Language } from '../schemas/auth';
import type { CONTENT_CHANNELS } from '../schemas/content';
import { CHANNELS } from '../schemas/transaction';

export type SalesChannel = (typeof CHANNELS)[number];

/** Where a sale happened, as the app says it: the transaction pages, exports and report previews. */
export const CHANNEL_TEXT: Record<Language, Record<SalesChannel, string>> = {
  id: {
    offline: 'Toko (offline)',
    whatsapp: 'WhatsApp',
    instagram: 'Instagram',
    tiktok: 'TikTok',
    marketplace: 'Marketplace',
    website: 'Website',
    other: 'Lainnya',
    pos: 'POS (kasir)',
    shopee: 'Shopee',
    tokopedia: 'Tokopedia',
    tiktok_shop: 'TikTok Shop',
    lazada: 'Lazada',
  },
  en: {
    offline: 'Store (offline)',
    whatsapp: 'WhatsApp',
    instagram: 'Instagram',
    tiktok: 'TikTok',
    marketplace: 'Marketplace',
    website: 'Website',
    other: 'Other',
    pos: 'POS (till)',
    shopee: 'Shopee',
    tokopedia: 'Tokopedia',
    tiktok_shop: 'TikTok Shop',
    lazada: 'Lazada',
  },
};

/** How a message goes out (the content pages' channels), for sentences such as the activity log's. */
export const CONTENT_CHANNEL_TEXT: Record<Language, Record<(typeof CONTENT_CHANNELS)[number], string>> = {
  id: { whatsapp: 'WhatsApp', email: 'Email', instagram: 'Instagram', sms: 'SMS', banner: 'Banner promo' },
  en: { whatsapp: 'WhatsApp', email: 'Email', instagram: 'Instagram', sms: 'SMS', banner: 'Promo banner' },
};

export function isSalesChannel(value: unknown): value is SalesChannel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** A stored channel as its words; a code this version does not know stays as it is. */
export function channelLabel(value: string | null | undefined, language: Language): string | null {
  if (value === null || value === undefined || value === '') return null;
  return isSalesChannel(value) ? CHANNEL_TEXT[language][value] : value;
}

const BY_WORDS = new Map<string, SalesChannel>(
  Object.values(CHANNEL_TEXT).flatMap((labels) => Object.entries(labels).map(([code, label]) => [label.toLowerCase(), code as SalesChannel] as const)),
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
