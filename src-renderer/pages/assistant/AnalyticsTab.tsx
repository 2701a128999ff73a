import { Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconMessageCircleOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodRange, rangeText } from '../../../src-shared/dashboard/compare';
import { dateInZone } from '../../../src-shared/format/date';
import { AnalyticsExportMenu } from '../../../src-ui/assistant/AnalyticsExportMenu';
import { saveBlob } from '../../api/files';
import { useApiListQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { notifyError } from '../../components/notify';
import { useSession } from '../../session/context';
import { PeriodPicker, type PeriodChoice } from '../dashboard/PeriodPicker';
import { AnalyticsFigures } from './AnalyticsFigures';
import { useExportLabels } from './useExportLabels';
import { Unavailable } from './Unavailable';

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
        <AnalyticsFigures data={data} />
      )}
      <Text size="xs" c="dimmed">
        {t('assistant.analytics.clicksNote')}
      </Text>
    </Stack>
  );
}
