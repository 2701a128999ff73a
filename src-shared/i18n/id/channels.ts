/**
 * Bahasa Indonesia: channels. Where a sale happened (the transaction pages, exports and report
 * previews; an import reads these words back to their codes), how a message goes out (the content
 * pages), and the same inside a sentence.
 */
export const idChannels = {
  'channel.offline': 'Toko (offline)',
  'channel.whatsapp': 'WhatsApp',
  'channel.instagram': 'Instagram',
  'channel.tiktok': 'TikTok',
  'channel.marketplace': 'Marketplace',
  'channel.website': 'Website',
  'channel.other': 'Lainnya',
  'channel.pos': 'POS (kasir)',
  'channel.shopee': 'Shopee',
  'channel.tokopedia': 'Tokopedia',
  'channel.tiktok_shop': 'TikTok Shop',
  'channel.lazada': 'Lazada',
  'contentChannel.whatsapp': 'WhatsApp',
  'contentChannel.email': 'Email',
  'contentChannel.instagram': 'Instagram',
  'contentChannel.sms': 'SMS',
  'contentChannel.banner': 'Banner promo',
  'channelInSentence.whatsapp': 'WhatsApp',
  'channelInSentence.email': 'email',
  'channelInSentence.instagram': 'Instagram',
  'channelInSentence.sms': 'SMS',
  'channelInSentence.banner': 'banner promo',
} satisfies Record<string, string>;
