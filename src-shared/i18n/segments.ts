import type { Language } from '../schemas/auth';
import { CHURN_BANDS, SEGMENT_IDS, type ChurnBand, type SegmentId } from '../rfm/rules';
import type { CONTENT_CHANNELS } from '../schemas/content';
import { say } from './instance';

export interface SegmentText {
  name: string;
  /** Who they are, in one line an owner recognises. */
  who: string;
  /** What to do about them. */
  action: string;
}

export function isSegmentId(value: unknown): value is SegmentId {
  return typeof value === 'string' && (SEGMENT_IDS as readonly string[]).includes(value);
}

/** A segment's name, who they are and what to do: the RFM pages, the dashboard, exports and the CLI. */
export function segmentText(segment: SegmentId, language: Language): SegmentText {
  return {
    name: say('messages', `seg.${segment}.name`, language),
    who: say('messages', `seg.${segment}.who`, language),
    action: say('messages', `seg.${segment}.action`, language),
  };
}

export function segmentName(segment: SegmentId, language: Language): string {
  return say('messages', `seg.${segment}.name`, language);
}

/** A stored segment as its name; one this version does not know (a newer laptop's) stays as it is. */
export function segmentLabel(segment: string, language: Language): string {
  return isSegmentId(segment) ? segmentName(segment, language) : segment;
}

export function churnText(band: ChurnBand, language: Language): string {
  return say('messages', `churn.${band}`, language);
}

/** A stored churn band as its words; an unknown one stays as it is. */
export function churnLabel(band: string, language: Language): string {
  return (CHURN_BANDS as readonly string[]).includes(band) ? churnText(band as ChurnBand, language) : band;
}

/** How a message goes out, inside a sentence ("… for Champions on WhatsApp"): lower case where the language wants it. */
export function channelInSentence(channel: (typeof CONTENT_CHANNELS)[number], language: Language): string {
  return say('messages', `channelInSentence.${channel}`, language);
}
