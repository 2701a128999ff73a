import { Anchor, Box, Button, Card, Checkbox, Group, Progress, Spoiler, Stack, Table, Text } from '@mantine/core';
import { IconBrandWhatsapp, IconChecks, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../src-shared/contract';
import { formatDateTime } from '../../../src-shared/format/date';
import { formatPhone } from '../../../src-shared/format/phone';
import { useApiListQuery, useApiMutation } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { notifySuccess } from '../../components/notify';
import { TablePager } from '../../components/table/TablePager';
import { useServerTable } from '../../components/table/useServerTable';
import { href } from '../../router';
import { BroadcastMenu } from './BroadcastMenu';
import type { ContentChannel } from './contentOptions';

export type PreviewTarget = Omit<ChannelInput<'content.personalise'>, 'page' | 'pageSize'>;

const whole = new Intl.NumberFormat('id-ID');
const th = { fontSize: 'var(--mantine-font-size-xs)', textTransform: 'uppercase', letterSpacing: '0.04em', color: 'var(--mantine-color-dimmed)', whiteSpace: 'nowrap' } as const;

/**
 * Each recipient's message as they will read it, a page at a time. "Kirim WA" opens WhatsApp with
 * the message typed in (the desktop lets only https://wa.me links out) and ticks the row, so the
 * people just messaged can be marked as contacted in one go.
 */
export function PreviewTable({ target, channel }: { target: PreviewTarget; channel: ContentChannel }) {
  const { t } = useTranslation();
  const table = useServerTable('send-preview', { field: 'name', desc: false });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const preview = useApiListQuery('content.personalise', { ...target, page: table.page, pageSize: table.pageSize });
  const rows = preview.data?.rows ?? [];
  const mark = useApiMutation('content.markContacted', {
    invalidates: ['content', 'campaigns', 'customers'],
    onSuccess: ({ recorded }) => {
      notifySuccess(t('content.send.marked', { n: whole.format(recorded) }));
      setSelected(new Set());
    },
  });

  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const pageIds = rows.map((row) => row.customerId);
  const pageChecked = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const pageSome = pageIds.some((id) => selected.has(id));
  const togglePage = () =>
    setSelected((previous) => {
      const next = new Set(previous);
      pageIds.forEach((id) => (pageChecked ? next.delete(id) : next.add(id)));
      return next;
    });

  return (
    <Card p={0} pos="relative" data-testid="send-preview">
      <Progress value={100} animated size={2} radius={0} pos="absolute" top={0} left={0} right={0} style={{ zIndex: 2, visibility: preview.isFetching ? 'visible' : 'hidden' }} />
      <Group justify="space-between" px="md" py="sm" gap="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Stack gap={0}>
          <Text fw={700}>{t('content.send.previewTitle')}</Text>
          <Text size="sm" c="dimmed" data-testid="send-total" data-total={preview.data?.total ?? ''}>
            {t('content.send.previewCount', { n: whole.format(preview.data?.total ?? 0), selected: whole.format(selected.size) })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            leftSection={<IconChecks size={16} />}
            disabled={selected.size === 0}
            loading={mark.isPending}
            onClick={() => mark.mutate({ customerIds: [...selected], channel, contentId: target.contentId, campaignId: target.campaignId, campaignCode: target.campaignCode, subject: target.subject, body: target.body })}
            data-testid="send-mark-contacted"
          >
            {t('content.send.markContacted', { n: whole.format(selected.size) })}
          </Button>
          <BroadcastMenu target={target} />
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm" horizontalSpacing="sm" data-testid="send-preview-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox checked={pageChecked} indeterminate={!pageChecked && pageSome} onChange={togglePage} aria-label={t('content.send.selectPage')} data-testid="send-select-page" />
              </Table.Th>
              <Table.Th style={th}>{t('content.send.col.customer')}</Table.Th>
              <Table.Th style={th}>{t('content.send.col.message')}</Table.Th>
              <Table.Th style={th}>{t('content.send.col.lastContacted')}</Table.Th>
              <Table.Th style={th} ta="right">
                {t('common.actions')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.customerId} data-testid="send-row" data-id={row.customerId} bg={selected.has(row.customerId) ? 'var(--mantine-primary-color-light)' : undefined}>
                <Table.Td>
                  <Checkbox checked={selected.has(row.customerId)} onChange={(event) => toggle(row.customerId, event.currentTarget.checked)} aria-label={row.name} data-testid="send-row-check" />
                </Table.Td>
                <Table.Td miw={190}>
                  <Anchor href={href('customers', row.customerId)} size="sm" fw={600} data-testid="send-row-name">
                    {row.name}
                  </Anchor>
                  <Text size="xs" c="dimmed" className="sma-num">
                    {row.phone ? formatPhone(row.phone) : row.email || t('content.send.noContact')}
                  </Text>
                </Table.Td>
                <Table.Td maw={560}>
                  <Spoiler maxHeight={72} showLabel={t('content.send.more')} hideLabel={t('content.send.less')}>
                    {row.subject && (
                      <Text size="sm" fw={600}>
                        {row.subject}
                      </Text>
                    )}
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="send-row-message">
                      {row.message}
                    </Text>
                  </Spoiler>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={row.lastContactedAt ? undefined : 'dimmed'} className="sma-num" data-testid="send-row-contacted">
                    {row.lastContactedAt ? formatDateTime(row.lastContactedAt) : t('common.never')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  {row.waLink ? (
                    <Button
                      component="a"
                      href={row.waLink}
                      target="_blank"
                      rel="noopener noreferrer"
                      size="xs"
                      color="teal"
                      variant="light"
                      leftSection={<IconBrandWhatsapp size={14} />}
                      onClick={() => toggle(row.customerId, true)}
                      data-testid="send-row-wa"
                    >
                      {t('content.send.sendWa')}
                    </Button>
                  ) : row.phone && row.missing.length ? (
                    <Button size="xs" color="teal" variant="light" leftSection={<IconBrandWhatsapp size={14} />} disabled title={t('content.send.codeMissing')} data-testid="send-row-blocked" data-missing={row.missing.join(',')}>
                      {t('content.send.blocked')}
                    </Button>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('content.send.noPhone')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {preview.data && rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <EmptyList icon={IconUsers} title={t('content.send.emptyTitle')} description={t('content.send.emptyText')} testId="send-empty" />
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Box px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        <TablePager total={preview.data?.total ?? 0} state={table} />
      </Box>
    </Card>
  );
}
