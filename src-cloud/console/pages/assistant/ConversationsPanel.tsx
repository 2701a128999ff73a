import { Badge, Card, Group, Select, Skeleton, Switch, Table, Text } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyList } from '../../../../src-renderer/components/EmptyList';
import { ErrorState } from '../../components/ErrorState';
import { ago, when } from '../../format';
import { linkClick } from '../../router';
import { NO_TRUNCATE, PhaseBadge } from './labels';
import { useConversations } from './queries';
import { ScrollTable } from '../../../../src-ui/components/ScrollTable';

export const conversationHref = (businessId: string, conversationId: string) => `/businesses/${businessId}/conversations/${conversationId}`;

/** The shop's conversations, newest message first, refreshed every 15 s; a row opens its audit trail. */
export function ConversationsPanel({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<string | null>(null);
  const [handedOver, setHandedOver] = useState(false);
  const list = useConversations(businessId, { phase, handedOver });
  const rows = list.data?.conversations ?? [];
  const filtered = phase !== null || handedOver;

  return (
    <Card>
      <Group mb="md" gap="md">
        <Select
          aria-label={t('assistant.list.phase')}
          placeholder={t('assistant.list.allPhases')}
          data={(['LEADS', 'INTEREST', 'BOOKING'] as const).map((p) => ({ value: p, label: t(`assistant.phase.${p}`) }))}
          value={phase}
          onChange={setPhase}
          clearable
          w={200}
          data-testid="conversation-phase-filter"
        />
        <Switch
          label={t('assistant.list.onlyHandedOver')}
          checked={handedOver}
          onChange={(e) => setHandedOver(e.currentTarget.checked)}
          data-testid="conversation-handover-filter"
        />
      </Group>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Skeleton height={200} />
      ) : rows.length === 0 ? (
        <EmptyList
          icon={IconMessages}
          title={t('assistant.views.conversations')}
          description={filtered ? t('assistant.list.noMatch') : t('assistant.list.empty')}
        />
      ) : (
        <ScrollTable
          minWidth={860}
          verticalSpacing={6}
          highlightOnHover
          data-testid="conversation-table"
          columns={[
            t('assistant.list.phone'),
            t('assistant.list.phase'),
            t('assistant.list.last'),
            t('assistant.list.at'),
            t('assistant.list.code'),
            t('assistant.list.handedOver'),
          ]}
        >
          {rows.map((c) => (
            <Table.Tr key={c.id} data-testid="conversation-row" data-phone={c.phone}>
              <Table.Td className="sma-num">
                <a href={conversationHref(businessId, c.id)} onClick={linkClick(conversationHref(businessId, c.id))}>
                  {c.phone}
                </a>
              </Table.Td>
              <Table.Td>
                <PhaseBadge phase={c.phase} />
              </Table.Td>
              <Table.Td maw={380}>
                <Text size="sm" lineClamp={1} title={c.lastMessage ?? undefined}>
                  {c.lastDirection === 'out' && (
                    <Text span c="dimmed">
                      {t('assistant.list.fromBot')}
                    </Text>
                  )}
                  {c.lastMessage ?? t('common.none')}
                </Text>
              </Table.Td>
              <Table.Td className="sma-num" title={when(c.lastMessageAt, '')}>
                {ago(c.lastMessageAt, t('common.none'))}
              </Table.Td>
              <Table.Td>
                {c.campaignCode ? (
                  <Text size="sm" ff="monospace">
                    {c.campaignCode}
                  </Text>
                ) : (
                  t('common.none')
                )}
              </Table.Td>
              <Table.Td>
                {c.handedOver ? (
                  <Badge color="orange" variant="light" data-testid="handed-over" style={NO_TRUNCATE}>
                    {t('assistant.list.yes')}
                  </Badge>
                ) : (
                  t('common.none')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </ScrollTable>
      )}
    </Card>
  );
}
