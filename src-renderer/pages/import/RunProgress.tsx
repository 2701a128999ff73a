import { Button, Group, Loader, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { count } from './fields';
import { cancelRun, type RunState } from './wizardStore';

/**
 * A running check or import: "Membaca file… N baris" with a moving bar while the total is not
 * known yet (the first pass), then "Memeriksa baris X dari Y" with a percentage; and Cancel.
 */
export function RunProgress({ run }: { run: RunState }) {
  const { t } = useTranslation();
  const progress = run.progress;
  const known = progress !== null && progress.total > 0;
  const percent = known ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 100;

  let text = t('import.progress.starting');
  if (progress && !known) text = t('import.progress.scan', { n: count(progress.done) });
  else if (progress) {
    const vars = { done: count(progress.done), total: count(progress.total) };
    text = progress.phase === 'import' ? t('import.progress.import', vars) : t('import.progress.validate', vars);
  }

  return (
    <Paper withBorder p="lg" data-testid="import-progress" data-phase={progress?.phase ?? 'start'}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Loader size={16} />
            <Text fw={700}>{run.mode === 'commit' ? t('import.progress.saving') : t('import.progress.checking')}</Text>
          </Group>
          <Button
            variant="default"
            size="xs"
            leftSection={run.cancelRequested ? <Loader size={12} /> : <IconX size={14} />}
            onClick={cancelRun}
            disabled={run.cancelRequested}
            data-testid="import-cancel"
          >
            {run.cancelRequested ? t('import.progress.cancelling') : t('import.progress.cancel')}
          </Button>
        </Group>
        <Progress value={percent} animated={!known} striped={!known} size="lg" radius="xl" color={run.mode === 'commit' ? 'sun' : 'navy'} transitionDuration={200} />
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
        <Text size="xs" c="dimmed">
          {t('import.progress.background')}
        </Text>
      </Stack>
    </Paper>
  );
}
