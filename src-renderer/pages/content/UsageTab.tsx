import { Alert, Anchor, Button, Card, Group, Progress, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconClockPause, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { SegmentBadge } from '../../components/rfm/SegmentBadge';
import { href } from '../../router';
import { useCan } from '../../session/usePermission';
import { isContentChannel, isSegment } from './contentOptions';
import { ChannelBadge } from './ChannelBadge';
import { formatCost, formatMonth, wholeNumber } from './usageFormat';

const th = { fontSize: 'var(--mantine-font-size-xs)', textTransform: 'uppercase', letterSpacing: '0.04em', color: 'var(--mantine-color-dimmed)', whiteSpace: 'nowrap' } as const;

/** This month's spend against the quota, the history per month and per segment/channel, and the offline queue. */
export function UsageTab() {
  const { t, i18n } = useTranslation();
  const canSettings = useCan()('settings.update');
  const usage = useApiQuery('content.usage', {});
  const drain = useApiMutation('content.drainQueue', {
    invalidates: ['content'],
    onSuccess: (result) => notifySuccess(t('usage.drained', { done: result.done, failed: result.failed, waiting: result.waiting })),
  });
  if (!usage.data) return <Skeleton height={360} radius="md" />;
  const { quota, byMonth, bySegmentChannel, queued, month } = usage.data;
  const amount = (n: number) => (quota.kind === 'tokens' ? t('usage.tokens', { n: wholeNumber.format(n) }) : formatCost(n));
  const share = quota.limit ? Math.min(100, (100 * quota.used) / quota.limit) : 0;

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card data-testid="usage-quota">
          <Text fw={700}>{t('usage.thisMonth', { month: formatMonth(month, i18n.language) })}</Text>
          <Text size="xl" fw={700} mt="xs" className="sma-num" data-testid="usage-used">
            {quota.limit === null ? amount(quota.used) : t('usage.usedOf', { used: amount(quota.used), limit: amount(quota.limit) })}
          </Text>
          {quota.limit !== null ? (
            <Progress value={share} color={share >= 100 ? 'red' : share >= 80 ? 'orange' : 'teal'} size="lg" radius="sm" mt="sm" aria-label={t('usage.quota')} data-testid="usage-progress" />
          ) : (
            <Text size="sm" c="dimmed" mt="xs">
              {t('usage.noLimit')}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt="sm">
            {t(quota.kind === 'tokens' ? 'usage.quotaTokens' : 'usage.quotaRupiah')}{' '}
            {canSettings && <Anchor href={href('settings', 'ai')} size="xs">{t('usage.changeQuota')}</Anchor>}
          </Text>
        </Card>
        <Card data-testid="usage-queue">
          <Group gap="xs">
            <IconClockPause size={20} stroke={1.6} />
            <Text fw={700}>{t('usage.queueTitle')}</Text>
          </Group>
          <Text size="xl" fw={700} mt="xs" className="sma-num" data-testid="usage-queued">
            {t('usage.queued', { n: wholeNumber.format(queued) })}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {t('usage.queueHint')}
          </Text>
          <Group mt="sm">
            <Button variant="light" leftSection={<IconRefresh size={16} />} disabled={queued === 0} loading={drain.isPending} onClick={() => drain.mutate({})} data-testid="usage-drain">
              {t('usage.tryNow')}
            </Button>
          </Group>
        </Card>
      </SimpleGrid>

      <Card p={0}>
        <Text fw={700} px="md" pt="md" pb="xs">
          {t('usage.byMonth')}
        </Text>
        <Table verticalSpacing="xs" horizontalSpacing="md" data-testid="usage-months">
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={th}>{t('usage.col.month')}</Table.Th>
              <Table.Th style={th} ta="right">{t('usage.col.calls')}</Table.Th>
              <Table.Th style={th} ta="right">{t('usage.col.failed')}</Table.Th>
              <Table.Th style={th} ta="right">{t('usage.col.tokens')}</Table.Th>
              <Table.Th style={th} ta="right">{t('usage.col.cost')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {byMonth.map((row) => (
              <Table.Tr key={row.month} data-testid="usage-month-row">
                <Table.Td>{formatMonth(row.month, i18n.language)}</Table.Td>
                <Table.Td ta="right" className="sma-num">{wholeNumber.format(row.calls)}</Table.Td>
                <Table.Td ta="right" className="sma-num" c={row.failed ? 'red' : undefined}>{wholeNumber.format(row.failed)}</Table.Td>
                <Table.Td ta="right" className="sma-num">{wholeNumber.format(row.tokens)}</Table.Td>
                <Table.Td ta="right" className="sma-num">{formatCost(row.cost)}</Table.Td>
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

      <Card p={0}>
        <Text fw={700} px="md" pt="md" pb="xs">
          {t('usage.bySegmentChannel')}
        </Text>
        <Table verticalSpacing="xs" horizontalSpacing="md" data-testid="usage-segments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={th}>{t('usage.col.segment')}</Table.Th>
              <Table.Th style={th}>{t('usage.col.channel')}</Table.Th>
              <Table.Th style={th} ta="right">{t('usage.col.calls')}</Table.Th>
              <Table.Th style={th} ta="right">{t('usage.col.tokens')}</Table.Th>
              <Table.Th style={th} ta="right">{t('usage.col.cost')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bySegmentChannel.map(({ segment, channel, ...row }) => (
              <Table.Tr key={`${segment}:${channel}`} data-testid="usage-segment-row">
                <Table.Td>{isSegment(segment) ? <SegmentBadge segment={segment} /> : (segment ?? '—')}</Table.Td>
                <Table.Td>{isContentChannel(channel) ? <ChannelBadge channel={channel} /> : (channel ?? '—')}</Table.Td>
                <Table.Td ta="right" className="sma-num">{wholeNumber.format(row.calls)}</Table.Td>
                <Table.Td ta="right" className="sma-num">{wholeNumber.format(row.tokens)}</Table.Td>
                <Table.Td ta="right" className="sma-num">{formatCost(row.cost)}</Table.Td>
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
    </Stack>
  );
}
