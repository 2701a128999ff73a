import { Card, Table, Text } from '@mantine/core';
import { IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../src-shared/format/money';
import type { DashboardOutput } from '../../../src-shared/schemas/dashboard';
import { EmptyList } from '../../components/EmptyList';
import { navigate } from '../../router';
import { FigureCell } from '../../../src-ui/components/FigureCell';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';
import { CustomerNameLink } from './CustomerNameLink';

const whole = new Intl.NumberFormat('id-ID');

/** The ten customers who spent most in the chosen period. */
export function TopCustomers({ rows }: { rows: DashboardOutput['topCustomers'] }) {
  const { t } = useTranslation();
  return (
    <Card h="100%" data-testid="dashboard-top-customers">
      <Text fw={700}>{t('dashboard.top.title')}</Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('dashboard.top.hint')}
      </Text>
      {rows.length === 0 ? (
        <EmptyList icon={IconTrophy} title={t('dashboard.top.emptyTitle')} description={t('dashboard.top.emptyText')} />
      ) : (
        <ScrollTable
          minWidth={360}
          highlightOnHover
          verticalSpacing={6}
          head={
            <>
              <Table.Th w={32}>#</Table.Th>
              <Table.Th>{t('customers.name')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.top.orders')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.top.revenue')}</Table.Th>
            </>
          }
        >
          {rows.map((row, index) => (
            <Table.Tr key={row.id} className="sma-clickable-row" onClick={() => navigate('customers', row.id)} data-testid="top-customer-row">
              <Table.Td c="dimmed" className="sma-num">
                {index + 1}
              </Table.Td>
              <Table.Td>
                <CustomerNameLink id={row.id} name={row.name} testId="top-customer-link" />
                <Text size="xs" c="dimmed" ff="monospace">
                  {row.code}
                </Text>
              </Table.Td>
              <FigureCell>{whole.format(row.orders)}</FigureCell>
              <FigureCell strong>{formatRupiah(row.revenue)}</FigureCell>
            </Table.Tr>
          ))}
        </ScrollTable>
      )}
    </Card>
  );
}
