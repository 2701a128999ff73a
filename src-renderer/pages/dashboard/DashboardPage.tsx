import { Alert, Grid, Skeleton, Stack } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../src-shared/contract';
import { dateInZone, formatDate } from '../../../src-shared/format/date';
import { DASHBOARD_PERIODS } from '../../../src-shared/schemas/dashboard';
import { useApiListQuery } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/context';
import { useRefreshAfterRfmRuns } from '../rfm/runStore';
import { AtRiskCustomers } from './AtRiskCustomers';
import { DashboardEmpty } from './DashboardEmpty';
import { KpiCards } from './KpiCards';
import { PeriodPicker, type DashboardPeriod, type PeriodChoice } from './PeriodPicker';
import { SegmentDonut } from './SegmentDonut';
import { TopCustomers } from './TopCustomers';
import { TrendChart } from './TrendChart';

export function DashboardPage() {
  const { t } = useTranslation();
  const { status } = useSession();
  const today = dateInZone(new Date(), status.business?.timezone);
  // The period is remembered on this laptop (an owner who checks "this month" daily keeps it);
  // a custom range is not, as it rarely means anything the next day.
  const [stored, setStored] = useLocalStorage<DashboardPeriod>({ key: 'sma.dashboard.period', defaultValue: 'this_month', getInitialValueInEffect: false });
  const [period, setPeriod] = useState<DashboardPeriod>(() => (stored !== 'custom' && (DASHBOARD_PERIODS as readonly string[]).includes(stored) ? stored : 'this_month'));
  const [range, setRange] = useState<PeriodChoice['range']>([null, null]);
  const choice: PeriodChoice = { period, range };
  const setChoice = (next: PeriodChoice) => {
    setPeriod(next.period);
    setRange(next.range);
    if (next.period !== 'custom') setStored(next.period);
  };
  const [from, to] = range;
  const waiting = period === 'custom' && !(from && to);
  // While a custom range has one end, the last complete answer stays on screen.
  const input: ChannelInput<'dashboard.get'> = period === 'custom' && from && to ? { period, from, to } : { period };
  const dashboard = useApiListQuery('dashboard.get', input, { enabled: !waiting });
  useRefreshAfterRfmRuns();
  const data = dashboard.data;

  const subtitle = data ? t('dashboard.subtitle', { from: formatDate(data.period.from), to: formatDate(data.period.to), prevFrom: formatDate(data.previous.from), prevTo: formatDate(data.previous.to) }) : t('common.loading');

  return (
    <>
      <PageHeader title={t('nav.dashboard')} subtitle={<span data-testid="dashboard-range-text">{subtitle}</span>} actions={<PeriodPicker value={choice} onChange={setChoice} today={today} />} />
      {waiting && (
        <Alert color="navy" variant="light" icon={<IconInfoCircle size={18} />} mb="md">
          {t('dashboard.period.pickHint')}
        </Alert>
      )}
      {!data ? (
        <Skeleton height={480} radius="md" />
      ) : !data.hasTransactions ? (
        <DashboardEmpty />
      ) : (
        <Stack gap="lg" data-testid="dashboard">
          <KpiCards current={data.current} before={data.before} />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <TrendChart trend={data.trend} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <SegmentDonut data={data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <TopCustomers rows={data.topCustomers} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <AtRiskCustomers data={data} />
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </>
  );
}
