import { Alert, Button, Card, Grid, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconChartPie, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../src-shared/format/date';
import { useApiQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { PageHeader } from '../../components/PageHeader';
import { hrefWith } from '../../router';
import { useCan } from '../../session/usePermission';
import { ClvModelCard } from './ClvModelCard';
import { HowScored } from './HowScored';
import { MovementTable } from './MovementTable';
import { RfmGrid } from './RfmGrid';
import { RunForm } from './RunForm';
import { RunPicker } from './RunPicker';
import { runSegmentGrid } from './runGrid';
import { RfmRunProgress } from './RfmRunProgress';
import { useRefreshAfterRfmRuns } from './runStore';
import { SegmentTable } from './SegmentTable';

const numbers = new Intl.NumberFormat('id-ID');

/** `#/rfm` shows the latest run; `#/rfm?runId=…` an earlier one from the history. */
export function RfmPage({ runId }: { runId: string | undefined }) {
  const { t } = useTranslation();
  const canRun = useCan()('rfm.run');
  const settings = useApiQuery('settings.get', {});
  const summary = useApiQuery('rfm.summary', { runId }, { meta: { silent: Boolean(runId) } });
  useRefreshAfterRfmRuns();
  const run = summary.data?.run ?? null;

  const trigger = run ? t(`rfm.trigger.${run.trigger}`, { user: run.userName ?? '—' }) : '';
  const subtitle = run
    ? t('rfm.subtitleRun', {
        date: formatDate(run.analysisDate),
        method: t(`rfm.method.${run.method}`),
        customers: numbers.format(run.customers),
        at: formatDateTime(run.createdAt),
        trigger,
      })
    : t('rfm.subtitle');

  return (
    <>
      <PageHeader title={t('rfm.title')} subtitle={subtitle} actions={run && <RunPicker current={run} />} />
      <Stack gap="lg">
        {canRun && settings.data && <RunForm key={`${settings.data.rfmMethod}-${settings.data.rfmWindowMonths}`} settings={settings.data} />}
        {!canRun && <RfmRunProgress />}
        {summary.isError && runId && (
          <Alert color="red" icon={<IconInfoCircle size={18} />} title={t('rfm.runMissing')}>
            <Button variant="light" size="xs" mt="xs" component="a" href={hrefWith({}, 'rfm')}>
              {t('rfm.showLatest')}
            </Button>
          </Alert>
        )}
        {summary.isPending && <Skeleton height={420} radius="md" />}
        {summary.data && !run && (
          <Card>
            <EmptyList icon={IconChartPie} title={t('rfm.emptyTitle')} description={canRun ? t('rfm.emptyText') : t('rfm.emptyTextStaff')} testId="rfm-empty" />
          </Card>
        )}
        {run && summary.data && (
          <>
            <Group justify="space-between" align="flex-end">
              <div>
                <Text fw={700} size="lg">
                  {t('rfm.segmentsTitle')}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('rfm.segmentsHint')}
                </Text>
              </div>
            </Group>
            <SegmentTable rows={summary.data.segments} runId={run.id} />
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <RfmGrid cells={summary.data.grid} grid={runSegmentGrid(run)} runId={run.id} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <MovementTable movement={summary.data.movement} />
              </Grid.Col>
            </Grid>
            <ClvModelCard />
            <HowScored run={run} />
          </>
        )}
      </Stack>
    </>
  );
}
