import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconFlask, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../src-shared/schemas/import';
import { count } from './fields';
import { IssuesPanel, ReportStats, ReportWarnings } from './ReportParts';
import { RunProgress } from './RunProgress';
import { validate } from './wizardRun';
import type { Problem, WizardState } from './wizardStore';

/** Step 4: the dry run: progress while it runs, then exactly what the import would do. */
export function CheckStep({ wizard }: { wizard: WizardState }) {
  const { t } = useTranslation();
  const { run, report, runProblem, kind } = wizard;

  if (run?.mode === 'validate') return <RunProgress run={run} />;
  if (runProblem) return <RunProblem problem={runProblem} title={t('import.report.failedTitle')} onRetry={validate} />;
  if (!report) return null;

  return (
    <Stack gap="lg" data-testid="import-report" data-status={report.status}>
      {report.status === 'stopped' ? (
        <Alert color="red" variant="filled" icon={<IconAlertCircle />} title={t('import.report.stoppedTitle')} data-testid="import-stopped">
          {report.stopReason}
        </Alert>
      ) : (
        <Alert color="navy" variant="light" icon={<IconFlask />} py="xs">
          {t('import.report.dryRun')}
        </Alert>
      )}
      <ReportStats report={report} kind={kind} testPrefix="report" />
      <ReportNotes report={report} kind={kind} />
      <ReportWarnings warnings={report.warnings} />
      <IssuesPanel report={report} />
    </Stack>
  );
}

/** "Saved as N transactions", "M existing records will be updated". */
export function ReportNotes({ report, kind, done = false }: { report: ImportReport; kind: string; done?: boolean }) {
  const { t } = useTranslation();
  const notes: string[] = [];
  if (kind === 'transactions' && report.records > 0 && report.records !== report.valid) notes.push(t('import.report.records', { n: count(report.records) }));
  if (report.updated > 0) notes.push(t(done ? 'import.report.updatedDone' : 'import.report.updated', { n: count(report.updated) }));
  if (notes.length === 0) return null;
  return (
    <Stack gap={2}>
      {notes.map((note) => (
        <Text key={note} size="sm" c="dimmed">
          {note}
        </Text>
      ))}
    </Stack>
  );
}

/** A check or import that did not finish. Cancelling is the user's choice: said calmly, in blue. */
export function RunProblem({ problem, title, onRetry }: { problem: Problem; title: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const cancelled = problem.code === 'CANCELLED';
  return (
    <Stack gap="md">
      <Alert
        color={cancelled ? 'blue' : 'red'}
        variant="light"
        icon={cancelled ? <IconInfoCircle /> : <IconAlertCircle />}
        title={cancelled ? t('import.report.cancelledTitle') : title}
        data-testid={cancelled ? 'import-cancelled' : 'import-run-error'}
      >
        {problem.message}
      </Alert>
      {onRetry && (
        <Group>
          <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={onRetry} data-testid="import-retry">
            {t('import.report.recheck')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
