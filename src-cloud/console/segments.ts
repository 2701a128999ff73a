import { SEGMENT_IDS } from '../../src-shared/rfm/rules';
import { isSegmentId } from '../../src-shared/i18n/segments';
import { SEGMENT_COLOR } from '../../src-ui/rfm/segmentStyle';

// A pushed segment may be one this console does not know (a newer laptop): the shared label shows
// it by its id, and it is drawn in grey.
export { segmentLabel } from '../../src-shared/i18n/segments';

export function segmentColor(segment: string): string {
  return isSegmentId(segment) ? SEGMENT_COLOR[segment] : 'gray';
}

/** Segments in the app's order (best first), unknown ones last. */
export function sortSegments<T extends { segment: string }>(items: T[]): T[] {
  const rank = (s: string) => (isSegmentId(s) ? SEGMENT_IDS.indexOf(s) : SEGMENT_IDS.length);
  return [...items].sort((a, b) => rank(a.segment) - rank(b.segment));
}
