import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExportRunState, FileJob } from './useExportRun';

const count = new Intl.NumberFormat('id-ID');

interface Props {
  state: ExportRunState<FileJob>;
  /** The line for a phase of the job's own beyond `prepare` and `write` (a broadcast's `mark`). */
  phaseText?: Record<string, (figures: { done: string; total: string }) => string>;
  /** Said when the job was cancelled, if more than "no file was made". */
  cancelledText?: string;
}

/** A file job's bar while it runs, then what became of it if it did not finish. */
export function ExportProgress({ state, phaseText, cancelledText }: Props) {
  const { t } = useTranslation();
  const percent = state.total > 0 ? Math.min(100, Math.round((state.done / state.total) * 100)) : 0;
  // Counted and sorted, rows coming: a bar that moves. Before (`prepare`), an indeterminate one:
  // "0 of 1,000,000 0%" for the seconds SQLite sorts would look stuck.
  const writing = state.step !== 'prepare' && state.total > 0;
  const figures = { done: count.format(state.done), total: count.format(state.total) };
  const own = state.step ? phaseText?.[state.step] : undefined;
  return (
    <>
      {state.phase === 'running' && (
        <Stack gap={6} data-testid="export-progress" data-step={state.step ?? ''}>
          <Progress value={writing ? percent : 100} animated striped={!writing} size="lg" radius="xl" color="sun" transitionDuration={200} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" className="sma-num" data-testid="export-progress-text">
              {writing
                ? own
                  ? own(figures)
                  : t('exporter.progress', figures)
                : state.total > 0
                  ? t('exporter.preparingRows', { total: figures.total })
                  : t('exporter.starting')}
            </Text>
            {writing && (
              <Text size="sm" fw={600} className="sma-num">
                {percent}%
              </Text>
            )}
          </Group>
        </Stack>
      )}
      {state.phase === 'cancelled' && (
        <Alert color="gray" icon={<IconX size={18} />} data-testid="export-cancelled">
          {cancelledText ?? t('exporter.cancelled')}
        </Alert>
      )}
      {state.phase === 'failed' && (
        <Alert color="red" title={t('errors.title')} data-testid="export-error">
          {state.error}
        </Alert>
      )}
    </>
  );
}
