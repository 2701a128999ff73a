import { Card, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../../src-shared/format/money';
import type { LeadReports } from '../../../../src-shared/schemas/lead-reports';
import { CardTitle } from './CardTitle';
import { monthLabel, whole } from './format';
import { ScrollTable } from '../../../../src-ui/components/ScrollTable';

/** One figure against its target: the actual, "of <target>" and a bar, or "no target". */
function Against({ actual, target, show }: { actual: number; target: number | null; show: (n: number) => string }) {
  const { t } = useTranslation();
  const share = target ? Math.min(100, (actual / target) * 100) : 0;
  return (
    <Stack gap={2} align="flex-end">
      <Text size="sm" fw={600} className="sma-num">
        {show(actual)}
      </Text>
      <Text size="xs" c="dimmed">
        {target === null ? t('leadsReports.targets.noTarget') : t('leadsReports.targets.of', { target: show(target) })}
      </Text>
      {target !== null && <Progress value={share} w={96} size="sm" color={actual >= target ? 'teal' : 'navy'} aria-hidden />}
    </Stack>
  );
}

export function TargetsCard({ data }: { data: LeadReports }) {
  const { t, i18n } = useTranslation();
  const count = (n: number) => whole.format(n);
  return (
    <Card h="100%" data-testid="leads-targets">
      <CardTitle title={t('leadsReports.targets.title')} hint={t('leadsReports.targets.hint')} />
      <ScrollTable
        minWidth={480}
        verticalSpacing={6}
        columns={(['month', 'leads', 'customers', 'revenue'] as const).map((column) => t(`leadsReports.targets.${column}`))}
        figuresFrom={1}
      >
        {data.monthly.map((m) => (
          <Table.Tr key={m.month} data-testid="leads-target-row">
            <Table.Td>{monthLabel(m.month, i18n.language)}</Table.Td>
            <Table.Td>
              <Against actual={m.leads} target={m.leadsTarget} show={count} />
            </Table.Td>
            <Table.Td>
              <Against actual={m.newCustomers} target={m.customersTarget} show={count} />
            </Table.Td>
            <Table.Td>
              <Against actual={m.revenue} target={m.revenueTarget} show={formatRupiah} />
            </Table.Td>
          </Table.Tr>
        ))}
      </ScrollTable>
    </Card>
  );
}
