import { Alert, Button, Group, Loader, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { cancelRun, dismissProblem, useRfmRun } from './runStore';

const numbers = new Intl.NumberFormat('id-ID');

/** The running analysis with its bar and Cancel, or why the last one stopped; nothing when idle. */
export function RfmRunProgress() {
  const { t } = useTranslation();
  const run = useRfmRun();

  if (run.problem) {
    const cancelled = run.problem.code === 'CANCELLED';
    return (
      <Alert
        color={cancelled ? 'gray' : 'red'}
        icon={cancelled ? <IconInfoCircle size={18} /> : <IconAlertTriangle size={18} />}
        title={cancelled ? t('rfm.run.cancelledTitle') : t('rfm.run.failedTitle')}
        withCloseButton
        onClose={dismissProblem}
        data-testid="rfm-run-problem"
      >
        {cancelled ? t('rfm.run.cancelledText') : run.problem.message}
      </Alert>
    );
  }
  if (!run.running) return null;

  const progress = run.progress;
  // The aggregate pass is one SQL statement that reports only its start (0 of 1): a moving bar
  // until the write phase counts customers.
  const known = progress !== null && progress.total > 1;
  const percent = known ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 100;
  const vars = progress ? { done: numbers.format(progress.done), total: numbers.format(progress.total) } : null;
  let text = t('rfm.run.starting');
  if (progress && vars) text = progress.phase === 'write' ? t('rfm.run.phaseWrite', vars) : known ? t('rfm.run.phaseAggregate', vars) : t('rfm.run.phaseAggregateStart');

  return (
    <Paper withBorder p="md" data-testid="rfm-run-progress">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Loader size={16} />
            <Text fw={700}>{run.own ? t('rfm.run.running') : t('rfm.run.runningElsewhere')}</Text>
          </Group>
          <Button
            variant="default"
            size="xs"
            leftSection={run.cancelRequested ? <Loader size={12} /> : <IconX size={14} />}
            onClick={cancelRun}
            disabled={run.cancelRequested}
            data-testid="rfm-cancel"
          >
            {run.cancelRequested ? t('rfm.run.cancelling') : t('common.cancel')}
          </Button>
        </Group>
        <Progress value={percent} animated={!known} striped={!known} size="lg" radius="xl" transitionDuration={200} />
        <Group justify="space-between">
          <Text size="sm" c="dimmed" className="sma-num">
            {text}
          </Text>
          {known && (
            <Text size="sm" fw={600} className="sma-num">
              {percent}%
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
