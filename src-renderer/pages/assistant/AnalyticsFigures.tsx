// The assistant analytics' figures for a range that has conversations: four headline numbers, then
// the phase and funnel charts, the campaign table and the three count lists.
import { Grid, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconClockHour4, IconMessages, IconTicket, IconUserShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AssistantAnalytics } from '../../../src-shared/schemas/assistant';
import { StatCard } from '../../../src-ui/components/StatCard';
import { percent, whole } from '../dashboard/leads/format';
import { FunnelCard, PhasesCard } from './AnalyticsCharts';
import { CampaignsCard } from './CampaignsCard';
import { CountList } from './CountList';

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

export function AnalyticsFigures({ data }: { data: AssistantAnalytics }) {
  const { t } = useTranslation();
  const bookings = data.phases.find((p) => p.phase === 'BOOKING')?.conversations ?? 0;
  const avg = data.responseSeconds.average;
  const seconds = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
  // The three count lists, in order: escalation reasons, customers' questions, the model's reasons for handing over.
  const counts = [
    { key: 'reasons', rows: data.escalation.reasons.map((r) => ({ text: t(`assistant.reason.${r.reason}`), count: r.count })) },
    { key: 'questions', rows: data.questions },
    { key: 'unknown', rows: data.escalationReasons },
  ] as const;
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
          <PhasesCard data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <FunnelCard funnel={data.funnel} />
        </Grid.Col>
        <Grid.Col span={12}>
          <CampaignsCard campaigns={data.campaigns} />
        </Grid.Col>
        {counts.map(({ key, rows }) => (
          <Grid.Col key={key} span={{ base: 12, lg: 4 }}>
            <CountList title={t(`assistant.analytics.${key}.title`)} hint={t(`assistant.analytics.${key}.hint`)} rows={rows} testId={`assistant-${key}`} />
          </Grid.Col>
        ))}
      </Grid>
    </Stack>
  );
}
