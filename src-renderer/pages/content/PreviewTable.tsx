import { Button, Card, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { IconChecks, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../src-shared/contract';
import { CAPS_HEAD } from '../../../src-ui/components/capsHead';
import { useApiListQuery, useApiMutation } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { notifySuccess } from '../../components/notify';
import { FetchingBar } from '../../components/table/FetchingBar';
import { TablePager } from '../../components/table/TablePager';
import { useServerTable } from '../../components/table/useServerTable';
import { BroadcastMenu } from './BroadcastMenu';
import type { ContentChannel } from './contentOptions';
import { PreviewRow } from './preview/PreviewRow';
import { useSelection } from './preview/useSelection';

export type PreviewTarget = Omit<ChannelInput<'content.personalise'>, 'page' | 'pageSize'>;

const whole = new Intl.NumberFormat('id-ID');

/**
 * Each recipient's message as they will read it, a page at a time. Rows ticked (by hand, or by
 * sending one on WhatsApp) are marked as contacted in one go.
 */
export function PreviewTable({ target, channel }: { target: PreviewTarget; channel: ContentChannel }) {
  const { t } = useTranslation();
  const table = useServerTable('send-preview', { field: 'name', desc: false });
  const preview = useApiListQuery('content.personalise', { ...target, page: table.page, pageSize: table.pageSize });
  const rows = preview.data?.rows ?? [];
  const { selected, toggle, pageChecked, pageSome, togglePage, clear } = useSelection(rows.map((row) => row.customerId));
  const mark = useApiMutation('content.markContacted', {
    invalidates: ['content', 'campaigns', 'customers'],
    onSuccess: ({ recorded }) => {
      notifySuccess(t('content.send.marked', { n: whole.format(recorded) }));
      clear();
    },
  });

  return (
    <Card p={0} pos="relative" data-testid="send-preview">
      <FetchingBar visible={preview.isFetching} />
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
            onClick={() =>
              mark.mutate({
                customerIds: [...selected],
                channel,
                contentId: target.contentId,
                campaignId: target.campaignId,
                campaignCode: target.campaignCode,
                subject: target.subject,
                body: target.body,
              })
            }
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
                <Checkbox
                  checked={pageChecked}
                  indeterminate={!pageChecked && pageSome}
                  onChange={togglePage}
                  aria-label={t('content.send.selectPage')}
                  data-testid="send-select-page"
                />
              </Table.Th>
              <Table.Th style={CAPS_HEAD}>{t('content.send.col.customer')}</Table.Th>
              <Table.Th style={CAPS_HEAD}>{t('content.send.col.message')}</Table.Th>
              <Table.Th style={CAPS_HEAD}>{t('content.send.col.lastContacted')}</Table.Th>
              <Table.Th style={CAPS_HEAD} ta="right">
                {t('common.actions')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <PreviewRow key={row.customerId} row={row} checked={selected.has(row.customerId)} onCheck={(on) => toggle(row.customerId, on)} />
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
      <TablePager total={preview.data?.total ?? 0} state={table} />
    </Card>
  );
}
