import { Alert, Badge, Button, Group, Stack } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft, IconCircleCheck, IconFileImport, IconHistory, IconList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../router';
import { ReportNotes, RunProblem } from './CheckStep';
import { count, formatDuration } from './fields';
import { PossibleDuplicates } from './PossibleDuplicates';
import { IssuesPanel, ReportStats, ReportWarnings } from './ReportParts';
import { RunProgress } from './RunProgress';
import { goTo, reset, STEP, type WizardState } from './wizardStore';

const LIST_PAGE = { customers: 'openCustomers', transactions: 'openTransactions', products: 'openProducts', leads: 'openLeads' } as const;

/** Step 5: the real import: progress while it writes, then what was saved. */
export function DoneStep({ wizard }: { wizard: WizardState }) {
  const { t } = useTranslation();
  const { run, result, runProblem, kind } = wizard;

  if (run?.mode === 'commit') return <RunProgress run={run} />;

  const backToCheck = (
    <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => goTo(STEP.check)} data-testid="import-back">
      {t('common.back')}
    </Button>
  );

  if (runProblem) {
    return (
      <Stack gap="md">
        <Badge
          size="lg"
          variant="light"
          color={runProblem.code === 'CANCELLED' ? 'blue' : 'red'}
          data-testid="import-done-status"
          data-status={runProblem.code === 'CANCELLED' ? 'cancelled' : 'failed'}
        >
          {t(runProblem.code === 'CANCELLED' ? 'import.done.status.cancelled' : 'import.done.status.failed')}
        </Badge>
        <RunProblem problem={runProblem} title={t('import.done.failedTitle')} />
        <Group>{backToCheck}</Group>
      </Stack>
    );
  }
  if (!result) return null;
  const completed = result.status === 'completed';

  return (
    <Stack gap="lg" data-testid="import-result" data-status={result.status}>
      <Group>
        <Badge size="lg" variant="light" color={completed ? 'teal' : 'red'} data-testid="import-done-status" data-status={result.status}>
          {t(`import.done.status.${result.status}`)}
        </Badge>
      </Group>
      {completed ? (
        <Alert color="teal" variant="light" icon={<IconCircleCheck />} title={t('import.done.title')}>
          {t('import.done.text', { n: count(result.valid), duration: formatDuration(t, result.durationMs) })}
        </Alert>
      ) : (
        <Alert color="red" variant="filled" icon={<IconAlertCircle />} title={t('import.done.stoppedTitle')} data-testid="import-stopped">
          {result.stopReason} {t('import.done.nothingSaved')}
        </Alert>
      )}
      <ReportStats report={result} kind={kind} testPrefix="result" done />
      <ReportNotes report={result} kind={kind} done />
      <ReportWarnings warnings={result.warnings} />
      {(result.failed > 0 || !completed) && <IssuesPanel report={result} />}
      {completed && wizard.options.preset && <PossibleDuplicates />}
      <Group gap="sm" pt="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        {completed ? (
          <>
            <Button leftSection={<IconList size={16} />} onClick={() => navigate(kind)} data-testid="import-open-list">
              {t(`import.done.${LIST_PAGE[kind]}`)}
            </Button>
            <Button variant="default" leftSection={<IconHistory size={16} />} onClick={() => navigate('import', 'history')} data-testid="import-open-history">
              {t('import.done.openHistory')}
            </Button>
          </>
        ) : (
          backToCheck
        )}
        <Button variant="subtle" leftSection={<IconFileImport size={16} />} onClick={reset} ml="auto" data-testid="import-again">
          {t('import.done.again')}
        </Button>
      </Group>
    </Stack>
  );
}
