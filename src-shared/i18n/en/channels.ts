import type { idChannels } from '../id/channels';

/** English: channels: where a sale happened, how a message goes out, and the same inside a sentence. */
export const enChannels = {
  'channel.offline': 'Store (offline)',
  'channel.whatsapp': 'WhatsApp',
  'channel.instagram': 'Instagram',
  'channel.tiktok': 'TikTok',
  'channel.marketplace': 'Marketplace',
  'channel.website': 'Website',
  'channel.other': 'Other',
  'channel.pos': 'POS (till)',
  'channel.shopee': 'Shopee',
  'channel.tokopedia': 'Tokopedia',
  'channel.tiktok_shop': 'TikTok Shop',
  'channel.lazada': 'Lazada',
  'contentChannel.whatsapp': 'WhatsApp',
  'contentChannel.email': 'Email',
  'contentChannel.instagram': 'Instagram',
  'contentChannel.sms': 'SMS',
  'contentChannel.banner': 'Promo banner',
  'channelInSentence.whatsapp': 'WhatsApp',
  'channelInSentence.email': 'email',
  'channelInSentence.instagram': 'Instagram',
  'channelInSentence.sms': 'SMS',
  'channelInSentence.banner': 'promo banner',
} satisfies Record<keyof typeof idChannels, string>;
