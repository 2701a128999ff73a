import { Alert, Anchor, Badge, Box, Button, Card, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAddressBook, IconArrowLeft, IconMessageQuestion, IconUserShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../src-shared/format/date';
import { formatPhone } from '../../../src-shared/format/phone';
import type { AssistantTranscript } from '../../../src-shared/schemas/assistant';
import { useApiQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { href } from '../../router';
import { useSession } from '../../session/context';
import { PhaseBadge } from './PhaseBadge';
import { Unavailable } from './Unavailable';

/** One chat as the customer and the assistant wrote it, with its phase moves and handovers. */
export function TranscriptPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const chat = useApiQuery('assistant.conversation', { id }, { meta: { silent: true } });
  const back = (
    <Anchor href={href('assistant')} size="sm" c="dimmed">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('assistant.chat.back')}
      </Group>
    </Anchor>
  );
  if (chat.isError) {
    return (
      <Stack>
        {back}
        {chat.error.code === 'NOT_FOUND' ? (
          <Card>
            <EmptyList icon={IconMessageQuestion} title={t('assistant.chat.notFound')} description={chat.error.message} testId="assistant-chat-missing" />
          </Card>
        ) : (
          <Unavailable error={chat.error} onRetry={() => void chat.refetch()} />
        )}
      </Stack>
    );
  }
  const data = chat.data;
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        {back}
        {data ? <Header data={data} /> : <Skeleton height={40} width={320} />}
      </Stack>
      {data ? <Messages data={data} /> : <Skeleton height={360} radius="md" />}
    </Stack>
  );
}

function Header({ data }: { data: AssistantTranscript }) {
  const { t } = useTranslation();
  const { status } = useSession();
  const c = data.conversation;
  const open = data.handovers.filter((h) => h.returnedAt === null).at(-1);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Group gap="sm">
          <Title order={1} size="h2" className="sma-num" data-testid="assistant-chat-phone">
            {formatPhone(c.phone)}
          </Title>
          <PhaseBadge phase={c.phase} />
          {c.campaignCode && (
            <Badge variant="outline" color="gray" size="lg" ff="monospace" tt="none">
              {c.campaignCode}
            </Badge>
          )}
        </Group>
        {data.leadId && (
          <Button component="a" href={href('leads', data.leadId)} variant="light" leftSection={<IconAddressBook size={16} />} data-testid="assistant-chat-lead">
            {t('assistant.list.openLead')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('assistant.chat.started', { at: formatDateTime(c.createdAt, status.business?.timezone) })}
      </Text>
      {c.handedOver && (
        <Alert
          color="orange"
          icon={<IconUserShare size={18} />}
          title={t('assistant.chat.handedOver', {
            reason: t(`assistant.reason.${c.handoverReason ?? 'person_request'}`, { defaultValue: c.handoverReason ?? '' }),
          })}
          data-testid="assistant-chat-handover"
        >
          {open?.summary || c.summary}
        </Alert>
      )}
      {!c.handedOver && c.summary && (
        <Text size="sm">
          <b>{t('assistant.chat.summary')}:</b> {c.summary}
        </Text>
      )}
    </Stack>
  );
}

function Messages({ data }: { data: AssistantTranscript }) {
  const { t } = useTranslation();
  const { status } = useSession();
  const zone = status.business?.timezone;
  if (data.messages.length === 0) return <Text c="dimmed">{t('assistant.chat.empty')}</Text>;
  return (
    <Card data-testid="assistant-transcript">
      <Stack gap="sm">
        {data.messages.map((m) => {
          const mine = m.direction === 'out';
          const moved = m.phaseBefore && m.phaseAfter && m.phaseBefore !== m.phaseAfter ? { from: m.phaseBefore, to: m.phaseAfter } : null;
          return (
            <Stack key={m.id} gap={4} align={mine ? 'flex-end' : 'flex-start'} data-testid="assistant-message" data-direction={m.direction}>
              <Paper
                px="md"
                py="xs"
                radius="lg"
                maw="75%"
                bg={mine ? 'var(--mantine-color-teal-light)' : 'var(--mantine-color-default-hover)'}
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              >
                <Text size="sm">{m.body}</Text>
                {m.media && (
                  <Anchor href={m.media.url} target="_blank" rel="noreferrer" size="xs">
                    {t('assistant.chat.media', { type: m.media.type })}
                  </Anchor>
                )}
              </Paper>
              <Box px="xs">
                <Text size="xs" c="dimmed">
                  {mine ? t('assistant.chat.bot') : t('assistant.chat.customer')} · {formatDateTime(m.at, zone)}
                  {moved ? ` · ${t('assistant.chat.phaseMoved', { from: t(`assistant.phase.${moved.from}`), to: t(`assistant.phase.${moved.to}`) })}` : ''}
                </Text>
              </Box>
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
