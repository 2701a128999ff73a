import { BarChart } from '@mantine/charts';
import { Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../../src-shared/format/money';
import type { LeadReports } from '../../../../src-shared/schemas/lead-reports';
import { ExportButton } from '../../../components/export/ExportButton';
import { CARD_CHART, useRupiahAxis } from '../../../components/cardChart';
import { CardTitle } from './CardTitle';
import { monthLabel, whole } from './format';

/** The next six months' weighted value as bars, the full value behind them; late and undated below. */
export function ForecastCard({ data }: { data: LeadReports }) {
  const { t, i18n } = useTranslation();
  const rupiahAxis = useRupiahAxis();
  const points = data.forecast.months.map((m) => ({ label: monthLabel(m.month, i18n.language, true), weighted: m.weighted, value: m.value }));
  const { late, undated } = data.forecast;
  return (
    <Card h="100%" data-testid="leads-forecast">
      <CardTitle title={t('leadsReports.forecast.title')} hint={t('leadsReports.forecast.hint')} actions={<ExportButton report="leads-forecast" />} />
      {points.every((p) => p.value === 0) ? (
        // No open lead closes in the next six months: a sentence, not an empty chart with a made-up axis.
        <Text size="sm" c="dimmed" h={240} pt="xl" ta="center" data-testid="leads-forecast-empty">
          {t('leadsReports.forecast.empty')}
        </Text>
      ) : (
        <BarChart
          {...CARD_CHART}
          data={points}
          dataKey="label"
          series={[
            { name: 'weighted', label: t('leadsReports.forecast.weighted'), color: 'navy.6' },
            { name: 'value', label: t('leadsReports.forecast.value'), color: 'gray.3' },
          ]}
          valueFormatter={(v) => formatRupiah(v)}
          yAxisProps={rupiahAxis}
          gridAxis="y"
        />
      )}
      <Group gap="lg" mt="sm" wrap="wrap">
        <Text size="sm" c={late.count > 0 ? 'red.9' : 'dimmed'} data-testid="leads-forecast-late">
          {t('leadsReports.forecast.late', { count: whole.format(late.count), value: formatRupiah(late.weighted) })}
        </Text>
        <Text size="sm" c="dimmed" data-testid="leads-forecast-undated">
          {t('leadsReports.forecast.undated', { count: whole.format(undated.count), value: formatRupiah(undated.weighted) })}
        </Text>
      </Group>
    </Card>
  );
}
