import { Alert, Badge, Button, Group, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconDownload, IconListNumbers, IconPlayerSkipForward, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISSUE_CATEGORIES, type ImportKindName, type ImportReport, type IssueCategory } from '../../../src-shared/schemas/import';
import { StatCard } from '../../../src-ui/components/StatCard';
import { count } from './fields';
import { useDownload } from './useDownload';

/** Total, ready (or imported), skipped, failed and new customers, as cards. */
export function ReportStats({ report, kind, testPrefix, done = false }: { report: ImportReport; kind: ImportKindName; testPrefix: string; done?: boolean }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: kind === 'transactions' ? 5 : 4 }} spacing="md">
      <StatCard label={t('import.report.total')} value={count(report.rowsTotal)} icon={IconListNumbers} testId={`${testPrefix}-total`} />
      <StatCard
        label={t(done ? 'import.report.imported' : 'import.report.valid')}
        value={count(report.valid)}
        icon={IconCircleCheck}
        color="teal"
        testId={`${testPrefix}-valid`}
      />
      <StatCard label={t('import.report.skipped')} value={count(report.toSkip)} icon={IconPlayerSkipForward} color="gray" testId={`${testPrefix}-skipped`} />
      <StatCard
        label={t('import.report.failed')}
        value={count(report.failed)}
        icon={IconCircleX}
        color={report.failed > 0 ? 'red' : 'gray'}
        testId={`${testPrefix}-failed`}
      />
      {kind === 'transactions' && (
        <StatCard
          label={t('import.report.customers')}
          value={count(report.customersCreated)}
          icon={IconUserPlus}
          color="sun"
          testId={`${testPrefix}-customers`}
        />
      )}
    </SimpleGrid>
  );
}

/** What the main process wants the user to know even when rows pass (date order guessed, etc.). */
export function ReportWarnings({ warnings }: { warnings: string[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title={t('import.report.warnings')} data-testid="import-warnings">
      <Stack gap={6}>
        {warnings.map((warning) => (
          <Text key={warning} size="sm">
            {warning}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

export function ErrorFileButton({ fileId }: { fileId: string | null }) {
  const { t } = useTranslation();
  const download = useDownload();
  if (!fileId) return null;
  return (
    <Button
      variant="light"
      color="red"
      leftSection={<IconDownload size={16} />}
      loading={download.pending === fileId}
      onClick={() => void download.file(fileId)}
      data-testid="import-error-download"
    >
      {t('import.report.download')}
    </Button>
  );
}

/** The problems, grouped by kind (dates, numbers, phones…), first 200 of them with their rows. */
export function IssuesPanel({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const categories = ISSUE_CATEGORIES.filter((category) => (report.byCategory[category] ?? 0) > 0);
  const [chosen, setChosen] = useState<IssueCategory | null>(null);
  const total = categories.reduce((sum, category) => sum + (report.byCategory[category] ?? 0), 0);

  if (categories.length === 0) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck />} data-testid="import-no-issues">
        {t('import.report.noIssues')}
      </Alert>
    );
  }
  const active = chosen && categories.includes(chosen) ? chosen : categories[0];

  return (
    <Stack gap="sm" data-testid="import-issues">
      <Group justify="space-between" align="center">
        <Text fw={700}>{t('import.report.issues')}</Text>
        <ErrorFileButton fileId={report.errorFileId} />
      </Group>
      <Tabs value={active} onChange={(value) => value && setChosen(value as IssueCategory)} variant="outline">
        <Tabs.List>
          {categories.map((category) => (
            <Tabs.Tab
              key={category}
              value={category}
              data-testid={`issues-tab-${category}`}
              rightSection={
                <Badge size="sm" variant="light" color={category === 'duplicate' ? 'gray' : 'red'} className="sma-num">
                  {count(report.byCategory[category] ?? 0)}
                </Badge>
              }
            >
              {t(`import.report.categories.${category}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {categories.map((category) => (
          <Tabs.Panel key={category} value={category} pt="sm">
            <IssueTable report={report} category={category} />
          </Tabs.Panel>
        ))}
      </Tabs>
      {report.issues.length < total && (
        <Text size="xs" c="dimmed">
          {t('import.report.issuesShown', { shown: count(report.issues.length), total: count(total) })}
        </Text>
      )}
    </Stack>
  );
}

function IssueTable({ report, category }: { report: ImportReport; category: IssueCategory }) {
  const { t } = useTranslation();
  const issues = report.issues.filter((issue) => issue.category === category);
  if (issues.length === 0) {
    const total = report.byCategory[category] ?? 0;
    return (
      <Text size="sm" c="dimmed">
        {t('import.report.issuesShown', { shown: 0, total: count(total) })}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640} maxHeight={420}>
      <Table striped stickyHeader verticalSpacing={6} fz="sm" data-testid={`issues-${category}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('import.report.line')}</Table.Th>
            <Table.Th w={180}>{t('import.report.column')}</Table.Th>
            <Table.Th w={220}>{t('import.report.value')}</Table.Th>
            <Table.Th>{t('import.report.problem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((issue, index) => (
            <Table.Tr key={`${issue.line}-${issue.field}-${index}`} data-testid="issue-row">
              <Table.Td className="sma-num">{issue.line}</Table.Td>
              <Table.Td>{issue.column}</Table.Td>
              <Table.Td maw={220} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={issue.value}>
                {issue.value ? (
                  <Text span ff="monospace" size="xs">
                    {issue.value}
                  </Text>
                ) : (
                  <Text span c="dimmed" size="xs">
                    {t('import.report.blank')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{issue.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
