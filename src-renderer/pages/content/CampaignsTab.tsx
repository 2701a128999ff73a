import { Box, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useElementSize, useLocalStorage } from '@mantine/hooks';
import { IconPlus, IconTargetArrow } from '@tabler/icons-react';
import type { VisibilityState } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { useApiQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { Money } from '../../../src-ui/components/Money';
import { SegmentBadge } from '../../components/rfm/SegmentBadge';
import { ColumnsMenu } from '../../components/table/ColumnsMenu';
import { visibleColumns, type MenuColumn } from '../../components/table/narrowColumns';
import { navigate } from '../../router';
import { useCan } from '../../session/usePermission';
import { CampaignFormModal } from './CampaignFormModal';
import { ChannelBadge } from './ChannelBadge';
import { CAPS_HEAD } from '../../../src-ui/components/capsHead';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';

const STAT_COLUMNS = ['recipients', 'contacted', 'converted', 'revenue', 'conversionPct'] as const;
type StatColumn = (typeof STAT_COLUMNS)[number];

/**
 * Narrower than this (px), the list starts without the column (the column menu brings it back):
 * revenue and conversion rate, what a campaign is judged by, stay on screen at 1024 and 1366.
 */
const HIDE_BELOW: Partial<Record<StatColumn, number>> = { contacted: 1200, recipients: 1000 };

const whole = new Intl.NumberFormat('id-ID');
const pct = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
// Long stat names wrap here, so the row of headers sits on their last line.
const th = { ...CAPS_HEAD, whiteSpace: 'normal', verticalAlign: 'bottom' } as const;

/** Every campaign with its results so far; a row opens its report. */
export function CampaignsTab() {
  const { t } = useTranslation();
  const canCreate = useCan()('campaigns.create');
  const [creating, setCreating] = useState(false);
  const list = useApiQuery('campaigns.list', {});
  const rows = list.data ?? [];
  const { ref, width } = useElementSize();
  const [chosen, setChosen] = useLocalStorage<VisibilityState>({ key: 'sma.campaigns.columns', defaultValue: {}, getInitialValueInEffect: false });
  const menuColumns: MenuColumn[] = STAT_COLUMNS.map((id) => ({ id, label: t(`campaigns.stat.${id}`), hideBelow: HIDE_BELOW[id] }));
  const visibility = visibleColumns(menuColumns, chosen, width);
  const stats = STAT_COLUMNS.filter((id) => visibility[id] !== false);

  const cell = (stat: StatColumn, row: (typeof rows)[number]) => {
    if (stat === 'revenue') return <Money amount={row.revenue} />;
    if (stat === 'conversionPct') return `${pct.format(row.conversionPct)}%`;
    return whole.format(row[stat]);
  };

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
      <Card p={0} ref={ref}>
        <ScrollTable
          minWidth={560}
          highlightOnHover
          verticalSpacing="sm"
          horizontalSpacing="sm"
          data-testid="campaign-table"
          head={
            <>
              <Table.Th style={th}>{t('campaigns.col.campaign')}</Table.Th>
              <Table.Th style={th}>{t('campaigns.col.segment')}</Table.Th>
              {stats.map((stat) => (
                <Table.Th key={stat} style={th} ta="right" data-testid={`campaign-col-${stat}`}>
                  {t(`campaigns.stat.${stat}`)}
                </Table.Th>
              ))}
            </>
          }
        >
          {rows.map((row) => (
            <Table.Tr
              key={row.id}
              className="sma-clickable-row"
              onClick={() => navigate('content', 'campaigns', row.id)}
              data-testid="campaign-row"
              data-code={row.code}
            >
              <Table.Td miw={200}>
                <Text size="sm" fw={600}>
                  {row.name}
                </Text>
                {/* The whole code, in a face where its underscores show: owners type it back from here. */}
                <Text size="xs" ff="monospace" c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid="campaign-row-code">
                  {row.code}
                </Text>
                <Text size="xs" c="dimmed" className="sma-num">
                  {t('campaigns.period', { from: formatDate(row.startDate), to: formatDate(row.endDate) })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <SegmentBadge segment={row.segment} />
                  <ChannelBadge channel={row.channel} />
                </Group>
              </Table.Td>
              {stats.map((stat) => (
                <Table.Td
                  key={stat}
                  ta="right"
                  className="sma-num"
                  fw={stat === 'conversionPct' ? 600 : undefined}
                  style={{ whiteSpace: 'nowrap' }}
                  data-testid={`campaign-row-${stat}`}
                >
                  {cell(stat, row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          {list.data && rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={2 + stats.length}>
                <EmptyList icon={IconTargetArrow} title={t('campaigns.emptyTitle')} description={t('campaigns.emptyText')} testId="campaign-empty" />
              </Table.Td>
            </Table.Tr>
          )}
        </ScrollTable>
        <Box px="md" py={6} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Group justify="flex-end">
            <ColumnsMenu columns={menuColumns} visibility={visibility} onChange={(id, visible) => setChosen((previous) => ({ ...previous, [id]: visible }))} />
          </Group>
        </Box>
      </Card>
      {canCreate && <CampaignFormModal opened={creating} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
