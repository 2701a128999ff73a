import { LineChart } from '@mantine/charts';
import { Card } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../../src-shared/format/money';
import type { LeadReports } from '../../../../src-shared/schemas/lead-reports';
import { CARD_CHART, useRupiahAxis } from '../../../components/cardChart';
import { CardTitle } from './CardTitle';
import { monthLabel, whole } from './format';

/** New leads and closings per month on the left axis, the won value on the right. */
export function TrendCard({ data }: { data: LeadReports }) {
  const { t, i18n } = useTranslation();
  const rupiahAxis = useRupiahAxis();
  const points = data.monthly.map((m) => ({ label: monthLabel(m.month, i18n.language, true), leads: m.leads, won: m.won, wonValue: m.wonValue }));
  return (
    <Card h="100%" data-testid="leads-trend">
      <CardTitle title={t('leadsReports.trend.title')} hint={t('leadsReports.trend.hint')} />
      <LineChart
        {...CARD_CHART}
        data={points}
        dataKey="label"
        series={[
          { name: 'leads', label: t('leadsReports.trend.leads'), color: 'navy.6' },
          { name: 'won', label: t('leadsReports.trend.won'), color: 'teal.7' },
          { name: 'wonValue', label: t('leadsReports.trend.wonValue'), color: 'orange.6', yAxisId: 'right', strokeDasharray: '5 5' },
        ]}
        withRightYAxis
        yAxisProps={{ tickFormatter: (v: number) => whole.format(v), allowDecimals: false }}
        rightYAxisProps={rupiahAxis}
        // The tooltip formats every series alike: counts of leads never reach the thousands of
        // rupiah a won value starts at, so the size tells which is which.
        valueFormatter={(v) => (v >= 10_000 ? formatRupiah(v) : whole.format(v))}
        curveType="monotone"
      />
    </Card>
  );
}
