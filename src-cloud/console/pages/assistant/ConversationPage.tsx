import { Alert, Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconArrowLeft, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrailMessage } from '../../../../src-shared/cloud/assistant-schemas';
import { PageHeader } from '../../../../src-renderer/components/PageHeader';
import { ConfirmModal } from '../../../../src-ui/components/ConfirmModal';
import { ErrorState } from '../../components/ErrorState';
import { TitledCard } from '../../components/TitledCard';
import { formatCount, when } from '../../format';
import { linkClick } from '../../router';
import { useSession } from '../../session';
import { PhaseBadge, ReasonBadge } from './labels';
import { useConversation } from './queries';
import { useHandBack } from './useHandBack';

/** One conversation's audit trail (seed 003): every message with what the assistant decided, and its handovers. */
export function ConversationPage({ businessId, conversationId }: { businessId: string; conversationId: string }) {
  const { t } = useTranslation();
  const { canWrite } = useSession();
  const trail = useConversation(businessId, conversationId);
  const [asking, setAsking] = useState(false);
  const handBack = useHandBack(businessId, () => setAsking(false));
  const backPath = `/businesses/${businessId}?tab=assistant`;
  const back = (
    <Anchor href={backPath} onClick={linkClick(backPath)} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('assistant.trail.back')}
      </Group>
    </Anchor>
  );
  if (trail.isError) {
    return (
      <>
        <PageHeader title={t('assistant.title')} above={back} />
        <ErrorState error={trail.error} onRetry={() => void trail.refetch()} />
      </>
    );
  }
  const data = trail.data;
  const c = data?.conversation;
  return (
    <>
      <PageHeader
        above={back}
        title={
          c ? (
            <Group gap="sm">
              <span data-testid="trail-title">{t('assistant.trail.title', { phone: c.phone })}</span>
              <PhaseBadge phase={c.phase} />
              {c.handedOver && c.handoverReason && <ReasonBadge reason={c.handoverReason} />}
            </Group>
          ) : (
            <Skeleton height={32} width={280} />
          )
        }
        subtitle={c?.campaignCode ? `${t('assistant.trail.code')}: ${c.campaignCode}` : undefined}
        actions={
          c?.handedOver &&
          canWrite && (
            <Button leftSection={<IconArrowBackUp size={16} />} onClick={() => setAsking(true)} data-testid="trail-hand-back">
              {t('assistant.queue.handBack')}
            </Button>
          )
        }
      />
      {!data ? (
        <Skeleton height={320} />
      ) : (
        <Stack gap="lg">
          {data.conversation.summary && (
            <Alert variant="light" color="navy" title={t('assistant.trail.summary')}>
              {data.conversation.summary}
            </Alert>
          )}
          <TitledCard title={t('assistant.trail.handovers')} empty={data.handovers.length === 0 && t('assistant.trail.noHandovers')}>
            <Stack gap="xs">
              {data.handovers.map((h) => (
                <Group key={h.id} gap="sm" data-testid="trail-handover">
                  <ReasonBadge reason={h.reason} />
                  <Text size="sm">{t('assistant.trail.handedAt', { time: when(h.createdAt, '') })}</Text>
                  {h.returnedAt && (
                    <Text size="sm" c="dimmed" data-testid="trail-returned">
                      {t('assistant.trail.returned', { time: when(h.returnedAt, ''), by: h.returnedBy ?? t('common.none') })}
                    </Text>
                  )}
                </Group>
              ))}
            </Stack>
          </TitledCard>
          <TitledCard title={t('assistant.trail.messages')}>
            <Stack gap="sm" data-testid="trail">
              {data.messages.map((m) => (
                <TrailEntry key={m.id} message={m} />
              ))}
            </Stack>
          </TitledCard>
        </Stack>
      )}
      {c && (
        <ConfirmModal
          opened={asking}
          title={t('assistant.queue.handBackTitle', { phone: c.phone })}
          message={t('assistant.queue.handBackMessage')}
          confirmLabel={t('assistant.queue.handBack')}
          loading={handBack.isPending}
          onConfirm={() => handBack.mutate(conversationId)}
          onClose={() => setAsking(false)}
          testId="confirm-hand-back"
        />
      )}
    </>
  );
}

function TrailEntry({ message: m }: { message: TrailMessage }) {
  const { t } = useTranslation();
  const out = m.direction === 'out';
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      maw="80%"
      ml={out ? 'auto' : 0}
      bg={out ? 'navy.0' : undefined}
      data-testid="trail-message"
      data-direction={m.direction}
    >
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="xs" fw={700}>
          {out ? t('assistant.trail.out') : t('assistant.trail.in')}
        </Text>
        <Text size="xs" c="dimmed" className="sma-num">
          {when(m.at, '')}
        </Text>
      </Group>
      {m.body && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {m.body}
        </Text>
      )}
      {m.media && (
        <Group gap={4} mt={4}>
          <IconPaperclip size={14} />
          <Text size="xs" data-testid="trail-media">
            {t('assistant.trail.media')}: {m.media.type} ·{' '}
            <Anchor href={m.media.url} target="_blank" rel="noreferrer" size="xs">
              {m.media.url}
            </Anchor>
          </Text>
        </Group>
      )}
      <Group gap={6} mt={6}>
        {m.campaignCode && !out && (
          <Badge variant="outline" size="sm">
            {t('assistant.trail.code')}: {m.campaignCode}
          </Badge>
        )}
        {m.ignoredCodes.length > 0 && (
          <Badge variant="outline" color="gray" size="sm">
            {t('assistant.trail.ignored')}: {m.ignoredCodes.join(', ')}
          </Badge>
        )}
        {m.phaseBefore && m.phaseAfter && (
          <Badge variant="light" color={m.phaseBefore === m.phaseAfter ? 'gray' : 'teal'} size="sm" data-testid="trail-phase">
            {t('assistant.trail.phase', { from: t(`assistant.phase.${m.phaseBefore}`), to: t(`assistant.phase.${m.phaseAfter}`) })}
          </Badge>
        )}
        {m.confidence !== null && (
          <Badge variant="light" color="gray" size="sm">
            {t('assistant.trail.confidence', { value: m.confidence.toLocaleString('id-ID', { maximumFractionDigits: 2 }) })}
          </Badge>
        )}
        {m.promptVersion !== null && (
          <Badge variant="light" color="gray" size="sm">
            {t('assistant.trail.prompt', { version: m.promptVersion })}
          </Badge>
        )}
        {m.tokens !== null && m.tokens > 0 && (
          <Badge variant="light" color="gray" size="sm">
            {t('assistant.trail.tokens', { tokens: formatCount(m.tokens) })}
          </Badge>
        )}
      </Group>
      {m.escalationTrigger && (
        <Text size="xs" c="red.9" mt={4} data-testid="trail-trigger">
          {t('assistant.trail.trigger')}: {m.escalationTrigger}
        </Text>
      )}
    </Paper>
  );
}
