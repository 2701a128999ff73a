import { Alert, Grid, Skeleton, Stack, Tabs } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../src-shared/contract';
import { COMPARE_MODES, DASHBOARD_PERIODS, periodRange, rangeText, type CompareMode } from '../../../src-shared/dashboard/compare';
import { dateInZone } from '../../../src-shared/format/date';
import { useApiListQuery } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/context';
import { useRefreshAfterRfmRuns } from '../rfm/runStore';
import { AtRiskCustomers } from './AtRiskCustomers';
import { ComparedWith } from './ComparedWith';
import { DashboardEmpty } from './DashboardEmpty';
import { KpiCards } from './KpiCards';
import { LeadsReportsTab } from './leads/LeadsReportsTab';
import { PeriodPicker, type DashboardPeriod, type PeriodChoice } from './PeriodPicker';
import { SegmentDonut } from './SegmentDonut';
import { TopCustomers } from './TopCustomers';
import { TrendChart } from './TrendChart';

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { status } = useSession();
  const today = dateInZone(new Date(), status.business?.timezone);
  // The period is remembered on this laptop (an owner who checks "this month" daily keeps it);
  // a custom range is not, as it rarely means anything the next day.
  const [stored, setStored] = useLocalStorage<DashboardPeriod>({ key: 'sma.dashboard.period', defaultValue: 'this_month', getInitialValueInEffect: false });
  const [period, setPeriod] = useState<DashboardPeriod>(() =>
    stored !== 'custom' && (DASHBOARD_PERIODS as readonly string[]).includes(stored) ? stored : 'this_month',
  );
  const [range, setRange] = useState<PeriodChoice['range']>([null, null]);
  // What the period is compared with is remembered too; by default the same dates last month.
  const [storedCompare, setCompare] = useLocalStorage<CompareMode>({
    key: 'sma.dashboard.compare',
    defaultValue: 'last_month',
    getInitialValueInEffect: false,
  });
  const compare = (COMPARE_MODES as readonly string[]).includes(storedCompare) ? storedCompare : 'last_month';
  const choice: PeriodChoice = { period, range };
  const setChoice = (next: PeriodChoice) => {
    setPeriod(next.period);
    setRange(next.range);
    if (next.period !== 'custom') setStored(next.period);
  };
  const [from, to] = range;
  const waiting = period === 'custom' && !(from && to);
  // While a custom range has one end, the last complete answer stays on screen.
  const input: ChannelInput<'dashboard.get'> = period === 'custom' && from && to ? { period, from, to, compare } : { period, compare };
  // Sales or leads (Prospek): one period picker for both; the tab is remembered on this laptop.
  const [storedTab, setTab] = useLocalStorage<string>({ key: 'sma.dashboard.tab', defaultValue: 'sales', getInitialValueInEffect: false });
  const tab = storedTab === 'leads' ? 'leads' : 'sales';
  const dashboard = useApiListQuery('dashboard.get', input, { enabled: !waiting && tab === 'sales' });
  const leadsRange = periodRange(period, today, { from: from ?? undefined, to: to ?? undefined });
  useRefreshAfterRfmRuns();
  const data = dashboard.data;

  const language = i18n.language === 'en' ? 'en' : 'id';
  const shownRange = tab === 'leads' ? (waiting ? null : leadsRange) : data?.period;
  const subtitle = shownRange ? t('dashboard.subtitle', { range: rangeText(shownRange, language) }) : t('common.loading');

  return (
    <>
      <PageHeader
        title={t('nav.dashboard')}
        subtitle={<span data-testid="dashboard-range-text">{subtitle}</span>}
        actions={<PeriodPicker value={choice} onChange={setChoice} today={today} />}
      />
      {waiting && (
        <Alert color="navy" variant="light" icon={<IconInfoCircle size={18} />} mb="md">
          {t('dashboard.period.pickHint')}
        </Alert>
      )}
      <Tabs value={tab} onChange={(next) => setTab(next === 'leads' ? 'leads' : 'sales')} mb="lg" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="sales" data-testid="dashboard-tab-sales">
            {t('leadsReports.tabSales')}
          </Tabs.Tab>
          <Tabs.Tab value="leads" data-testid="dashboard-tab-leads">
            {t('leadsReports.tabLeads')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'leads' ? (
        !waiting && <LeadsReportsTab from={leadsRange.from} to={leadsRange.to} />
      ) : !data ? (
        <Skeleton height={480} radius="md" />
      ) : !data.hasTransactions ? (
        <DashboardEmpty />
      ) : (
        <Stack gap="lg" data-testid="dashboard">
          <Stack gap="xs">
            <KpiCards current={data.current} before={data.before} />
            <ComparedWith data={data} language={language} onChange={setCompare} />
          </Stack>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <TrendChart trend={data.trend} running={data.trendRunning} />
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
