import { useTranslation } from 'react-i18next';
import { JobProgressCard, progressPercent } from '../../components/JobProgressCard';
import { count } from './fields';
import { cancelRun } from './wizardRun';
import type { RunState } from './wizardStore';

/**
 * A running check or import: "Membaca file… N baris" with a moving bar while the total is not
 * known yet (the first pass), then "Memeriksa baris X dari Y" with a percentage; and Cancel.
 */
export function RunProgress({ run }: { run: RunState }) {
  const { t } = useTranslation();
  const progress = run.progress;
  const percent = progressPercent(progress);
  const known = percent !== null;

  let text = t('import.progress.starting');
  if (progress && !known) text = t('import.progress.scan', { n: count(progress.done) });
  else if (progress) {
    const vars = { done: count(progress.done), total: count(progress.total) };
    text = progress.phase === 'import' ? t('import.progress.import', vars) : t('import.progress.validate', vars);
  }

  return (
    <JobProgressCard
      title={run.mode === 'commit' ? t('import.progress.saving') : t('import.progress.checking')}
      text={text}
      percent={percent}
      cancelLabel={t('import.progress.cancel')}
      cancellingLabel={t('import.progress.cancelling')}
      cancelling={run.cancelRequested}
      onCancel={cancelRun}
      color={run.mode === 'commit' ? 'sun' : 'navy'}
      footnote={t('import.progress.background')}
      testId="import-progress"
      cancelTestId="import-cancel"
      phase={progress?.phase ?? 'start'}
    />
  );
}
