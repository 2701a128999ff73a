import { CompositeChart } from '@mantine/charts';
import { Card, Group, Paper, SegmentedControl, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Rectangle, type BarShapeProps } from 'recharts';
import { dayText } from '../../../src-shared/dashboard/compare';
import { formatRupiah } from '../../../src-shared/format/money';
import type { DashboardOutput } from '../../../src-shared/schemas/dashboard';
import { useRupiahShort } from '../../../src-ui/components/useRupiahShort';

const whole = new Intl.NumberFormat('id-ID');

interface Point {
  month: string;
  label: string;
  revenue: number;
  orders: number;
  target: number | null;
}

/**
 * Monthly revenue as bars, orders as a line on their own axis on the right, and the revenue
 * target as a dashed line where the owner set one. The tooltip formats each by what it counts.
 * The month still running is a pale, dashed bar with "berjalan — sampai 7 Des" under the chart
 * and in its tooltip: a week of December next to a whole November is not a collapse.
 */
export function TrendChart({ trend, running }: { trend: DashboardOutput['trend']; running: DashboardOutput['trendRunning'] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const through = running ? dayText(running.through, language, false) : '';
  const isRunning = (month: unknown) => running !== null && month === running.month;
  const formatRupiahShort = useRupiahShort();
  const [months, setMonths] = useState('12');
  const shown: Point[] = trend.slice(-Number(months)).map((m) => ({ ...m, label: dayjs(`${m.month}-01`).locale(i18n.language).format('MMM YY') }));
  const withTarget = shown.some((m) => m.target !== null);
  const names: Record<string, string> = { revenue: t('dashboard.trend.revenue'), orders: t('dashboard.trend.orders'), target: t('dashboard.trend.target') };

  return (
    <Card h="100%" data-testid="dashboard-trend">
      <Group justify="space-between" mb="md" wrap="wrap" gap="xs">
        <div>
          <Text fw={700}>{t('dashboard.trend.title')}</Text>
          <Text size="sm" c="dimmed">
            {withTarget ? t('dashboard.trend.hintTarget') : t('dashboard.trend.hint')}
          </Text>
        </div>
        <SegmentedControl
          size="xs"
          value={months}
          onChange={setMonths}
          data={[
            { value: '6', label: t('dashboard.trend.months', { n: 6 }) },
            { value: '12', label: t('dashboard.trend.months', { n: 12 }) },
          ]}
          data-testid="dashboard-trend-months"
        />
      </Group>
      <CompositeChart
        h={300}
        data={shown}
        dataKey="label"
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
        withRightYAxis
        valueFormatter={formatRupiahShort}
        rightYAxisProps={{ tickFormatter: (value: number) => whole.format(value), width: 48 }}
        yAxisProps={{ width: 84 }}
        maxBarWidth={36}
        barProps={(series) =>
          series.name === 'revenue'
            ? { shape: (props: BarShapeProps) => <RevenueBar {...props} running={isRunning((props.payload as Point | undefined)?.month)} /> }
            : {}
        }
        curveType="monotone"
        connectNulls={false}
        series={[
          { name: 'revenue', label: names.revenue, color: 'navy.5', type: 'bar' },
          ...(withTarget ? [{ name: 'target', label: names.target, color: 'teal.6', type: 'line' as const, strokeDasharray: '6 4' }] : []),
          { name: 'orders', label: names.orders, color: 'sun.6', type: 'line', yAxisId: 'right' },
        ]}
        tooltipProps={{
          content: ({ label, payload }) => (
            <Paper px="md" py="sm" withBorder shadow="md" miw={200}>
              <Text fw={700} size="sm" mb={4}>
                {label}
                {isRunning((payload?.[0]?.payload as Point | undefined)?.month) && ` (${t('dashboard.trend.runningShort', { through })})`}
              </Text>
              {(payload ?? []).map((item) => (
                <Group key={String(item.dataKey)} justify="space-between" gap="lg" wrap="nowrap">
                  <Text size="sm" c="dimmed">
                    {names[String(item.dataKey)]}
                  </Text>
                  <Text size="sm" fw={600} className="sma-num">
                    {item.value === null || item.value === undefined
                      ? '—'
                      : item.dataKey === 'orders'
                        ? whole.format(Number(item.value))
                        : formatRupiah(Number(item.value))}
                  </Text>
                </Group>
              ))}
            </Paper>
          ),
        }}
      />
      {running && shown.some((m) => m.month === running.month) && (
        <Group gap={8} mt="xs" wrap="nowrap" data-testid="trend-running">
          <RunningSwatch />
          <Text size="sm">{t('dashboard.trend.running', { month: dayjs(`${running.month}-01`).locale(i18n.language).format('MMMM YYYY'), through })}</Text>
        </Group>
      )}
    </Card>
  );
}

/** A month's revenue bar; the running month's is pale with a dashed outline. */
function RevenueBar({ running, ...props }: BarShapeProps & { running: boolean }) {
  if (!running) return <Rectangle {...props} />;
  return <Rectangle {...props} fillOpacity={0.3} stroke={props.fill} strokeWidth={1.5} strokeDasharray="4 3" data-running="true" />;
}

/** The legend's sample of the running month's bar. */
function RunningSwatch() {
  return (
    <svg width={14} height={14} aria-hidden style={{ flex: 'none' }}>
      <rect
        x={1}
        y={1}
        width={12}
        height={12}
        fill="var(--mantine-color-navy-5)"
        fillOpacity={0.3}
        stroke="var(--mantine-color-navy-5)"
        strokeWidth={1.5}
        strokeDasharray="3 2"
      />
    </svg>
  );
}
