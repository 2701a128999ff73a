import { Button, Card, Group, Menu, Progress, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconClockHour4, IconDownload, IconMessages, IconTicket, IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Analytics } from '../../../assistant/console-schemas';
import { ErrorState } from '../../components/ErrorState';
import { notifyError } from '../../components/notify';
import { StatCard } from '../../components/StatCard';
import { formatCount } from '../../format';
import { exportCsv, exportXlsx, type ExportColumn } from '../../tableExport';
import { percent } from './labels';
import { useAnalytics } from './queries';

/** A row of the export: every table of the page in one sheet, a figure in the column that names it. */
interface Line {
  section: string;
  item: string;
  count: number | null;
  bookings?: number;
  handovers?: number;
  percent?: number | null;
  seconds?: number | null;
}

/** Seed 003's analytics for a date range, with every table in one export. */
export function AnalyticsPanel({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<{ from: string; to: string } | null>(null);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const analytics = useAnalytics(businessId, range);
  const data = analytics.data;
  const shown = draft ?? (data ? { from: data.from, to: data.to } : { from: '', to: '' });

  if (analytics.isError && !data) return <ErrorState error={analytics.error} onRetry={() => void analytics.refetch()} />;
  const bookings = data?.phases.find((p) => p.phase === 'BOOKING')?.conversations;
  const avg = data?.responseSeconds.average;

  return (
    <Stack gap="lg">
      <Card>
        <Group align="flex-end" gap="sm">
          <TextInput type="date" label={t('assistant.analytics.from')} value={shown.from} onChange={(e) => setDraft({ ...shown, from: e.currentTarget.value })} data-testid="analytics-from" />
          <TextInput type="date" label={t('assistant.analytics.to')} value={shown.to} onChange={(e) => setDraft({ ...shown, to: e.currentTarget.value })} data-testid="analytics-to" />
          <Button variant="default" disabled={!draft || !draft.from || !draft.to} onClick={() => draft && setRange(draft)} data-testid="analytics-apply">
            {t('common.search')}
          </Button>
          <div style={{ flex: 1 }} />
          {data && <ExportMenu data={data} />}
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('assistant.analytics.clicksNote')}
        </Text>
      </Card>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <StatCard label={t('assistant.analytics.conversations')} value={data && formatCount(data.conversations)} icon={IconMessages} testId="analytics-conversations" />
        <StatCard label={t('assistant.analytics.bookings')} value={data && formatCount(bookings ?? 0)} icon={IconTicket} color="teal" testId="analytics-bookings" />
        <StatCard label={t('assistant.analytics.escalation')} value={data && percent(data.escalation.rate)} icon={IconUserShare} color="orange" testId="analytics-escalation" />
        <StatCard
          label={t('assistant.analytics.response')}
          value={data && (avg === null || avg === undefined ? t('common.none') : t('assistant.analytics.seconds', { value: avg.toLocaleString('id-ID', { maximumFractionDigits: 1 }) }))}
          icon={IconClockHour4}
          color="cyan"
          testId="analytics-response"
        />
      </SimpleGrid>
      {!data ? (
        <Skeleton height={240} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Card>
            <Title order={2} size="h4" mb="sm">
              {t('assistant.analytics.phases')}
            </Title>
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
          </Card>
          <Card>
            <Title order={2} size="h4" mb="sm">
              {t('assistant.analytics.funnel')}
            </Title>
            <Table data-testid="analytics-funnel">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assistant.list.phase')}</Table.Th>
                  <Table.Th ta="right">{t('assistant.analytics.reached')}</Table.Th>
                  <Table.Th ta="right">{t('assistant.analytics.dropOff')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.funnel.map((f) => (
                  <Table.Tr key={f.phase}>
                    <Table.Td>{t(`assistant.phase.${f.phase}`)}</Table.Td>
                    <Table.Td ta="right" className="sma-num">{formatCount(f.reached)}</Table.Td>
                    <Table.Td ta="right" className="sma-num">{percent(f.dropOff)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Card style={{ gridColumn: '1 / -1' }}>
            <Title order={2} size="h4" mb="sm">
              {t('assistant.analytics.campaigns')}
            </Title>
            {data.campaigns.length === 0 ? (
              <Text size="sm" c="dimmed">{t('assistant.analytics.empty')}</Text>
            ) : (
              <Table data-testid="analytics-campaigns">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('assistant.analytics.code')}</Table.Th>
                    <Table.Th ta="right">{t('assistant.analytics.conversations')}</Table.Th>
                    <Table.Th ta="right">{t('assistant.analytics.bookings')}</Table.Th>
                    <Table.Th ta="right">{t('assistant.analytics.conversion')}</Table.Th>
                    <Table.Th ta="right">{t('assistant.analytics.handovers')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.campaigns.map((c) => (
                    <Table.Tr key={c.code ?? '-'} data-testid="campaign-row" data-code={c.code ?? ''}>
                      <Table.Td ff={c.code ? 'monospace' : undefined}>{c.code ?? t('assistant.analytics.noCode')}</Table.Td>
                      <Table.Td ta="right" className="sma-num">{formatCount(c.conversations)}</Table.Td>
                      <Table.Td ta="right" className="sma-num">{formatCount(c.bookings)}</Table.Td>
                      <Table.Td ta="right" className="sma-num">{percent(c.conversations ? c.bookings / c.conversations : null)}</Table.Td>
                      <Table.Td ta="right" className="sma-num">{formatCount(c.handovers)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
          <Card>
            <Title order={2} size="h4" mb="sm">
              {t('assistant.analytics.reasons')}
            </Title>
            {data.escalation.reasons.length === 0 ? (
              <Text size="sm" c="dimmed">{t('assistant.analytics.empty')}</Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {data.escalation.reasons.map((r) => (
                    <Table.Tr key={r.reason}>
                      <Table.Td>{t(`assistant.reason.${r.reason}`)}</Table.Td>
                      <Table.Td ta="right" className="sma-num">{formatCount(r.count)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
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
    <Card>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">{t('assistant.analytics.empty')}</Text>
      ) : (
        <Table data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assistant.analytics.question')}</Table.Th>
              <Table.Th ta="right">{t('assistant.analytics.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((q) => (
              <Table.Tr key={q.text}>
                <Table.Td>{q.text}</Table.Td>
                <Table.Td ta="right" className="sma-num">{formatCount(q.count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** Every table of the page as rows of one sheet. */
function lines(data: Analytics, t: (key: string) => string): Line[] {
  return [
    ...data.phases.map((p) => ({ section: t('assistant.analytics.phases'), item: t(`assistant.phase.${p.phase}`), count: p.conversations, percent: data.conversations ? pct(p.conversations / data.conversations) : null })),
    ...data.funnel.map((f) => ({ section: t('assistant.analytics.funnel'), item: t(`assistant.phase.${f.phase}`), count: f.reached, percent: pct(f.dropOff) })),
    ...data.campaigns.map((c) => ({
      section: t('assistant.analytics.campaigns'), item: c.code ?? t('assistant.analytics.noCode'), count: c.conversations, bookings: c.bookings, handovers: c.handovers,
      percent: pct(c.conversations ? c.bookings / c.conversations : null),
    })),
    { section: t('assistant.analytics.escalation'), item: t('assistant.analytics.handovers'), count: data.escalation.conversations, percent: pct(data.escalation.rate) },
    ...data.escalation.reasons.map((r) => ({ section: t('assistant.analytics.reasons'), item: t(`assistant.reason.${r.reason}`), count: r.count })),
    { section: t('assistant.analytics.response'), item: t('assistant.analytics.col.replies'), count: data.responseSeconds.replies, seconds: data.responseSeconds.average === null ? null : Math.round(data.responseSeconds.average * 10) / 10 },
    ...data.questions.map((q) => ({ section: t('assistant.analytics.questions'), item: q.text, count: q.count })),
    ...data.escalationReasons.map((q) => ({ section: t('assistant.analytics.modelReasons'), item: q.text, count: q.count })),
  ];
}

function ExportMenu({ data }: { data: Analytics }) {
  const { t } = useTranslation();
  const rows = lines(data, (key) => t(key as never));
  const columns: ExportColumn<Line>[] = [
    { header: t('assistant.analytics.col.section'), value: (r) => r.section, width: 34 },
    { header: t('assistant.analytics.col.item'), value: (r) => r.item, width: 40 },
    { header: t('assistant.analytics.col.count'), value: (r) => r.count, numFmt: '#,##0' },
    { header: t('assistant.analytics.bookings'), value: (r) => r.bookings ?? null, numFmt: '#,##0' },
    { header: t('assistant.analytics.handovers'), value: (r) => r.handovers ?? null, numFmt: '#,##0' },
    { header: '%', value: (r) => r.percent ?? null, numFmt: '0.0' },
    { header: t('assistant.analytics.col.seconds'), value: (r) => r.seconds ?? null, numFmt: '0.0' },
  ];
  const fileName = `${t('assistant.analytics.exportFile')}-${data.from}-${data.to}`;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} data-testid="analytics-export">
          {t('assistant.analytics.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => exportXlsx(rows, columns, fileName, t('assistant.views.analytics')).catch(notifyError)} data-testid="analytics-export-xlsx">
          {t('businesses.exportXlsx')}
        </Menu.Item>
        <Menu.Item onClick={() => exportCsv(rows, columns, fileName)} data-testid="analytics-export-csv">
          {t('businesses.exportCsv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
