import { SEGMENT_IDS, type SegmentId } from '../../src-shared/rfm/rules';
import { segmentName } from '../../src-shared/i18n/segments';
import type { Language } from './i18n';

/** The desktop app's colour per segment (src-renderer/components/rfm/segmentStyle.ts), so "red is At Risk" holds here too. */
export const SEGMENT_COLOR: Record<SegmentId, string> = {
  champions: 'teal',
  loyal: 'green',
  potential_loyalist: 'lime',
  new_customers: 'cyan',
  promising: 'blue',
  need_attention: 'yellow',
  about_to_sleep: 'orange',
  at_risk: 'red',
  cant_lose_them: 'pink',
  hibernating: 'violet',
  lost: 'gray',
};

export function isSegment(value: string): value is SegmentId {
  return (SEGMENT_IDS as readonly string[]).includes(value);
}

/** A pushed segment may be one this console does not know (a newer laptop): shown by its id, in grey. */
export function segmentLabel(segment: string, language: Language): string {
  return isSegment(segment) ? segmentName(segment, language) : segment;
}

export function segmentColor(segment: string): string {
  return isSegment(segment) ? SEGMENT_COLOR[segment] : 'gray';
}

/** Segments in the app's order (best first), unknown ones last. */
export function sortSegments<T extends { segment: string }>(items: T[]): T[] {
  const rank = (s: string) => (isSegment(s) ? SEGMENT_IDS.indexOf(s) : SEGMENT_IDS.length);
  return [...items].sort((a, b) => rank(a.segment) - rank(b.segment));
}
