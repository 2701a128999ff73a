import { Badge, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../src-shared/format/date';
import type { CampaignRow } from '../../../src-shared/schemas/content';
import { SegmentBadge } from '../../components/rfm/SegmentBadge';
import { ChannelBadge } from './ChannelBadge';
import { openSend } from './sendDraft';

/**
 * The top of a campaign's report: its name and code, segment, channel and period, and the button
 * that sends its message to its recipients. Apart from the page (CampaignDetail.tsx) because it is
 * what the campaign is, where the rest is how it went.
 */
export function CampaignHeader({ row }: { row: CampaignRow | undefined }) {
  const { t } = useTranslation();
  return (
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
  );
}
