import { Card, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../../src-shared/format/money';
import type { LeadReports } from '../../../../src-shared/schemas/lead-reports';
import { ExportButton } from '../../../components/export/ExportButton';
import { useSession } from '../../../session/context';
import { CardTitle } from './CardTitle';
import { whole } from './format';
import { FigureCell } from '../../../../src-ui/components/FigureCell';
import { ScrollTable } from '../../../../src-ui/components/ScrollTable';

export function TeamCard({ data }: { data: LeadReports }) {
  const { t } = useTranslation();
  const { status } = useSession();
  const staff = status.user?.role === 'staff';
  return (
    <Card h="100%" data-testid="leads-team">
      <CardTitle
        title={t('leadsReports.team.title')}
        hint={staff ? t('leadsReports.team.ownOnly') : t('leadsReports.team.hint')}
        actions={<ExportButton report="leads-team" filters={data.period} />}
      />
      <ScrollTable
        minWidth={560}
        verticalSpacing={4}
        columns={(['user', 'open', 'overdue', 'week', 'won', 'wonValue'] as const).map((column) => t(`leadsReports.team.${column}`))}
        figuresFrom={1}
      >
        {data.team.map((r) => (
          <Table.Tr key={r.userId} data-testid="leads-team-row">
            <Table.Td fw={600}>{r.name}</Table.Td>
            <FigureCell>{whole.format(r.openLeads)}</FigureCell>
            <Table.Td ta="right" className="sma-num">
              <Text span inherit c={r.overdue > 0 ? 'red.8' : undefined} fw={r.overdue > 0 ? 700 : undefined}>
                {whole.format(r.overdue)}
              </Text>
            </Table.Td>
            <FigureCell>{whole.format(r.activitiesWeek)}</FigureCell>
            <FigureCell>{whole.format(r.wonCount)}</FigureCell>
            <FigureCell strong>{formatRupiah(r.wonValue)}</FigureCell>
          </Table.Tr>
        ))}
      </ScrollTable>
    </Card>
  );
}
