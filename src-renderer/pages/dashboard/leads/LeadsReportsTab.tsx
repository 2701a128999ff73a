import { Grid, Skeleton, Stack } from '@mantine/core';
import { useApiListQuery } from '../../../api/hooks';
import { AdSpendCard } from './AdSpendCard';
import { ConversionCard } from './ConversionCard';
import { ForecastCard } from './ForecastCard';
import { FunnelCard } from './FunnelCard';
import { StageDaysCard } from './StageDaysCard';
import { TargetsCard } from './TargetsCard';
import { TeamCard } from './TeamCard';
import { TrendCard } from './TrendCard';

/** The dashboard's Prospek tab: every leads report for the period the dashboard's picker chose. */
export function LeadsReportsTab({ from, to }: { from: string; to: string }) {
  const reports = useApiListQuery('leads.reports', { from, to });
  const data = reports.data;
  if (!data) return <Skeleton height={480} radius="md" />;
  return (
    <Stack gap="lg" data-testid="leads-reports">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <FunnelCard data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ConversionCard data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ForecastCard data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <StageDaysCard data={data} />
        </Grid.Col>
        <Grid.Col span={12}>
          <TeamCard data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <TargetsCard data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <TrendCard data={data} />
        </Grid.Col>
        <Grid.Col span={12}>
          <AdSpendCard data={data} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
