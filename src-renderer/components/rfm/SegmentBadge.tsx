import { Badge, type BadgeProps } from '@mantine/core';
import type { ChurnBand, SegmentId } from '../../../src-shared/rfm/rules';
import { CHURN_COLOR, SEGMENT_COLOR } from '../../../src-ui/rfm/segmentStyle';
import { useSegmentText } from './useSegmentText';

/** A table squeezing its columns would otherwise cut a name to "Kemungkinan hil…": names stay whole. */
const FULL_LABEL = { minWidth: 'max-content' } as const;

type Props = Omit<BadgeProps, 'color' | 'children'> & { segment: SegmentId; title?: string };

export function SegmentBadge({ segment, ...rest }: Props) {
  const text = useSegmentText();
  return (
    <Badge color={SEGMENT_COLOR[segment]} variant="light" tt="none" data-segment={segment} style={FULL_LABEL} {...rest}>
      {text.segment(segment).name}
    </Badge>
  );
}

/** A churn band, or a dash for a customer whose usual gap cannot be known. */
export function ChurnBadge({ band, ...rest }: Omit<BadgeProps, 'color' | 'children'> & { band: ChurnBand | null }) {
  const text = useSegmentText();
  if (!band) return <>—</>;
  return (
    <Badge color={CHURN_COLOR[band]} variant="dot" tt="none" data-band={band} style={FULL_LABEL} {...rest}>
      {text.churn(band)}
    </Badge>
  );
}
