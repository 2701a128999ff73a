import { channelLabel, isSalesChannel, salesChannelText, type SalesChannel } from '../../../src-shared/i18n/channels';
import { CHANNELS } from '../../../src-shared/schemas/transaction';

// The channels' words live in the shared catalogue: exports and report previews say the same.
export { CHANNELS, salesChannelText, channelLabel, isSalesChannel, type SalesChannel };

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
