import { FunnelChart } from '@mantine/charts';
import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../../src-shared/format/money';
import type { LeadReports } from '../../../../src-shared/schemas/lead-reports';
import { EmptyList } from '../../../components/EmptyList';
import { ExportButton } from '../../../components/export/ExportButton';
import { CardTitle } from './CardTitle';
import { whole } from './format';
import { FigureCell } from '../../../../src-ui/components/FigureCell';

const COLORS = ['navy.3', 'navy.4', 'navy.5', 'navy.6', 'teal.6', 'teal.7', 'teal.8'];

/** Prospect → follow-up → closing: the funnel as a chart, and the same figures as a table. */
export function FunnelCard({ data }: { data: LeadReports }) {
  const { t } = useTranslation();
  const moved = data.funnel.some((s) => s.count > 0);
  return (
    <Card h="100%" data-testid="leads-funnel">
      <CardTitle
        title={t('leadsReports.funnel.title')}
        hint={t('leadsReports.funnel.hint')}
        actions={<ExportButton report="leads-funnel" filters={data.period} />}
      />
      {!moved ? (
        <EmptyList icon={IconFilter} title={t('leadsReports.funnel.title')} description={t('leadsReports.funnel.empty')} />
      ) : (
        <Group align="center" wrap="wrap" gap="lg" justify="center">
          <FunnelChart
            data={data.funnel.map((s, i) => ({
              name: s.name,
              value: Math.max(s.count, 0.0001),
              color: s.kind === 'won' ? 'teal.7' : COLORS[i % COLORS.length],
            }))}
            size={200}
            withTooltip={false}
            withLabels
            labelsPosition="inside"
            valueFormatter={(v) => whole.format(Math.round(v))}
          />
          <Stack gap={4} miw={240} style={{ flex: 1 }}>
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th ta="right">{t('leadsReports.funnel.leads')}</Table.Th>
                  <Table.Th ta="right">{t('leadsReports.funnel.value')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.funnel.map((s) => (
                  <Table.Tr key={s.stageId} data-testid="leads-funnel-row">
                    <Table.Td fw={s.kind === 'won' ? 700 : undefined}>{s.name}</Table.Td>
                    <FigureCell>{whole.format(s.count)}</FigureCell>
                    <FigureCell>{formatRupiah(s.value)}</FigureCell>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm" c="teal.9" fw={600} data-testid="leads-funnel-won">
              {t('leadsReports.funnel.won', { count: whole.format(data.won.count), value: formatRupiah(data.won.value) })}
            </Text>
          </Stack>
        </Group>
      )}
    </Card>
  );
}
