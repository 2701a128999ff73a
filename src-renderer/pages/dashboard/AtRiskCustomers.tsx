import { Card, Group, Table, Text } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { formatRupiah } from '../../../src-shared/format/money';
import { formatPhone } from '../../../src-shared/format/phone';
import type { DashboardOutput } from '../../../src-shared/schemas/dashboard';
import { EmptyList } from '../../components/EmptyList';
import { SegmentBadge } from '../../components/rfm/SegmentBadge';
import { WhatsAppButton } from '../../components/WhatsAppButton';
import { navigate } from '../../router';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';
import { CustomerNameLink } from './CustomerNameLink';

const whole = new Intl.NumberFormat('id-ID');
const percent = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 0 });

/**
 * Who to call this week: with a fitted model, the customers with the most value at risk (CLV ×
 * (1 − P(alive))); without one, At Risk and Can't Lose Them of the latest run, biggest spenders first.
 */
export function AtRiskCustomers({ data }: { data: DashboardOutput }) {
  const { t } = useTranslation();
  const byModel = data.atRisk.some((row) => row.valueLost !== null);
  return (
    <Card h="100%" data-testid="dashboard-at-risk">
      <Text fw={700}>{t('dashboard.atRisk.title')}</Text>
      <Text size="sm" c="dimmed" mb="sm">
        {byModel ? t('clv.atRiskModelHint') : t('dashboard.atRisk.hint')}
      </Text>
      {!data.latestRun ? (
        <EmptyList icon={IconPhoneCall} title={t('dashboard.noRunTitle')} description={t('dashboard.atRisk.noRun')} testId="dashboard-at-risk-norun" />
      ) : data.atRisk.length === 0 ? (
        <EmptyList icon={IconPhoneCall} title={t('dashboard.atRisk.emptyTitle')} description={t('dashboard.atRisk.emptyText')} />
      ) : (
        <ScrollTable
          minWidth={560}
          highlightOnHover
          verticalSpacing={6}
          columns={[t('customers.name'), t('customers.phone'), t('dashboard.atRisk.last'), byModel ? t('clv.valueLost') : t('dashboard.atRisk.monetary')]}
          figuresFrom={3}
        >
          {data.atRisk.map((row) => (
            <Table.Tr key={row.id} className="sma-clickable-row" onClick={() => navigate('customers', row.id)} data-testid="at-risk-row">
              <Table.Td>
                <CustomerNameLink id={row.id} name={row.name} testId="at-risk-name" />
                <SegmentBadge segment={row.segment} size="xs" />
              </Table.Td>
              <Table.Td className="sma-num">
                <Group gap={6} wrap="nowrap">
                  <WhatsAppButton phone={row.phone} testId="at-risk-wa" compact />
                  <Text size="sm" className="sma-num" style={{ whiteSpace: 'nowrap' }}>
                    {formatPhone(row.phone) || '—'}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" className="sma-num">
                  {formatDate(row.lastPurchase)}
                </Text>
                <Text size="xs" c="dimmed" className="sma-num">
                  {t('dashboard.atRisk.daysAgo', { n: whole.format(row.recencyDays) })}
                </Text>
              </Table.Td>
              <Table.Td ta="right" className="sma-num" fw={600} data-testid="at-risk-value">
                {formatRupiah(row.valueLost ?? row.monetary)}
                {row.pAlive !== null && (
                  <Text size="xs" c="dimmed" fw={400} className="sma-num">
                    {t('clv.pAliveShort', { p: percent.format(row.pAlive) })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </ScrollTable>
      )}
    </Card>
  );
}
