import { Button, Card, Group, Text } from '@mantine/core';
import { IconClockPause, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { wholeNumber } from './usageFormat';

/**
 * The AI requests queued while offline, and a button to send them now. Apart from the usage tab
 * (UsageTab.tsx) because it acts, where the rest of the tab only reports.
 */
export function UsageQueueCard({ queued }: { queued: number }) {
  const { t } = useTranslation();
  const drain = useApiMutation('content.drainQueue', {
    invalidates: ['content'],
    onSuccess: (result) => notifySuccess(t('usage.drained', { done: result.done, failed: result.failed, waiting: result.waiting })),
  });
  return (
    <Card data-testid="usage-queue">
      <Group gap="xs">
        <IconClockPause size={20} stroke={1.6} />
        <Text fw={700}>{t('usage.queueTitle')}</Text>
      </Group>
      <Text size="xl" fw={700} mt="xs" className="sma-num" data-testid="usage-queued">
        {t('usage.queued', { n: wholeNumber.format(queued) })}
      </Text>
      <Text size="sm" c="dimmed" mt={4}>
        {t('usage.queueHint')}
      </Text>
      <Group mt="sm">
        <Button
          variant="light"
          leftSection={<IconRefresh size={16} />}
          disabled={queued === 0}
          loading={drain.isPending}
          onClick={() => drain.mutate({})}
          data-testid="usage-drain"
        >
          {t('usage.tryNow')}
        </Button>
      </Group>
    </Card>
  );
}
