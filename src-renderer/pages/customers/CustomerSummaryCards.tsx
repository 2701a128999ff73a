import { SimpleGrid } from '@mantine/core';
import { IconCalendarDown, IconCalendarUp, IconCash, IconReceipt, IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { formatDate } from '../../../src-shared/format/date';
import type { customerSummary } from '../../../src-shared/schemas/customer';
import { StatCard } from '../../../src-ui/components/StatCard';

type Summary = z.infer<typeof customerSummary>;

export function CustomerSummaryCards({ summary }: { summary: Summary | undefined }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, xl: 3 }} spacing="md">
      <StatCard
        label={t('customers.summaryTransactions')}
        icon={IconReceipt}
        value={summary && summary.transactions.toLocaleString('id-ID')}
        testId="summary-transactions"
      />
      <StatCard label={t('customers.summaryTotal')} icon={IconCash} color="teal" amount={summary?.total} testId="summary-total" />
      <StatCard label={t('customers.summaryAverage')} icon={IconScale} color="grape" amount={summary?.averageOrder} testId="summary-average" />
      <StatCard label={t('customers.summaryFirst')} icon={IconCalendarDown} color="orange" value={summary && (formatDate(summary.firstPurchase) || none)} />
      <StatCard label={t('customers.summaryLast')} icon={IconCalendarUp} color="sun" value={summary && (formatDate(summary.lastPurchase) || none)} />
    </SimpleGrid>
  );
}
