import { Progress, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { segmentColor, segmentLabel, sortSegments } from '../segments';

/** A shop's segment mix as one thin stacked bar; each part names its segment and share on hover. */
export function SegmentBar({ segments, width = 160 }: { segments: { segment: string; customers: number }[] | null; width?: number }) {
  const { t } = useTranslation();
  const total = segments?.reduce((sum, s) => sum + s.customers, 0) ?? 0;
  if (!segments || total === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('businesses.noSegments')}
      </Text>
    );
  }
  const language = currentLanguage();
  const parts = sortSegments(segments.filter((s) => s.customers > 0));
  return (
    <Progress.Root
      size={12}
      w={width}
      radius="sm"
      data-testid="segment-bar"
      aria-label={parts.map((s) => `${segmentLabel(s.segment, language)} ${s.customers}`).join(', ')}
    >
      {parts.map((s) => (
        <Tooltip key={s.segment} label={`${segmentLabel(s.segment, language)}: ${s.customers} (${Math.round((s.customers / total) * 100)}%)`} withArrow>
          <Progress.Section value={(s.customers / total) * 100} color={`${segmentColor(s.segment)}.6`} />
        </Tooltip>
      ))}
    </Progress.Root>
  );
}
