import { Card, Group, SimpleGrid, Text } from '@mantine/core';
import { IconBulb, IconCash, IconReceipt, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SegmentId } from '../../../src-shared/rfm/rules';
import type { SegmentSummaryRow } from '../../../src-shared/schemas/rfm';
import { StatCard } from '../../../src-ui/components/StatCard';
import { useSegmentText } from '../../components/rfm/useSegmentText';

const whole = new Intl.NumberFormat('id-ID');
const one = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * A segment's figures under its title: customers (and their share), revenue, order size, and what
 * to do with them. Apart from the page (SegmentPage.tsx) because they are the run's, whatever the
 * members list below is filtered to.
 */
export function SegmentStats({ segment, row }: { segment: SegmentId; row: SegmentSummaryRow | undefined }) {
  const { t } = useTranslation();
  const text = useSegmentText();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
      <StatCard
        label={t('rfm.table.customers')}
        icon={IconUsers}
        value={row && `${whole.format(row.customers)} (${one.format(row.customersPct)}%)`}
        testId="segment-stat-customers"
      />
      {/* An empty segment has no revenue or order size: a dash, not "Rp 0". */}
      <StatCard label={t('rfm.table.revenue')} icon={IconCash} color="teal" amount={row?.customers ? row.revenue : null} value={row && '—'} />
      <StatCard
        label={t('rfm.table.aov')}
        icon={IconReceipt}
        color="grape"
        amount={row?.customers ? row.aov : null}
        value={row && '—'}
        testId="segment-stat-aov"
      />
      <Card padding="md">
        <Group gap={6} mb={4}>
          <IconBulb size={16} color="var(--mantine-color-sun-7)" />
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
            {t('rfm.table.action')}
          </Text>
        </Group>
        <Text size="sm" lh={1.35}>
          {text.segment(segment).action}
        </Text>
      </Card>
    </SimpleGrid>
  );
}
