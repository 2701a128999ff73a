import { Alert, Card, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../src-shared/contract';
import { FigureCell } from '../../../src-ui/components/FigureCell';
import { HeadRow } from '../../../src-ui/components/HeadRow';
import { SegmentBadge } from '../../components/rfm/SegmentBadge';
import { isContentChannel, isSegment } from './contentOptions';
import { ChannelBadge } from './ChannelBadge';
import { formatCost, formatMonth, wholeNumber } from './usageFormat';

// The usage tab's two history tables (UsageTab.tsx): AI calls, tokens and cost per month, and per
// segment and channel. Apart from the tab because each is a table of its own with its own columns.

type ContentUsage = ChannelOutput<'content.usage'>;
type UsageColumn = 'month' | 'segment' | 'channel' | 'calls' | 'failed' | 'tokens' | 'cost';
const MONTH_COLUMNS: UsageColumn[] = ['month', 'calls', 'failed', 'tokens', 'cost'];
const SEGMENT_COLUMNS: UsageColumn[] = ['segment', 'channel', 'calls', 'tokens', 'cost'];

export function UsageByMonth({ byMonth }: { byMonth: ContentUsage['byMonth'] }) {
  const { t, i18n } = useTranslation();
  return (
    <UsageCard title={t('usage.byMonth')} columns={MONTH_COLUMNS} figuresFrom={1} empty={byMonth.length === 0} testId="usage-months">
      {byMonth.map((row) => (
        <Table.Tr key={row.month} data-testid="usage-month-row">
          <Table.Td>{formatMonth(row.month, i18n.language)}</Table.Td>
          <FigureCell>{wholeNumber.format(row.calls)}</FigureCell>
          <FigureCell color={row.failed ? 'red' : undefined}>{wholeNumber.format(row.failed)}</FigureCell>
          <FigureCell>{wholeNumber.format(row.tokens)}</FigureCell>
          <FigureCell>{formatCost(row.cost)}</FigureCell>
        </Table.Tr>
      ))}
    </UsageCard>
  );
}

export function UsageBySegment({ bySegmentChannel }: { bySegmentChannel: ContentUsage['bySegmentChannel'] }) {
  const { t } = useTranslation();
  return (
    <UsageCard title={t('usage.bySegmentChannel')} columns={SEGMENT_COLUMNS} figuresFrom={2} empty={bySegmentChannel.length === 0} testId="usage-segments">
      {bySegmentChannel.map(({ segment, channel, ...row }) => (
        <Table.Tr key={`${segment}:${channel}`} data-testid="usage-segment-row">
          <Table.Td>{isSegment(segment) ? <SegmentBadge segment={segment} /> : (segment ?? '—')}</Table.Td>
          <Table.Td>{isContentChannel(channel) ? <ChannelBadge channel={channel} /> : (channel ?? '—')}</Table.Td>
          <FigureCell>{wholeNumber.format(row.calls)}</FigureCell>
          <FigureCell>{wholeNumber.format(row.tokens)}</FigureCell>
          <FigureCell>{formatCost(row.cost)}</FigureCell>
        </Table.Tr>
      ))}
    </UsageCard>
  );
}

/** Either table's card: its title, the header (`usage.col.*` keys, figures from `figuresFrom` on), the rows, and a note when there are none. */
function UsageCard(props: { title: string; columns: UsageColumn[]; figuresFrom: number; empty: boolean; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card p={0}>
      <Text fw={700} px="md" pt="md" pb="xs">
        {props.title}
      </Text>
      <Table verticalSpacing="xs" horizontalSpacing="md" data-testid={props.testId}>
        <HeadRow caps columns={props.columns.map((column) => t(`usage.col.${column}`))} figuresFrom={props.figuresFrom} />
        <Table.Tbody>{props.children}</Table.Tbody>
      </Table>
      {props.empty && (
        <Alert variant="light" color="gray" m="md">
          {t('usage.none')}
        </Alert>
      )}
    </Card>
  );
}
