import { Alert, Checkbox, Modal, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateDomains } from '../../api/hooks';
import { ExportProgress } from '../../components/export/ExportProgress';
import { JobDialogActions } from '../../components/export/JobDialogActions';
import { useExportRun } from '../../components/export/useExportRun';
import type { PreviewTarget } from './PreviewTable';

const whole = new Intl.NumberFormat('id-ID');

export interface BroadcastChoice {
  kind: 'whatsapp' | 'email';
  format: 'csv' | 'xlsx';
}

/**
 * The broadcast list as a job, like the exports: whether to record everyone on it as contacted,
 * then its progress with cancel, then the download.
 */
export function BroadcastDialog({ target, choice, onClose }: { target: PreviewTarget; choice: BroadcastChoice; onClose: () => void }) {
  const { t } = useTranslation();
  const [markContacted, setMarkContacted] = useState(true);
  // Recorded contacts show on the preview, the customers' pages and the campaigns' figures.
  const { state, start, cancel } = useExportRun('content.broadcast', (queryClient) => invalidateDomains(queryClient, ['content', 'campaigns', 'customers']));
  const running = state.phase === 'running';
  const title = t(`content.send.broadcast.${choice.kind}`, { format: choice.format.toUpperCase() });

  return (
    <Modal
      opened
      onClose={running ? () => undefined : onClose}
      withCloseButton={!running}
      closeOnClickOutside={!running}
      closeOnEscape={!running}
      title={<Text fw={700}>{title}</Text>}
      data-testid="broadcast-dialog"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t(`content.send.broadcast.${choice.kind}Hint`)}
        </Text>
        <Checkbox
          checked={markContacted}
          disabled={running || state.phase === 'done'}
          onChange={(event) => setMarkContacted(event.currentTarget.checked)}
          label={t('content.send.broadcast.mark')}
          description={t('content.send.broadcast.markHint')}
          data-testid="broadcast-mark"
        />
        <ExportProgress
          state={state}
          phaseText={{ mark: (figures) => t('content.send.broadcast.marking', figures) }}
          cancelledText={t('content.send.broadcast.cancelled')}
        />
        {state.phase === 'done' && state.result && (
          <Alert color="teal" icon={<IconCheck size={18} />} title={t('content.send.broadcast.doneTitle')} data-testid="broadcast-done">
            {state.result.contacted > 0
              ? t('content.send.broadcast.doneMarked', { rows: whole.format(state.result.rows), contacted: whole.format(state.result.contacted) })
              : t('content.send.broadcast.done', { rows: whole.format(state.result.rows) })}
          </Alert>
        )}
        <JobDialogActions
          running={running}
          cancelRequested={state.cancelRequested}
          doneFileId={state.phase === 'done' && state.result ? state.result.fileId : null}
          onCancel={cancel}
          onClose={onClose}
          onStart={() => void start({ ...target, ...choice, markContacted })}
          startLabel={t('content.send.broadcast.start')}
          testId="broadcast"
        />
      </Stack>
    </Modal>
  );
}
