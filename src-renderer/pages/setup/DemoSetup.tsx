import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowLeft, IconSparkles } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../src-shared/schemas/system';
import { useApiMutation } from '../../api/hooks';
import { followJob } from '../../api/jobs';
import { useSession } from '../../session/context';

/** "Buka toko demo": generates the sample shop in the background, then its first RFM analysis, and shows their progress. */
export function DemoSetup({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const openDemo = useApiMutation('setup.openDemo', {
    silent: true,
    onSuccess: async (result) => {
      const numbers = new Intl.NumberFormat('id-ID');
      notifications.show({
        color: 'sun',
        title: t('setup.demoReadyTitle'),
        message: (
          <span data-testid="demo-credentials">
            {t('setup.demoReady', {
              user: result.user.username,
              password: result.password,
              customers: numbers.format(result.customers),
              transactions: numbers.format(result.transactions),
            })}
          </span>
        ),
        // Long enough to note the password; in the corner where every toast appears: at the top it
        // hid the shop's name in the header.
        autoClose: 20_000,
        withBorder: true,
      });
      await refresh();
    },
  });

  // The demo shop, then its first analysis: both jobs of this window's setup.openDemo call.
  useEffect(() => followJob(['demo.generate', 'rfm.run'], { onProgress: setProgress }).stop, []);

  const { mutate } = openDemo;
  const started = useRef(false);
  useEffect(() => {
    // Once per visit: StrictMode runs effects twice, and a second demo request would be refused.
    if (started.current) return;
    started.current = true;
    mutate({});
  }, [mutate]);

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  if (openDemo.isError) {
    return (
      <Stack gap="md">
        <Alert color="red" variant="light" icon={<IconAlertCircle />}>
          {openDemo.error.message}
        </Alert>
        <Group justify="space-between">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onCancel}>
            {t('common.back')}
          </Button>
          <Button onClick={() => mutate({})}>{t('errors.retry')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="sm" data-testid="demo-progress">
      <Group gap="xs">
        <IconSparkles size={18} color="var(--mantine-color-sun-6)" />
        <Text fw={600}>{t('setup.demoRunning')}</Text>
      </Group>
      <Progress value={progress ? percent : 100} animated striped={!progress} size="lg" radius="xl" color="sun" />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {progress
            ? t(progress.kind === 'rfm.run' ? 'rfm.run.running' : progress.phase === 'customers' ? 'setup.demoCustomers' : 'setup.demoTransactions')
            : t('common.loading')}
        </Text>
        {progress && (
          <Text size="sm" c="dimmed" className="sma-num">
            {percent}%
          </Text>
        )}
      </Group>
    </Stack>
  );
}
