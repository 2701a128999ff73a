import { Card, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadReports } from '../../../../src-shared/schemas/lead-reports';
import { CardTitle } from './CardTitle';
import { whole } from './format';
import { FigureCell } from '../../../../src-ui/components/FigureCell';

const days = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

export function StageDaysCard({ data }: { data: LeadReports }) {
  const { t } = useTranslation();
  return (
    <Card h="100%" data-testid="leads-stage-days">
      <CardTitle title={t('leadsReports.days.title')} hint={t('leadsReports.days.hint')} />
      <Table verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('leadsReports.days.stage')}</Table.Th>
            <Table.Th ta="right">{t('leadsReports.days.days')}</Table.Th>
            <Table.Th ta="right">{t('leadsReports.days.stays')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.stageDays.map((s) => (
            <Table.Tr key={s.stageId}>
              <Table.Td>{s.name}</Table.Td>
              <FigureCell strong>{s.avgDays === null ? t('leadsReports.days.none') : days.format(s.avgDays)}</FigureCell>
              <Table.Td ta="right" className="sma-num" c="dimmed">
                {whole.format(s.stays)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
