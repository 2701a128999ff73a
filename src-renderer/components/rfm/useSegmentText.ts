import { useTranslation } from 'react-i18next';
import type { ChurnBand, SegmentId } from '../../../src-shared/rfm/rules';
import { churnText, segmentText, type SegmentText } from '../../../src-shared/i18n/segments';

/**
 * Segment names, descriptions and actions in the language on screen. The texts live in src-shared
 * (exports and the CLI use them too); reading the language through i18next re-renders on a switch.
 */
export function useSegmentText(): { segment: (id: SegmentId) => SegmentText; churn: (band: ChurnBand) => string } {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  return {
    segment: (id) => segmentText(id, language),
    churn: (band) => churnText(band, language),
  };
}
