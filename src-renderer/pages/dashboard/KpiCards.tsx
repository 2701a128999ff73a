import { Card, Group, SimpleGrid, Skeleton, Text, ThemeIcon } from '@mantine/core';
import { IconCash, IconReceipt, IconRepeat, IconScale, IconUserPlus, IconUsers, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../src-shared/format/money';
import type { DashboardKpis } from '../../../src-shared/schemas/dashboard';
import { change } from './change';

const whole = new Intl.NumberFormat('id-ID');
const one = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

interface KpiDef {
  key: keyof DashboardKpis;
  testId: string;
  icon: Icon;
  color: string;
  money?: boolean;
}

const KPIS: KpiDef[] = [
  { key: 'revenue', testId: 'kpi-revenue', icon: IconCash, color: 'teal', money: true },
  { key: 'orders', testId: 'kpi-orders', icon: IconReceipt, color: 'navy' },
  { key: 'activeCustomers', testId: 'kpi-active', icon: IconUsers, color: 'blue' },
  { key: 'aov', testId: 'kpi-aov', icon: IconScale, color: 'grape', money: true },
  { key: 'newCustomers', testId: 'kpi-new', icon: IconUserPlus, color: 'cyan' },
  { key: 'returningCustomers', testId: 'kpi-returning', icon: IconRepeat, color: 'orange' },
];

/** Six figures of the period, each with its change against the period just before. */
export function KpiCards({ current, before }: { current: DashboardKpis | undefined; before: DashboardKpis | undefined }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
      {KPIS.map((kpi) => {
        const format = (n: number) => (kpi.money ? formatRupiah(n) : whole.format(n));
        return (
          <Card key={kpi.key} padding="md" data-testid={kpi.testId}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
                  {t(`dashboard.kpi.${kpi.key}`)}
                </Text>
                {current && before ? (
                  <>
                    <Text fw={700} size="xl" mt={4} lh={1.25} className="sma-num" data-testid={`${kpi.testId}-value`}>
                      {format(current[kpi.key])}
                    </Text>
                    {/* The figure before goes under the change when the card is narrow, never cut to "Rp 165.7…". */}
                    <Group gap={6} mt={4} style={{ rowGap: 0 }}>
                      <ChangeText current={current[kpi.key]} before={before[kpi.key]} testId={`${kpi.testId}-change`} />
                      <Text size="xs" c="dimmed">
                        {t('dashboard.kpi.before', { value: format(before[kpi.key]) })}
                      </Text>
                    </Group>
                  </>
                ) : (
                  <>
                    <Skeleton height={26} mt={8} width={140} />
                    <Skeleton height={12} mt={8} width={180} />
                  </>
                )}
              </div>
              <ThemeIcon variant="light" color={kpi.color} size={38} radius="md">
                <kpi.icon size={20} stroke={1.7} />
              </ThemeIcon>
            </Group>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

/**
 * Deltas are 12 px text, so they need 4.5:1 against the card: teal 9 (5.0:1) and red 9 (5.5:1) on
 * white; the 7s they replace were 3.1:1 and 3.8:1. On the dark card the light 4s are 4.8:1 and 6.5:1.
 */
const DELTA_COLOR = {
  up: 'light-dark(var(--mantine-color-teal-9), var(--mantine-color-teal-4))',
  down: 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-4))',
} as const;

function ChangeText({ current, before, testId }: { current: number; before: number; testId: string }) {
  const { t } = useTranslation();
  const c = change(current, before);
  if (c.kind === 'none' || c.kind === 'new') {
    return (
      <Text size="xs" fw={700} c="dimmed" className="sma-num" data-testid={testId} data-kind={c.kind}>
        {c.kind === 'new' ? t('dashboard.kpi.new') : '–'}
      </Text>
    );
  }
  const arrow = c.kind === 'up' ? '▲' : c.kind === 'down' ? '▼' : '=';
  return (
    <Text
      size="xs"
      fw={700}
      c={c.kind === 'flat' ? 'dimmed' : undefined}
      style={c.kind === 'flat' ? undefined : { color: DELTA_COLOR[c.kind] }}
      className="sma-num"
      data-testid={testId}
      data-kind={c.kind}
    >
      {arrow} {one.format(c.pct)}%
    </Text>
  );
}
