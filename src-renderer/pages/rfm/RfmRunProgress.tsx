import { Alert } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { JobProgressCard, progressPercent } from '../../components/JobProgressCard';
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
  // The aggregate counts customers as it reads their purchases (the total is those with any sale:
  // a window or an earlier date can stop it short); the write is one statement, 0 then all.
  const percent = progressPercent(progress);
  const known = percent !== null;
  const vars = progress ? { done: numbers.format(progress.done), total: numbers.format(progress.total) } : null;
  let text = t('rfm.run.starting');
  if (progress && vars)
    text = progress.phase === 'write' ? t('rfm.run.phaseWrite', vars) : known ? t('rfm.run.phaseAggregate', vars) : t('rfm.run.phaseAggregateStart');

  return (
    <JobProgressCard
      title={run.own ? t('rfm.run.running') : t('rfm.run.runningElsewhere')}
      text={text}
      percent={percent}
      cancelLabel={t('common.cancel')}
      cancellingLabel={t('rfm.run.cancelling')}
      cancelling={run.cancelRequested}
      onCancel={cancelRun}
      testId="rfm-run-progress"
      cancelTestId="rfm-cancel"
    />
  );
}
