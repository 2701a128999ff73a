import { Alert, Anchor, Badge, Button, Card, Group, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconMessageCircleOff, IconPower } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../src-shared/format/date';
import { formatPhone } from '../../../src-shared/format/phone';
import type { AssistantConversation } from '../../../src-shared/schemas/assistant';
import { useApiListQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { href } from '../../router';
import { useSession } from '../../session/context';
import { PhaseBadge } from './PhaseBadge';
import { Unavailable } from './Unavailable';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';

const PAGE = 50;

/** The shop's chats, newest first, 50 a page: phase, campaign code, last message, handed over or not. */
export function ConversationsTab() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  // A failure (offline, not linked, …) is the page's own message with a retry, not a red toast.
  const list = useApiListQuery('assistant.conversations', { offset }, { meta: { silent: true } });
  if (list.isError && !list.isPlaceholderData) return <Unavailable error={list.error} onRetry={() => void list.refetch()} />;
  const data = list.data;
  if (!data) return <Skeleton height={320} radius="md" />;
  const rows = data.conversations;
  return (
    <Stack gap="md">
      {!data.enabled && (
        <Alert color="orange" icon={<IconPower size={18} />} data-testid="assistant-off">
          {t('assistant.off')}
        </Alert>
      )}
      <Card padding={0} data-testid="assistant-conversations">
        {rows.length === 0 ? (
          <EmptyList icon={IconMessageCircleOff} title={t('assistant.list.emptyTitle')} description={t('assistant.list.empty')} testId="assistant-empty" />
        ) : (
          <ScrollTable
            minWidth={760}
            verticalSpacing="sm"
            horizontalSpacing="md"
            highlightOnHover
            head={
              <>
                <Table.Th>{t('assistant.list.customer')}</Table.Th>
                <Table.Th>{t('assistant.list.phase')}</Table.Th>
                <Table.Th>{t('assistant.list.campaign')}</Table.Th>
                <Table.Th>{t('assistant.list.last')}</Table.Th>
                <Table.Th>{t('assistant.list.state')}</Table.Th>
              </>
            }
          >
            {rows.map((c) => (
              <ConversationRow key={c.id} c={c} />
            ))}
          </ScrollTable>
        )}
      </Card>
      {(offset > 0 || data.nextOffset !== null) && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('assistant.list.range', { from: offset + 1, to: offset + rows.length })}
          </Text>
          <Group gap="xs">
            <Button variant="default" size="xs" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))} data-testid="assistant-newer">
              {t('assistant.list.newer')}
            </Button>
            <Button
              variant="default"
              size="xs"
              disabled={data.nextOffset === null}
              onClick={() => data.nextOffset !== null && setOffset(data.nextOffset)}
              data-testid="assistant-older"
            >
              {t('assistant.list.older')}
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}

function ConversationRow({ c }: { c: AssistantConversation }) {
  const { t } = useTranslation();
  const { status } = useSession();
  const zone = status.business?.timezone;
  const reason = c.handoverReason ? t(`assistant.reason.${c.handoverReason}`, { defaultValue: c.handoverReason }) : '';
  return (
    <Table.Tr data-testid="assistant-row" data-conversation={c.id}>
      <Table.Td>
        <Anchor href={href('assistant', 'chat', c.id)} fw={600} className="sma-num" data-testid="assistant-open">
          {formatPhone(c.phone)}
        </Anchor>
        <Text size="xs" c="dimmed">
          {t('assistant.list.messages', { n: c.messages })}
        </Text>
      </Table.Td>
      <Table.Td>
        <PhaseBadge phase={c.phase} />
      </Table.Td>
      <Table.Td>
        {c.campaignCode ? (
          <Text size="sm" ff="monospace" data-testid="assistant-code">
            {c.campaignCode}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('assistant.list.noCode')}
          </Text>
        )}
      </Table.Td>
      <Table.Td maw={360}>
        <Text size="sm" lineClamp={1} data-testid="assistant-last">
          {c.lastMessage === null ? '—' : t(c.lastDirection === 'in' ? 'assistant.list.fromCustomer' : 'assistant.list.fromBot', { text: c.lastMessage })}
        </Text>
        <Text size="xs" c="dimmed" className="sma-num">
          {formatDateTime(c.lastMessageAt ?? c.createdAt, zone)}
        </Text>
      </Table.Td>
      <Table.Td>
        {c.handedOver ? (
          <Stack gap={4} align="flex-start">
            <Tooltip label={t('assistant.list.handedOverHint', { reason })} disabled={!reason}>
              <Badge color="orange" variant="light" tt="none" data-testid="assistant-handed-over">
                {t('assistant.list.handedOver')}
              </Badge>
            </Tooltip>
            {c.leadId ? (
              <Anchor href={href('leads', c.leadId)} size="sm" data-testid="assistant-lead">
                {t('assistant.list.openLead')}
              </Anchor>
            ) : (
              <Text size="xs" c="dimmed">
                {t('assistant.list.noLead')}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('assistant.list.botAnswering')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
