import { Anchor, Badge, Button, Card, Group, Progress, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCash, IconMessageCheck, IconPercentage, IconReceipt, IconSend, IconTargetOff, IconUserCheck, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../src-shared/format/date';
import { useApiQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { SegmentBadge } from '../../components/rfm/SegmentBadge';
import { StatCard } from '../../../src-ui/components/StatCard';
import { href } from '../../router';
import { ChannelBadge } from './ChannelBadge';
import { openSend } from './sendDraft';

const whole = new Intl.NumberFormat('id-ID');
const pct = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** `#/content/campaigns/<id>`: the campaign's report, its message, and a way to send to its recipients. */
export function CampaignDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const campaign = useApiQuery('campaigns.get', { id }, { meta: { silent: true } });
  const row = campaign.data;
  const contents = useApiQuery('content.list', { segment: row?.segment, channel: row?.channel, pageSize: 200 }, { enabled: Boolean(row?.contentId) });
  const content = contents.data?.rows.find((c) => c.id === row?.contentId);
  const back = (
    <Anchor href={href('content', 'campaigns')} size="sm" c="dimmed">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('campaigns.back')}
      </Group>
    </Anchor>
  );

  if (campaign.isError) {
    return (
      <Stack>
        {back}
        <Card>
          <EmptyList icon={IconTargetOff} title={t('campaigns.notFound')} description={campaign.error.message} />
        </Card>
      </Stack>
    );
  }
  const share = (n: number) => (row && row.recipients ? (100 * n) / row.recipients : 0);

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        {back}
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
          {row ? (
            <Stack gap={6}>
              <Group gap="sm">
                <Title order={1} size="h2" data-testid="campaign-title">
                  {row.name}
                </Title>
                <Badge variant="outline" color="gray" size="lg" ff="monospace" tt="none" data-testid="campaign-code-badge">
                  {row.code}
                </Badge>
              </Group>
              <Group gap="xs">
                <SegmentBadge segment={row.segment} />
                <ChannelBadge channel={row.channel} />
                <Text size="sm" c="dimmed">
                  {t('campaigns.periodCreated', { from: formatDate(row.startDate), to: formatDate(row.endDate), at: formatDateTime(row.createdAt) })}
                </Text>
              </Group>
            </Stack>
          ) : (
            <Skeleton height={56} width={360} />
          )}
          {row && (
            <Button
              leftSection={<IconSend size={16} />}
              onClick={() => openSend({ contentId: row.contentId ?? undefined, segment: row.segment, channel: row.channel, campaignId: row.id })}
              data-testid="campaign-send"
            >
              {t('campaigns.send')}
            </Button>
          )}
        </Group>
      </Stack>

      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md" data-testid="campaign-report">
        <StatCard label={t('campaigns.stat.recipients')} value={row && whole.format(row.recipients)} icon={IconUsers} testId="campaign-recipients" />
        <StatCard label={t('campaigns.stat.contacted')} value={row && whole.format(row.contacted)} icon={IconMessageCheck} color="blue" testId="campaign-contacted" />
        <StatCard label={t('campaigns.stat.converted')} value={row && whole.format(row.converted)} icon={IconUserCheck} color="teal" testId="campaign-converted" />
        <StatCard label={t('campaigns.stat.conversions')} value={row && whole.format(row.conversions)} icon={IconReceipt} color="grape" testId="campaign-conversions" />
        <StatCard label={t('campaigns.stat.revenue')} amount={row?.revenue} icon={IconCash} color="green" testId="campaign-revenue" />
        <StatCard label={t('campaigns.stat.conversionPct')} value={row && `${pct.format(row.conversionPct)}%`} icon={IconPercentage} color="orange" testId="campaign-conversion-pct" />
      </SimpleGrid>

      {row && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Card>
            <Text fw={700} mb="sm">
              {t('campaigns.funnelTitle')}
            </Text>
            <Stack gap="sm">
              {(
                [
                  ['recipients', row.recipients, 'navy'],
                  ['contacted', row.contacted, 'blue'],
                  ['converted', row.converted, 'teal'],
                ] as const
              ).map(([key, n, color]) => (
                <Stack key={key} gap={4}>
                  <Group justify="space-between">
                    <Text size="sm">{t(`campaigns.stat.${key}`)}</Text>
                    <Text size="sm" fw={600} className="sma-num">
                      {whole.format(n)} · {pct.format(share(n))}%
                    </Text>
                  </Group>
                  <Progress value={share(n)} color={color} size="lg" radius="sm" aria-label={t(`campaigns.stat.${key}`)} />
                </Stack>
              ))}
              <Text size="xs" c="dimmed">
                {t('campaigns.howCounted', { code: row.code, from: formatDate(row.startDate) })}
              </Text>
            </Stack>
          </Card>
          <Card>
            <Text fw={700} mb="sm">
              {t('campaigns.messageTitle')}
            </Text>
            {content ? (
              <Stack gap={4} data-testid="campaign-message">
                {content.subject && <Text fw={600}>{content.subject}</Text>}
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {content.body}
                </Text>
              </Stack>
            ) : row.contentId && contents.isPending ? (
              <Skeleton height={60} />
            ) : (
              <Text size="sm" c="dimmed">
                {t(row.contentId ? 'campaigns.messageGone' : 'campaigns.noMessage')}
              </Text>
            )}
          </Card>
        </SimpleGrid>
      )}
    </Stack>
  );
}
