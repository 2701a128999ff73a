import { Alert, Card, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../src-shared/contract';
import { SegmentBadge } from '../../components/rfm/SegmentBadge';
import { isContentChannel, isSegment } from './contentOptions';
import { ChannelBadge } from './ChannelBadge';
import { formatCost, formatMonth, wholeNumber } from './usageFormat';

// The usage tab's two history tables (UsageTab.tsx): AI calls, tokens and cost per month, and per
// segment and channel. Apart from the tab because each is a table of its own with its own columns.

type ContentUsage = ChannelOutput<'content.usage'>;

const th = {
  fontSize: 'var(--mantine-font-size-xs)',
  textTransform: 'uppercase',
  letterSpacing: '0.04em',
  color: 'var(--mantine-color-dimmed)',
  whiteSpace: 'nowrap',
} as const;

export function UsageByMonth({ byMonth }: { byMonth: ContentUsage['byMonth'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Card p={0}>
      <Text fw={700} px="md" pt="md" pb="xs">
        {t('usage.byMonth')}
      </Text>
      <Table verticalSpacing="xs" horizontalSpacing="md" data-testid="usage-months">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={th}>{t('usage.col.month')}</Table.Th>
            <Table.Th style={th} ta="right">
              {t('usage.col.calls')}
            </Table.Th>
            <Table.Th style={th} ta="right">
              {t('usage.col.failed')}
            </Table.Th>
            <Table.Th style={th} ta="right">
              {t('usage.col.tokens')}
            </Table.Th>
            <Table.Th style={th} ta="right">
              {t('usage.col.cost')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {byMonth.map((row) => (
            <Table.Tr key={row.month} data-testid="usage-month-row">
              <Table.Td>{formatMonth(row.month, i18n.language)}</Table.Td>
              <Table.Td ta="right" className="sma-num">
                {wholeNumber.format(row.calls)}
              </Table.Td>
              <Table.Td ta="right" className="sma-num" c={row.failed ? 'red' : undefined}>
                {wholeNumber.format(row.failed)}
              </Table.Td>
              <Table.Td ta="right" className="sma-num">
                {wholeNumber.format(row.tokens)}
              </Table.Td>
              <Table.Td ta="right" className="sma-num">
                {formatCost(row.cost)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {byMonth.length === 0 && (
        <Alert variant="light" color="gray" m="md">
          {t('usage.none')}
        </Alert>
      )}
    </Card>
  );
}

export function UsageBySegment({ bySegmentChannel }: { bySegmentChannel: ContentUsage['bySegmentChannel'] }) {
  const { t } = useTranslation();
  return (
    <Card p={0}>
      <Text fw={700} px="md" pt="md" pb="xs">
        {t('usage.bySegmentChannel')}
      </Text>
      <Table verticalSpacing="xs" horizontalSpacing="md" data-testid="usage-segments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={th}>{t('usage.col.segment')}</Table.Th>
            <Table.Th style={th}>{t('usage.col.channel')}</Table.Th>
            <Table.Th style={th} ta="right">
              {t('usage.col.calls')}
            </Table.Th>
            <Table.Th style={th} ta="right">
              {t('usage.col.tokens')}
            </Table.Th>
            <Table.Th style={th} ta="right">
              {t('usage.col.cost')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bySegmentChannel.map(({ segment, channel, ...row }) => (
            <Table.Tr key={`${segment}:${channel}`} data-testid="usage-segment-row">
              <Table.Td>{isSegment(segment) ? <SegmentBadge segment={segment} /> : (segment ?? '—')}</Table.Td>
              <Table.Td>{isContentChannel(channel) ? <ChannelBadge channel={channel} /> : (channel ?? '—')}</Table.Td>
              <Table.Td ta="right" className="sma-num">
                {wholeNumber.format(row.calls)}
              </Table.Td>
              <Table.Td ta="right" className="sma-num">
                {wholeNumber.format(row.tokens)}
              </Table.Td>
              <Table.Td ta="right" className="sma-num">
                {formatCost(row.cost)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {bySegmentChannel.length === 0 && (
        <Alert variant="light" color="gray" m="md">
          {t('usage.none')}
        </Alert>
      )}
    </Card>
  );
}
