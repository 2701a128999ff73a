import { Anchor, Badge, Card, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { useApiQuery } from '../../api/hooks';
import { href } from '../../router';
import { useSession } from '../../session/context';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';

/** "Asal pelanggan": the leads this customer came from (channel, campaign, when); nothing when none. */
export function CustomerOriginCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const timeZone = useSession().status.business?.timezone;
  const origin = useApiQuery('leads.ofCustomer', { id }, { meta: { silent: true } });
  const rows = origin.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Card p={0} data-testid="customer-origin">
      <Group px="md" pt="md" pb="xs">
        <Text fw={700}>{t('leads.origin.title')}</Text>
      </Group>
      <ScrollTable
        minWidth={560}
        verticalSpacing="sm"
        horizontalSpacing="md"
        caps
        columns={[t('leads.code'), t('leads.channel'), t('leads.campaignCode'), t('leads.origin.since'), t('leads.origin.closed')]}
      >
        {rows.map((row) => (
          <Table.Tr key={row.id} data-testid="customer-origin-row">
            <Table.Td>
              <Anchor href={href('leads', row.id)} size="sm" ff="monospace" data-testid="customer-origin-lead">
                {row.code}
              </Anchor>
            </Table.Td>
            <Table.Td>{row.channelName ?? '—'}</Table.Td>
            <Table.Td>
              {row.campaignCode ? (
                <Badge variant="outline" color="gray" tt="none" ff="monospace" style={{ minWidth: 'max-content' }}>
                  {row.campaignCode}
                </Badge>
              ) : (
                '—'
              )}
            </Table.Td>
            <Table.Td className="sma-num">{formatDate(row.createdAt, timeZone)}</Table.Td>
            <Table.Td className="sma-num">{row.closedAt ? formatDate(row.closedAt, timeZone) : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </ScrollTable>
    </Card>
  );
}
