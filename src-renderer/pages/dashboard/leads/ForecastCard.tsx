import { BarChart } from '@mantine/charts';
import { Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../../src-shared/format/money';
import type { LeadReports } from '../../../../src-shared/schemas/lead-reports';
import { ExportButton } from '../../../components/export/ExportButton';
import { useRupiahShort } from '../../../../src-ui/components/useRupiahShort';
import { CardTitle } from './CardTitle';
import { monthLabel, whole } from './format';

/** The next six months' weighted value as bars, the full value behind them; late and undated below. */
export function ForecastCard({ data }: { data: LeadReports }) {
  const { t, i18n } = useTranslation();
  const short = useRupiahShort();
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
          h={240}
          data={points}
          dataKey="label"
          series={[
            { name: 'weighted', label: t('leadsReports.forecast.weighted'), color: 'navy.6' },
            { name: 'value', label: t('leadsReports.forecast.value'), color: 'gray.3' },
          ]}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          valueFormatter={(v) => formatRupiah(v)}
          yAxisProps={{ tickFormatter: (v: number) => short(v), width: 80 }}
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
