import { Card, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../src-shared/format/date';
import type { z } from 'zod';
import type { stageChangeRow } from '../../../src-shared/schemas/lead';

/** Every stage change of the lead: from, to, who, when, and why when it went back or was lost. */
export function StageHistory({ history }: { history: z.infer<typeof stageChangeRow>[] }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="lead-history">
      <Text fw={700} mb="md">
        {t('leads.history.title')}
      </Text>
      <Timeline bulletSize={14} lineWidth={2}>
        {history.map((change) => (
          <Timeline.Item
            key={change.id}
            title={
              <Text size="sm" fw={600}>
                {change.fromStageName
                  ? t('leads.history.moved', { from: change.fromStageName, to: change.toStageName })
                  : t('leads.history.created', { to: change.toStageName })}
              </Text>
            }
            data-testid="lead-history-row"
          >
            <Stack gap={2}>
              <Text size="xs" c="dimmed" className="sma-num">
                {formatDateTime(change.at)} · {change.userName ?? '—'}
              </Text>
              {change.reason && (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="lead-history-reason">
                  {t('leads.history.reason', { reason: change.reason })}
                </Text>
              )}
            </Stack>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
