import { Badge, Card, Group, Skeleton, Spoiler, Table, Text } from '@mantine/core';
import { IconMessageCircleOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../src-shared/format/date';
import { useApiQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { isContentChannel } from '../content/contentOptions';
import { ChannelBadge } from '../content/ChannelBadge';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';

/** Messages this customer was marked as sent: when, how, for which campaign, by whom, and the text itself. */
export function ContactHistoryCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const history = useApiQuery('customers.communications', { id });
  const rows = history.data ?? [];
  return (
    <Card p={0} data-testid="contact-history">
      <Group justify="space-between" px="md" pt="md" pb="xs">
        <Text fw={700}>{t('contactHistory.title')}</Text>
        {rows.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('contactHistory.count', { n: rows.length })}
          </Text>
        )}
      </Group>
      {!history.data ? (
        <Skeleton height={80} m="md" />
      ) : rows.length === 0 ? (
        <EmptyList
          icon={IconMessageCircleOff}
          title={t('contactHistory.emptyTitle')}
          description={t('contactHistory.emptyText')}
          testId="contact-history-empty"
        />
      ) : (
        <ScrollTable
          minWidth={760}
          verticalSpacing="sm"
          horizontalSpacing="md"
          caps
          columns={(['when', 'channel', 'campaign', 'message', 'by'] as const).map((column) => t(`contactHistory.col.${column}`))}
        >
          {rows.map((row) => (
            <Table.Tr key={row.id} data-testid="contact-history-row">
              <Table.Td className="sma-num" style={{ verticalAlign: 'top' }}>
                {formatDateTime(row.sentAt)}
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>{isContentChannel(row.channel) ? <ChannelBadge channel={row.channel} /> : row.channel}</Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                {row.campaignCode ? (
                  <Badge variant="outline" color="gray" tt="none" ff="monospace" style={{ minWidth: 'max-content' }} data-testid="contact-history-campaign">
                    {row.campaignCode}
                  </Badge>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td maw={520}>
                <Spoiler maxHeight={66} showLabel={t('content.send.more')} hideLabel={t('content.send.less')}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="contact-history-message">
                    {row.message ?? '—'}
                  </Text>
                </Spoiler>
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>{row.userName ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </ScrollTable>
      )}
    </Card>
  );
}
