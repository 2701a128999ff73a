import { CHANNEL_TEXT, channelLabel, isSalesChannel, type SalesChannel } from '../../../src-shared/i18n/channels';
import { CHANNELS } from '../../../src-shared/schemas/transaction';

// The channels' words live in src-shared (CHANNEL_TEXT): exports and report previews say the same.
export { CHANNEL_TEXT, CHANNELS, channelLabel, isSalesChannel, type SalesChannel };

export const CHANNEL_COLORS: Record<SalesChannel, string> = {
  offline: 'gray',
  whatsapp: 'teal',
  instagram: 'grape',
  tiktok: 'dark',
  marketplace: 'orange',
  website: 'blue',
  other: 'navy',
  pos: 'cyan',
  shopee: 'orange',
  tokopedia: 'green',
  tiktok_shop: 'dark',
  lazada: 'indigo',
};
