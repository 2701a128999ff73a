import { Anchor, Card, Progress, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { href } from '../../router';
import { useCan } from '../../session/usePermission';
import { formatCost, formatMonth, wholeNumber } from './usageFormat';
import { UsageQueueCard } from './UsageQueueCard';
import { UsageByMonth, UsageBySegment } from './UsageTables';

/** This month's spend against the quota, the history per month and per segment/channel, and the offline queue. */
export function UsageTab() {
  const { t, i18n } = useTranslation();
  const canSettings = useCan()('settings.update');
  const usage = useApiQuery('content.usage', {});
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
            <Progress
              value={share}
              color={share >= 100 ? 'red' : share >= 80 ? 'orange' : 'teal'}
              size="lg"
              radius="sm"
              mt="sm"
              aria-label={t('usage.quota')}
              data-testid="usage-progress"
            />
          ) : (
            <Text size="sm" c="dimmed" mt="xs">
              {t('usage.noLimit')}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt="sm">
            {t(quota.kind === 'tokens' ? 'usage.quotaTokens' : 'usage.quotaRupiah')}{' '}
            {canSettings && (
              <Anchor href={href('settings', 'ai')} size="xs">
                {t('usage.changeQuota')}
              </Anchor>
            )}
          </Text>
        </Card>
        <UsageQueueCard queued={queued} />
      </SimpleGrid>

      <UsageByMonth byMonth={byMonth} />

      <UsageBySegment bySegmentChannel={bySegmentChannel} />
    </Stack>
  );
}
