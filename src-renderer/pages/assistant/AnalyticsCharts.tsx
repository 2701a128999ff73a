// The assistant analytics' two charts: where conversations stand now (phases) and how far they got (funnel).
import { DonutChart, FunnelChart } from '@mantine/charts';
import { Card, ColorSwatch, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssistantAnalytics } from '../../../src-shared/schemas/assistant';
import { FigureCell } from '../../../src-ui/components/FigureCell';
import { HeadRow } from '../../../src-ui/components/HeadRow';
import { CardTitle } from '../dashboard/leads/CardTitle';
import { percent, whole } from '../dashboard/leads/format';
import { PHASE_COLORS } from './PhaseBadge';

type Phase = AssistantAnalytics['phases'][number]['phase'];

export function PhasesCard({ data }: { data: AssistantAnalytics }) {
  const { t } = useTranslation();
  const phaseName = (p: Phase) => t(`assistant.phase.${p}`);
  return (
    <Card h="100%" data-testid="assistant-phases">
      <CardTitle title={t('assistant.analytics.phases.title')} hint={t('assistant.analytics.phases.hint')} />
      <Group align="center" gap="lg" wrap="wrap">
        <DonutChart
          data={data.phases
            .filter((p) => p.conversations > 0)
            .map((p) => ({ name: phaseName(p.phase), value: p.conversations, color: `${PHASE_COLORS[p.phase]}.6` }))}
          size={150}
          thickness={24}
          paddingAngle={1}
          chartLabel={whole.format(data.conversations)}
          valueFormatter={(v) => whole.format(v)}
        />
        <Stack gap={6} style={{ flex: '1 1 160px' }}>
          {data.phases.map((p) => (
            <Group key={p.phase} justify="space-between" gap="xs" data-testid="assistant-phase-row" data-phase={p.phase}>
              <Group gap={8}>
                <ColorSwatch color={`var(--mantine-color-${PHASE_COLORS[p.phase]}-6)`} size={12} />
                <Text size="sm">{phaseName(p.phase)}</Text>
              </Group>
              <Text size="sm" className="sma-num" fw={600}>
                {whole.format(p.conversations)}
              </Text>
            </Group>
          ))}
        </Stack>
      </Group>
    </Card>
  );
}

export function FunnelCard({ funnel }: { funnel: AssistantAnalytics['funnel'] }) {
  const { t } = useTranslation();
  const phaseName = (p: Phase) => t(`assistant.phase.${p}`);
  return (
    <Card h="100%" data-testid="assistant-funnel">
      <CardTitle title={t('assistant.analytics.funnel.title')} hint={t('assistant.analytics.funnel.hint')} />
      <Group align="center" gap="lg" wrap="wrap" justify="center">
        <FunnelChart
          data={funnel.map((f) => ({ name: phaseName(f.phase), value: Math.max(f.reached, 0.0001), color: `${PHASE_COLORS[f.phase]}.6` }))}
          size={170}
          withTooltip={false}
          withLabels
          labelsPosition="inside"
          valueFormatter={(v) => whole.format(Math.round(v))}
        />
        <Table verticalSpacing={4} style={{ flex: '1 1 220px' }}>
          <HeadRow columns={['', t('assistant.analytics.funnel.reached'), t('assistant.analytics.funnel.dropOff')]} figuresFrom={1} />
          <Table.Tbody>
            {funnel.map((f) => (
              <Table.Tr key={f.phase} data-testid="assistant-funnel-row" data-phase={f.phase}>
                <Table.Td>{phaseName(f.phase)}</Table.Td>
                <FigureCell>{whole.format(f.reached)}</FigureCell>
                <FigureCell>{percent(f.dropOff)}</FigureCell>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Group>
    </Card>
  );
}
