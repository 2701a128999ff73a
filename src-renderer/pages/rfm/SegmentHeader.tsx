import { Anchor, Button, ColorSwatch, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconSend } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { SEGMENT_IDS, type SegmentId } from '../../../src-shared/rfm/rules';
import { segmentVerdict } from '../../../src-shared/rfm/verdict';
import type { RfmSummary, SegmentSummaryRow } from '../../../src-shared/schemas/rfm';
import { useRupiahShort } from '../../../src-ui/components/useRupiahShort';
import { SEGMENT_COLOR } from '../../../src-ui/rfm/segmentStyle';
import { useSegmentText } from '../../components/rfm/useSegmentText';
import { hrefWith } from '../../router';

interface Props {
  segment: SegmentId;
  runId: string | undefined;
  run: RfmSummary['run'] | undefined;
  row: SegmentSummaryRow | undefined;
  /** The export of the segment's list, as filtered below. */
  children: ReactNode;
}

/**
 * The top of a segment's page: back to the analysis, the segment's name, who is in it and the
 * verdict on it, and what to do with it — send a message, export, or switch to another segment.
 * Apart from the page (SegmentPage.tsx) because it reads the run's summary, not the members list.
 */
export function SegmentHeader({ segment, runId, run, row, children }: Props) {
  const { t, i18n } = useTranslation();
  const text = useSegmentText();
  const rupiahShort = useRupiahShort();
  return (
    <Stack gap={6}>
      <Anchor href={hrefWith({ runId }, 'rfm')} size="sm" c="dimmed" data-testid="segment-back">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('segmentPage.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Stack gap={4}>
          <Group gap="sm">
            <ColorSwatch color={`var(--mantine-color-${SEGMENT_COLOR[segment]}-6)`} size={22} withShadow={false} />
            <Title order={1} size="h2" data-testid="segment-title">
              {text.segment(segment).name}
            </Title>
          </Group>
          <Text c="dimmed" size="sm">
            {text.segment(segment).who}
            {run && ` ${t('segmentPage.ofRun', { date: formatDate(run.analysisDate), method: t(`rfm.method.${run.method}`) })}`}
          </Text>
          {row && (
            <Text size="sm" fw={600} data-testid="segment-verdict">
              {segmentVerdict(row, i18n.language === 'en' ? 'en' : 'id', rupiahShort)}
            </Text>
          )}
        </Stack>
        <Group gap="sm">
          {/* The send page, its recipients set to this segment: pick or write a message, then send. */}
          <Button
            component="a"
            href={hrefWith({ segment, channel: 'whatsapp' }, 'content', 'send')}
            leftSection={<IconSend size={16} />}
            data-testid="segment-send"
          >
            {t('segmentPage.sendMessage')}
          </Button>
          {children}
          <Select
            aria-label={t('rfm.table.segment')}
            data={SEGMENT_IDS.map((id) => ({ value: id, label: text.segment(id).name }))}
            value={segment}
            onChange={(next) => {
              if (next) window.location.hash = hrefWith({ runId }, 'rfm', 'segment', next);
            }}
            allowDeselect={false}
            w={240}
            data-testid="segment-switch"
          />
        </Group>
      </Group>
    </Stack>
  );
}
