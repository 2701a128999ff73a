import { CHANNELS } from '../../../src-shared/schemas/transaction';

export type SalesChannel = (typeof CHANNELS)[number];

export const CHANNEL_COLORS: Record<SalesChannel, string> = {
  offline: 'gray',
  whatsapp: 'teal',
  instagram: 'grape',
  tiktok: 'dark',
  marketplace: 'orange',
  website: 'blue',
  other: 'navy',
};

export function isSalesChannel(value: string | null): value is SalesChannel {
  return value !== null && (CHANNELS as readonly string[]).includes(value);
}

export { CHANNELS };
