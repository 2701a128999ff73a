import { SEGMENT_IDS, type SegmentId } from '../../src-shared/rfm/rules';
import { segmentName } from '../../src-shared/i18n/segments';
import type { Language } from './i18n';
import { SEGMENT_COLOR } from '../../src-ui/rfm/segmentStyle';

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
