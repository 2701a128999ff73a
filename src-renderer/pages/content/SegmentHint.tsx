import { Group, Paper, Stack, Text } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../src-shared/format/money';
import type { SegmentId } from '../../../src-shared/rfm/rules';
import type { SegmentSummaryRow } from '../../../src-shared/schemas/rfm';
import { useSegmentText } from '../../components/rfm/useSegmentText';

const whole = new Intl.NumberFormat('id-ID');

/**
 * Under the segment picked for a message: its size, order value and recency from the latest RFM
 * run (or who it is, before any run), and what to do with it. Apart from the form
 * (GenerateForm.tsx) because it only informs the choice.
 */
export function SegmentHint({ segment, selected }: { segment: SegmentId; selected: SegmentSummaryRow | undefined }) {
  const { t } = useTranslation();
  const text = useSegmentText();
  return (
    <Paper withBorder p="sm" radius="md" bg="light-dark(var(--mantine-color-navy-0), var(--mantine-color-dark-6))" data-testid="content-segment-hint">
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <IconBulb size={20} stroke={1.6} style={{ flexShrink: 0, marginTop: 2 }} />
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {selected
              ? t('content.form.segmentFigures', {
                  n: whole.format(selected.customers),
                  aov: formatRupiah(selected.aov),
                  days: whole.format(Math.round(selected.meanRecencyDays)),
                })
              : text.segment(segment).who}
          </Text>
          <Text size="sm">{t('content.form.action', { action: text.segment(segment).action })}</Text>
        </Stack>
      </Group>
    </Paper>
  );
}
