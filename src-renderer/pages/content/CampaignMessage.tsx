import { Card, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignRow } from '../../../src-shared/schemas/content';
import { useApiQuery } from '../../api/hooks';

/**
 * The message a campaign sends, read from the content library (gone if it was deleted since).
 * Apart from the page (CampaignDetail.tsx) because it reads the library, not the campaign.
 */
export function CampaignMessage({ row }: { row: CampaignRow }) {
  const { t } = useTranslation();
  const contents = useApiQuery('content.list', { segment: row.segment, channel: row.channel, pageSize: 200 }, { enabled: Boolean(row.contentId) });
  const content = contents.data?.rows.find((c) => c.id === row.contentId);
  return (
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
  );
}
