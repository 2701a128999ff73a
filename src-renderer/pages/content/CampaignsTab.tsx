import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconTargetArrow } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { formatRupiah } from '../../../src-shared/format/money';
import { useApiQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { SegmentBadge } from '../../components/rfm/SegmentBadge';
import { navigate } from '../../router';
import { useCan } from '../../session/usePermission';
import { CampaignFormModal } from './CampaignFormModal';
import { ChannelBadge } from './ChannelBadge';

const STAT_COLUMNS = ['recipients', 'contacted', 'converted', 'revenue', 'conversionPct'] as const;

const whole = new Intl.NumberFormat('id-ID');
const pct = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const th = { fontSize: 'var(--mantine-font-size-xs)', textTransform: 'uppercase', letterSpacing: '0.04em', color: 'var(--mantine-color-dimmed)', whiteSpace: 'nowrap' } as const;

/** Every campaign with its results so far; a row opens its report. */
export function CampaignsTab() {
  const { t } = useTranslation();
  const canCreate = useCan()('campaigns.create');
  const [creating, setCreating] = useState(false);
  const list = useApiQuery('campaigns.list', {});
  const rows = list.data ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={720}>
          {t('campaigns.intro')}
        </Text>
        {canCreate && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="campaign-new">
            {t('campaigns.new')}
          </Button>
        )}
      </Group>
      <Card p={0}>
        <Table.ScrollContainer minWidth={1000}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="sm" data-testid="campaign-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={th}>{t('campaigns.col.campaign')}</Table.Th>
                <Table.Th style={th}>{t('campaigns.col.segment')}</Table.Th>
                <Table.Th style={th}>{t('campaigns.col.period')}</Table.Th>
                {STAT_COLUMNS.map((stat) => (
                  <Table.Th key={stat} style={th} ta="right">
                    {t(`campaigns.stat.${stat}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id} className="sma-clickable-row" onClick={() => navigate('content', 'campaigns', row.id)} data-testid="campaign-row" data-code={row.code}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {row.name}
                    </Text>
                    <Badge variant="outline" color="gray" tt="none" ff="monospace" size="sm">
                      {row.code}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <SegmentBadge segment={row.segment} />
                      <ChannelBadge channel={row.channel} />
                    </Group>
                  </Table.Td>
                  <Table.Td className="sma-num">
                    <Text size="sm">{t('campaigns.period', { from: formatDate(row.startDate), to: formatDate(row.endDate) })}</Text>
                  </Table.Td>
                  <Table.Td ta="right" className="sma-num">
                    {whole.format(row.recipients)}
                  </Table.Td>
                  <Table.Td ta="right" className="sma-num">
                    {whole.format(row.contacted)}
                  </Table.Td>
                  <Table.Td ta="right" className="sma-num" data-testid="campaign-row-converted">
                    {whole.format(row.converted)}
                  </Table.Td>
                  <Table.Td ta="right" className="sma-num">
                    {formatRupiah(row.revenue)}
                  </Table.Td>
                  <Table.Td ta="right" className="sma-num" fw={600}>
                    {pct.format(row.conversionPct)}%
                  </Table.Td>
                </Table.Tr>
              ))}
              {list.data && rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <EmptyList icon={IconTargetArrow} title={t('campaigns.emptyTitle')} description={t('campaigns.emptyText')} testId="campaign-empty" />
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {canCreate && <CampaignFormModal opened={creating} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
