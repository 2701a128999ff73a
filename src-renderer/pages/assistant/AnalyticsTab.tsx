import { DonutChart, FunnelChart } from '@mantine/charts';
import { Card, ColorSwatch, Grid, Group, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconClockHour4, IconMessageCircleOff, IconMessages, IconTicket, IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodRange, rangeText } from '../../../src-shared/dashboard/compare';
import { dateInZone } from '../../../src-shared/format/date';
import type { AssistantAnalytics } from '../../../src-shared/schemas/assistant';
import type { AnalyticsExportLabels } from '../../../src-ui/assistant/analyticsExport';
import { AnalyticsExportMenu } from '../../../src-ui/assistant/AnalyticsExportMenu';
import { saveBlob } from '../../api/files';
import { useApiListQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { notifyError } from '../../components/notify';
import { useSession } from '../../session/context';
import { CardTitle } from '../dashboard/leads/CardTitle';
import { percent, whole } from '../dashboard/leads/format';
import { PeriodPicker, type PeriodChoice } from '../dashboard/PeriodPicker';
import { StatCard } from '../../../src-ui/components/StatCard';
import { PHASE_COLORS } from './PhaseBadge';
import { Unavailable } from './Unavailable';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';

type Phase = AssistantAnalytics['phases'][number]['phase'];

/** Seed 003's analytics for the shop over the period the dashboard's own picker chooses. */
export function AnalyticsTab() {
  const { t, i18n } = useTranslation();
  const { status } = useSession();
  const today = dateInZone(new Date(), status.business?.timezone);
  const [choice, setChoice] = useState<PeriodChoice>({ period: 'last_30', range: [null, null] });
  const [from, to] = choice.range;
  const waiting = choice.period === 'custom' && !(from && to);
  const range = periodRange(choice.period, today, { from: from ?? undefined, to: to ?? undefined });
  const analytics = useApiListQuery('assistant.analytics', { from: range.from, to: range.to }, { enabled: !waiting, meta: { silent: true } });
  const language = i18n.language === 'en' ? 'en' : 'id';
  const data = analytics.data;
  const exportLabels = useExportLabels();

  return (
    <Stack gap="lg" data-testid="assistant-analytics">
      <Group justify="space-between" align="center" wrap="wrap">
        <Text c="dimmed" size="sm" data-testid="assistant-analytics-range">
          {t('assistant.analytics.range', { range: rangeText(range, language) })}
        </Text>
        <Group gap="sm">
          <PeriodPicker value={choice} onChange={setChoice} today={today} />
          {data && data.conversations > 0 && <AnalyticsExportMenu data={data} labels={exportLabels} save={saveBlob} onError={notifyError} />}
        </Group>
      </Group>
      {analytics.isError && !analytics.isPlaceholderData ? (
        <Unavailable error={analytics.error} onRetry={() => void analytics.refetch()} />
      ) : !data ? (
        <Skeleton height={420} radius="md" />
      ) : data.conversations === 0 ? (
        <Card>
          <EmptyList
            icon={IconMessageCircleOff}
            title={t('assistant.list.emptyTitle')}
            description={t('assistant.analytics.empty')}
            testId="assistant-analytics-empty"
          />
        </Card>
      ) : (
        <Figures data={data} />
      )}
      <Text size="xs" c="dimmed">
        {t('assistant.analytics.clicksNote')}
      </Text>
    </Stack>
  );
}

/** The laptop's words for the export the console's panel makes too (src-ui/assistant). */
function useExportLabels(): AnalyticsExportLabels {
  const { t } = useTranslation();
  return {
    phase: (p) => t(`assistant.phase.${p}`),
    reason: (r) => t(`assistant.reason.${r}`),
    noCode: t('assistant.list.noCode'),
    section: {
      summary: t('assistant.analytics.export.summary'),
      phases: t('assistant.analytics.phases.title'),
      funnel: t('assistant.analytics.funnel.title'),
      campaigns: t('assistant.analytics.campaigns.title'),
      escalation: t('assistant.analytics.escalation'),
      reasons: t('assistant.analytics.reasons.title'),
      response: t('assistant.analytics.response'),
      questions: t('assistant.analytics.questions.title'),
      modelReasons: t('assistant.analytics.unknown.title'),
    },
    conversations: t('assistant.analytics.conversations'),
    bookings: t('assistant.analytics.bookings'),
    handovers: t('assistant.analytics.export.handovers'),
    replies: t('assistant.analytics.export.replies'),
    column: {
      section: t('assistant.analytics.export.section'),
      item: t('assistant.analytics.export.item'),
      count: t('assistant.analytics.export.count'),
      bookings: t('assistant.analytics.campaigns.bookings'),
      handovers: t('assistant.analytics.campaigns.handovers'),
      seconds: t('assistant.analytics.export.seconds'),
    },
    menu: { button: t('assistant.analytics.export.button'), xlsx: t('assistant.analytics.export.xlsx'), csv: t('assistant.analytics.export.csv') },
    fileName: t('assistant.analytics.export.file'),
    sheetName: t('assistant.tabs.analytics'),
  };
}

/** A figure with its one-line context under it ("1 percakapan", "dari 3 balasan"). */
function withHint(value: string, hint?: string) {
  return (
    <>
      {value}
      {hint && (
        <Text span display="block" size="xs" c="dimmed" fw={400}>
          {hint}
        </Text>
      )}
    </>
  );
}

function Figures({ data }: { data: AssistantAnalytics }) {
  const { t } = useTranslation();
  const bookings = data.phases.find((p) => p.phase === 'BOOKING')?.conversations ?? 0;
  const avg = data.responseSeconds.average;
  const seconds = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
  const phaseName = (p: Phase) => t(`assistant.phase.${p}`);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <StatCard
          label={t('assistant.analytics.conversations')}
          value={whole.format(data.conversations)}
          icon={IconMessages}
          testId="assistant-figure-conversations-value"
        />
        <StatCard
          label={t('assistant.analytics.bookings')}
          value={withHint(whole.format(bookings), percent(data.conversations ? bookings / data.conversations : null))}
          icon={IconTicket}
          color="teal"
          testId="assistant-figure-bookings-value"
        />
        <StatCard
          label={t('assistant.analytics.escalation')}
          value={withHint(percent(data.escalation.rate), t('assistant.analytics.escalationHint', { n: whole.format(data.escalation.conversations) }))}
          icon={IconUserShare}
          color="orange"
          testId="assistant-figure-escalation-value"
        />
        <StatCard
          label={t('assistant.analytics.response')}
          value={withHint(
            avg === null ? t('assistant.analytics.none') : t('assistant.analytics.seconds', { value: seconds.format(avg) }),
            t('assistant.analytics.responseHint', { n: whole.format(data.responseSeconds.replies) }),
          )}
          icon={IconClockHour4}
          color="cyan"
          testId="assistant-figure-response-value"
        />
      </SimpleGrid>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
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
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card h="100%" data-testid="assistant-funnel">
            <CardTitle title={t('assistant.analytics.funnel.title')} hint={t('assistant.analytics.funnel.hint')} />
            <Group align="center" gap="lg" wrap="wrap" justify="center">
              <FunnelChart
                data={data.funnel.map((f) => ({ name: phaseName(f.phase), value: Math.max(f.reached, 0.0001), color: `${PHASE_COLORS[f.phase]}.6` }))}
                size={170}
                withTooltip={false}
                withLabels
                labelsPosition="inside"
                valueFormatter={(v) => whole.format(Math.round(v))}
              />
              <Table verticalSpacing={4} style={{ flex: '1 1 220px' }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    <Table.Th ta="right">{t('assistant.analytics.funnel.reached')}</Table.Th>
                    <Table.Th ta="right">{t('assistant.analytics.funnel.dropOff')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.funnel.map((f) => (
                    <Table.Tr key={f.phase} data-testid="assistant-funnel-row" data-phase={f.phase}>
                      <Table.Td>{phaseName(f.phase)}</Table.Td>
                      <Table.Td ta="right" className="sma-num">
                        {whole.format(f.reached)}
                      </Table.Td>
                      <Table.Td ta="right" className="sma-num">
                        {percent(f.dropOff)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Group>
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <Card data-testid="assistant-campaigns">
            <CardTitle title={t('assistant.analytics.campaigns.title')} hint={t('assistant.analytics.campaigns.hint')} />
            <ScrollTable
              minWidth={560}
              verticalSpacing={6}
              head={
                <>
                  <Table.Th>{t('assistant.analytics.campaigns.code')}</Table.Th>
                  <Table.Th ta="right">{t('assistant.analytics.campaigns.conversations')}</Table.Th>
                  <Table.Th ta="right">{t('assistant.analytics.campaigns.bookings')}</Table.Th>
                  <Table.Th ta="right">{t('assistant.analytics.campaigns.conversion')}</Table.Th>
                  <Table.Th ta="right">{t('assistant.analytics.campaigns.handovers')}</Table.Th>
                </>
              }
            >
              {data.campaigns.map((c) => (
                <Table.Tr key={c.code ?? '-'} data-testid="assistant-campaign-row" data-code={c.code ?? ''}>
                  <Table.Td ff={c.code ? 'monospace' : undefined} c={c.code ? undefined : 'dimmed'}>
                    {c.code ?? t('assistant.list.noCode')}
                  </Table.Td>
                  <Table.Td ta="right" className="sma-num">
                    {whole.format(c.conversations)}
                  </Table.Td>
                  <Table.Td ta="right" className="sma-num">
                    {whole.format(c.bookings)}
                  </Table.Td>
                  <Table.Td ta="right" className="sma-num">
                    {percent(c.conversations ? c.bookings / c.conversations : null)}
                  </Table.Td>
                  <Table.Td ta="right" className="sma-num">
                    {whole.format(c.handovers)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ScrollTable>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <CountList
            title={t('assistant.analytics.reasons.title')}
            hint={t('assistant.analytics.reasons.hint')}
            rows={data.escalation.reasons.map((r) => ({ text: t(`assistant.reason.${r.reason}`), count: r.count }))}
            testId="assistant-reasons"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <CountList
            title={t('assistant.analytics.questions.title')}
            hint={t('assistant.analytics.questions.hint')}
            rows={data.questions}
            testId="assistant-questions"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <CountList
            title={t('assistant.analytics.unknown.title')}
            hint={t('assistant.analytics.unknown.hint')}
            rows={data.escalationReasons}
            testId="assistant-unknown"
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** A short "what, how many" table; a dash where the range has none. */
function CountList({ title, hint, rows, testId }: { title: string; hint: string; rows: { text: string; count: number }[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card h="100%" data-testid={testId}>
      <CardTitle title={title} hint={hint} />
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('assistant.analytics.none')}
        </Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.text} data-testid={`${testId}-row`}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.text}</Table.Td>
                <Table.Td ta="right" className="sma-num" w={60}>
                  {whole.format(r.count)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
