import { IconBrandInstagram, IconBrandWhatsapp, IconMail, IconMessage, IconSpeakerphone, type Icon } from '@tabler/icons-react';
import { SEGMENT_IDS, type SegmentId } from '../../../src-shared/rfm/rules';
import { CONTENT_CHANNELS, TONES } from '../../../src-shared/schemas/content';

export type ContentChannel = (typeof CONTENT_CHANNELS)[number];
export type Tone = (typeof TONES)[number];
export { CONTENT_CHANNELS, TONES };

export const CHANNEL_ICON: Record<ContentChannel, Icon> = {
  whatsapp: IconBrandWhatsapp,
  email: IconMail,
  instagram: IconBrandInstagram,
  sms: IconMessage,
  banner: IconSpeakerphone,
};

export const CHANNEL_COLOR: Record<ContentChannel, string> = {
  whatsapp: 'teal',
  email: 'blue',
  instagram: 'grape',
  sms: 'orange',
  banner: 'yellow',
};

/** Email has a subject line and a banner a headline; the other channels are one body of text. */
export const hasSubject = (channel: ContentChannel) => channel === 'email' || channel === 'banner';

/** One SMS segment; the provider is held to it, and an edit past it is not saved. */
export const SMS_LIMIT = 160;

export const isTone = (value: string): value is Tone => (TONES as readonly string[]).includes(value);

export const isSegment = (value: string | null | undefined): value is SegmentId => (SEGMENT_IDS as readonly string[]).includes(value ?? '');

export const isContentChannel = (value: string | null | undefined): value is ContentChannel => (CONTENT_CHANNELS as readonly string[]).includes(value ?? '');

/** The segment an owner usually writes to first after an analysis: the ones slipping away. */
export const DEFAULT_SEGMENT: SegmentId = 'at_risk';

/** A variant in one line for a picker: subject, then the start of the body. */
export function contentExcerpt(row: { subject: string | null; body: string }, max = 70): string {
  const text = (row.subject ? `${row.subject} — ` : '') + row.body.replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
