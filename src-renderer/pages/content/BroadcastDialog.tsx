import { Checkbox, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateDomains } from '../../api/hooks';
import { JobDialog } from '../../components/export/JobDialog';
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
  const job = useExportRun('content.broadcast', (queryClient) => invalidateDomains(queryClient, ['content', 'campaigns', 'customers']));
  const { phase } = job.state;

  return (
    <JobDialog
      title={t(`content.send.broadcast.${choice.kind}`, { format: choice.format.toUpperCase() })}
      testId="broadcast"
      job={job}
      progress={{ phaseText: { mark: (figures) => t('content.send.broadcast.marking', figures) }, cancelledText: t('content.send.broadcast.cancelled') }}
      doneTitle={t('content.send.broadcast.doneTitle')}
      doneText={(result) =>
        result.contacted > 0
          ? t('content.send.broadcast.doneMarked', { rows: whole.format(result.rows), contacted: whole.format(result.contacted) })
          : t('content.send.broadcast.done', { rows: whole.format(result.rows) })
      }
      onStart={() => void job.start({ ...target, ...choice, markContacted })}
      startLabel={t('content.send.broadcast.start')}
      onClose={onClose}
    >
      <Text size="sm" c="dimmed">
        {t(`content.send.broadcast.${choice.kind}Hint`)}
      </Text>
      <Checkbox
        checked={markContacted}
        disabled={phase === 'running' || phase === 'done'}
        onChange={(event) => setMarkContacted(event.currentTarget.checked)}
        label={t('content.send.broadcast.mark')}
        description={t('content.send.broadcast.markHint')}
        data-testid="broadcast-mark"
      />
    </JobDialog>
  );
}
