import { DonutChart } from '@mantine/charts';
import { Card, ColorSwatch, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { SEGMENT_IDS } from '../../../src-shared/rfm/rules';
import type { DashboardOutput } from '../../../src-shared/schemas/dashboard';
import { segmentFill } from '../../../src-ui/rfm/segmentStyle';
import { useSegmentText } from '../../components/rfm/useSegmentText';
import { hrefWith } from '../../router';
import { RunPrompt } from './RunPrompt';

const whole = new Intl.NumberFormat('id-ID');
const one = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** Customers per segment of the latest run; each legend line opens that segment. */
export function SegmentDonut({ data }: { data: DashboardOutput }) {
  const { t } = useTranslation();
  const text = useSegmentText();
  const run = data.latestRun;
  const bySegment = new Map(data.segments.map((s) => [s.segment, s.customers]));
  const total = data.segments.reduce((sum, s) => sum + s.customers, 0);
  const slices = SEGMENT_IDS.filter((id) => (bySegment.get(id) ?? 0) > 0).map((id) => ({
    name: text.segment(id).name,
    value: bySegment.get(id) ?? 0,
    color: segmentFill(id),
  }));

  return (
    <Card h="100%" data-testid="dashboard-segments">
      <Text fw={700}>{t('dashboard.segments.title')}</Text>
      <Text size="sm" c="dimmed" mb="sm">
        {run ? t('dashboard.segments.hint', { date: formatDate(run.analysisDate) }) : t('dashboard.segments.hintNone')}
      </Text>
      {!run ? (
        <RunPrompt testId="dashboard-run-rfm" />
      ) : (
        <Group gap="md" align="center" wrap="wrap" justify="center">
          <DonutChart
            data={slices}
            size={160}
            thickness={26}
            paddingAngle={1}
            chartLabel={whole.format(total)}
            valueFormatter={(v) => whole.format(v)}
            tooltipDataSource="segment"
            data-testid="dashboard-donut"
          />
          <Stack gap={0} style={{ flex: '1 1 200px', minWidth: 0 }}>
            {SEGMENT_IDS.map((id) => {
              const n = bySegment.get(id) ?? 0;
              return (
                <UnstyledButton
                  key={id}
                  onClick={() => {
                    window.location.hash = hrefWith({}, 'rfm', 'segment', id);
                  }}
                  className="sma-clickable-row"
                  px={6}
                  py={2}
                  style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  data-testid={`dashboard-segment-${id}`}
                >
                  <Group gap={8} wrap="nowrap" justify="space-between">
                    <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
                      <ColorSwatch color={`var(--mantine-color-${segmentFill(id).replace('.', '-')})`} size={11} withShadow={false} style={{ flex: 'none' }} />
                      <Text size="sm" lh={1.3}>
                        {text.segment(id).name}
                      </Text>
                    </Group>
                    <Text size="sm" fw={600} className="sma-num">
                      {whole.format(n)}
                      <Text span size="xs" c="dimmed" fw={400}>
                        {' '}
                        {one.format(total ? (100 * n) / total : 0)}%
                      </Text>
                    </Text>
                  </Group>
                </UnstyledButton>
              );
            })}
          </Stack>
        </Group>
      )}
    </Card>
  );
}
