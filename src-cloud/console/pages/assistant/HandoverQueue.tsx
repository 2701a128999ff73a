import { Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverView } from '../../../../src-shared/cloud/assistant-schemas';
import { EmptyList } from '../../../../src-renderer/components/EmptyList';
import { ConfirmModal } from '../../../../src-ui/components/ConfirmModal';
import { ErrorState } from '../../components/ErrorState';
import { ago, when } from '../../format';
import { linkClick } from '../../router';
import { useSession } from '../../session';
import { conversationHref } from './ConversationsPanel';
import { ReasonBadge } from './labels';
import { useHandovers } from './queries';
import { useHandBack } from './useHandBack';

/** Open handovers, the customer who has waited longest first, each with its reason and the AI's summary. */
export function HandoverQueue({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const { canWrite } = useSession();
  const queue = useHandovers(businessId);
  const [asking, setAsking] = useState<HandoverView | null>(null);
  const handBack = useHandBack(businessId, () => setAsking(null));

  if (queue.isError) return <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />;
  if (queue.isPending) return <Skeleton height={200} />;
  const items = queue.data.handovers;
  if (items.length === 0) {
    return (
      <Card>
        <EmptyList icon={IconUserCheck} title={t('assistant.views.handovers')} description={t('assistant.queue.empty')} />
      </Card>
    );
  }
  return (
    <Stack gap="sm" data-testid="handover-queue">
      {items.map((h) => (
        <Card key={h.id} data-testid="handover-item" data-phone={h.phone} data-reason={h.reason}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
              <Group gap="sm">
                <a href={conversationHref(businessId, h.conversationId)} onClick={linkClick(conversationHref(businessId, h.conversationId))}>
                  <Text fw={700} className="sma-num">
                    {h.phone}
                  </Text>
                </a>
                <ReasonBadge reason={h.reason} />
                <Text size="sm" c="dimmed">
                  {t(`assistant.stage.${h.stage}`)}
                  {h.campaignCode && ` · ${h.campaignCode}`}
                </Text>
              </Group>
              <Text size="sm">{h.summary}</Text>
              {h.trigger && (
                <Text size="xs" c="dimmed">
                  {t('assistant.queue.trigger')}: “{h.trigger}”
                </Text>
              )}
              <Text size="xs" c="dimmed" title={when(h.createdAt, '')}>
                {t('assistant.queue.waiting', { time: ago(h.createdAt, '') })}
              </Text>
            </Stack>
            {canWrite && (
              <Button variant="light" leftSection={<IconArrowBackUp size={16} />} onClick={() => setAsking(h)} data-testid="hand-back">
                {t('assistant.queue.handBack')}
              </Button>
            )}
          </Group>
        </Card>
      ))}
      <ConfirmModal
        opened={asking !== null}
        title={t('assistant.queue.handBackTitle', { phone: asking?.phone ?? '' })}
        message={t('assistant.queue.handBackMessage')}
        confirmLabel={t('assistant.queue.handBack')}
        loading={handBack.isPending}
        onConfirm={() => asking && handBack.mutate(asking.conversationId)}
        onClose={() => setAsking(null)}
        testId="confirm-hand-back"
      />
    </Stack>
  );
}
