import { Button, Card, Group, Progress, SimpleGrid, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconClockHour4, IconMessages, IconTicket, IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnalyticsExportMenu } from '../../../../src-ui/assistant/AnalyticsExportMenu';
import type { AnalyticsExportLabels } from '../../../../src-ui/assistant/analyticsExport';
import { ErrorState } from '../../components/ErrorState';
import { TitledCard } from '../../components/TitledCard';
import { notifyError } from '../../components/notify';
import { StatGrid } from '../../../../src-ui/components/StatGrid';
import { formatCount } from '../../format';
import { percent } from './labels';
import { useAnalytics } from './queries';
import { FigureCell } from '../../../../src-ui/components/FigureCell';
import { HeadRow } from '../../../../src-ui/components/HeadRow';

/** Seed 003's analytics for a date range, with every table in one export. */
export function AnalyticsPanel({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const exportLabels = useExportLabels();
  const [draft, setDraft] = useState<{ from: string; to: string } | null>(null);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const analytics = useAnalytics(businessId, range);
  const data = analytics.data;
  const shown = draft ?? (data ? { from: data.from, to: data.to } : { from: '', to: '' });

  if (analytics.isError && !data) return <ErrorState error={analytics.error} onRetry={() => void analytics.refetch()} />;
  const bookings = data?.phases.find((p) => p.phase === 'BOOKING')?.conversations;
  const avg = data?.responseSeconds.average;
  const responseTime =
    avg === null || avg === undefined
      ? t('common.none')
      : t('assistant.analytics.seconds', { value: avg.toLocaleString('id-ID', { maximumFractionDigits: 1 }) });

  return (
    <Stack gap="lg">
      <Card>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t('assistant.analytics.from')}
            value={shown.from}
            onChange={(e) => setDraft({ ...shown, from: e.currentTarget.value })}
            data-testid="analytics-from"
          />
          <TextInput
            type="date"
            label={t('assistant.analytics.to')}
            value={shown.to}
            onChange={(e) => setDraft({ ...shown, to: e.currentTarget.value })}
            data-testid="analytics-to"
          />
          <Button variant="default" disabled={!draft || !draft.from || !draft.to} onClick={() => draft && setRange(draft)} data-testid="analytics-apply">
            {t('common.search')}
          </Button>
          <div style={{ flex: 1 }} />
          {data && <AnalyticsExportMenu data={data} labels={exportLabels} onError={notifyError} />}
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('assistant.analytics.clicksNote')}
        </Text>
      </Card>
      <StatGrid
        cols={{ base: 2, md: 4 }}
        stats={[
          {
            label: t('assistant.analytics.conversations'),
            value: data && formatCount(data.conversations),
            icon: IconMessages,
            testId: 'analytics-conversations',
          },
          {
            label: t('assistant.analytics.bookings'),
            value: data && formatCount(bookings ?? 0),
            icon: IconTicket,
            color: 'teal',
            testId: 'analytics-bookings',
          },
          {
            label: t('assistant.analytics.escalation'),
            value: data && percent(data.escalation.rate),
            icon: IconUserShare,
            color: 'orange',
            testId: 'analytics-escalation',
          },
          { label: t('assistant.analytics.response'), value: data && responseTime, icon: IconClockHour4, color: 'cyan', testId: 'analytics-response' },
        ]}
      />
      {!data ? (
        <Skeleton height={240} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <TitledCard title={t('assistant.analytics.phases')}>
            <Stack gap="xs" data-testid="analytics-phases">
              {data.phases.map((p) => (
                <div key={p.phase} data-phase={p.phase}>
                  <Group justify="space-between">
                    <Text size="sm">{t(`assistant.phase.${p.phase}`)}</Text>
                    <Text size="sm" className="sma-num" data-testid="phase-count">
                      {formatCount(p.conversations)}
                    </Text>
                  </Group>
                  <Progress.Root>
                    <Progress.Section
                      value={data.conversations ? (p.conversations / data.conversations) * 100 : 0}
                      color={p.phase === 'BOOKING' ? 'teal' : p.phase === 'INTEREST' ? 'cyan' : 'gray'}
                      aria-label={t(`assistant.phase.${p.phase}`)}
                    />
                  </Progress.Root>
                </div>
              ))}
            </Stack>
          </TitledCard>
          <TitledCard title={t('assistant.analytics.funnel')}>
            <Table data-testid="analytics-funnel">
              <HeadRow columns={[t('assistant.list.phase'), t('assistant.analytics.reached'), t('assistant.analytics.dropOff')]} figuresFrom={1} />
              <Table.Tbody>
                {data.funnel.map((f) => (
                  <Table.Tr key={f.phase}>
                    <Table.Td>{t(`assistant.phase.${f.phase}`)}</Table.Td>
                    <FigureCell>{formatCount(f.reached)}</FigureCell>
                    <FigureCell>{percent(f.dropOff)}</FigureCell>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TitledCard>
          <TitledCard
            title={t('assistant.analytics.campaigns')}
            empty={data.campaigns.length === 0 && t('assistant.analytics.empty')}
            style={{ gridColumn: '1 / -1' }}
          >
            <Table data-testid="analytics-campaigns">
              <HeadRow
                columns={[
                  t('assistant.analytics.code'),
                  t('assistant.analytics.conversations'),
                  t('assistant.analytics.bookings'),
                  t('assistant.analytics.conversion'),
                  t('assistant.analytics.handovers'),
                ]}
                figuresFrom={1}
              />
              <Table.Tbody>
                {data.campaigns.map((c) => (
                  <Table.Tr key={c.code ?? '-'} data-testid="campaign-row" data-code={c.code ?? ''}>
                    <Table.Td ff={c.code ? 'monospace' : undefined}>{c.code ?? t('assistant.analytics.noCode')}</Table.Td>
                    <FigureCell>{formatCount(c.conversations)}</FigureCell>
                    <FigureCell>{formatCount(c.bookings)}</FigureCell>
                    <FigureCell>{percent(c.conversations ? c.bookings / c.conversations : null)}</FigureCell>
                    <FigureCell>{formatCount(c.handovers)}</FigureCell>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TitledCard>
          <TitledCard title={t('assistant.analytics.reasons')} empty={data.escalation.reasons.length === 0 && t('assistant.analytics.empty')}>
            <Table>
              <Table.Tbody>
                {data.escalation.reasons.map((r) => (
                  <Table.Tr key={r.reason}>
                    <Table.Td>{t(`assistant.reason.${r.reason}`)}</Table.Td>
                    <FigureCell>{formatCount(r.count)}</FigureCell>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TitledCard>
          <TopTable title={t('assistant.analytics.questions')} rows={data.questions} testId="analytics-questions" />
          <TopTable title={t('assistant.analytics.modelReasons')} rows={data.escalationReasons} testId="analytics-model-reasons" />
        </SimpleGrid>
      )}
    </Stack>
  );
}

function TopTable({ title, rows, testId }: { title: string; rows: { text: string; count: number }[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <TitledCard title={title} empty={rows.length === 0 && t('assistant.analytics.empty')}>
      <Table data-testid={testId}>
        <HeadRow columns={[t('assistant.analytics.question'), t('assistant.analytics.count')]} figuresFrom={1} />
        <Table.Tbody>
          {rows.map((q) => (
            <Table.Tr key={q.text}>
              <Table.Td>{q.text}</Table.Td>
              <FigureCell>{formatCount(q.count)}</FigureCell>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TitledCard>
  );
}

/** The console's words for the shared export (src-ui/assistant). */
function useExportLabels(): AnalyticsExportLabels {
  const { t } = useTranslation();
  return {
    phase: (p) => t(`assistant.phase.${p}`),
    reason: (r) => t(`assistant.reason.${r}`),
    noCode: t('assistant.analytics.noCode'),
    section: {
      summary: t('assistant.analytics.col.summary'),
      phases: t('assistant.analytics.phases'),
      funnel: t('assistant.analytics.funnel'),
      campaigns: t('assistant.analytics.campaigns'),
      escalation: t('assistant.analytics.escalation'),
      reasons: t('assistant.analytics.reasons'),
      response: t('assistant.analytics.response'),
      questions: t('assistant.analytics.questions'),
      modelReasons: t('assistant.analytics.modelReasons'),
    },
    conversations: t('assistant.analytics.conversations'),
    bookings: t('assistant.analytics.bookings'),
    handovers: t('assistant.analytics.handovers'),
    replies: t('assistant.analytics.col.replies'),
    column: {
      section: t('assistant.analytics.col.section'),
      item: t('assistant.analytics.col.item'),
      count: t('assistant.analytics.col.count'),
      bookings: t('assistant.analytics.bookings'),
      handovers: t('assistant.analytics.handovers'),
      seconds: t('assistant.analytics.col.seconds'),
    },
    menu: { button: t('assistant.analytics.export'), xlsx: t('businesses.exportXlsx'), csv: t('businesses.exportCsv') },
    fileName: t('assistant.analytics.exportFile'),
    sheetName: t('assistant.views.analytics'),
  };
}
