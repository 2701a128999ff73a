import { Card, Group, SegmentedControl, Select, Stack } from '@mantine/core';
import { IconLibrary } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEGMENT_IDS, type SegmentId } from '../../../src-shared/rfm/rules';
import type { ContentRow } from '../../../src-shared/schemas/content';
import { useApiListQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { useSegmentText } from '../../components/rfm/useSegmentText';
import { DataTable } from '../../components/table/DataTable';
import { useServerTable } from '../../components/table/useServerTable';
import { CONTENT_CHANNELS, type ContentChannel } from './contentOptions';
import { generationStore } from './generationStore';
import { LIBRARY_HIDDEN_BY_DEFAULT, libraryColumns } from './libraryColumns';
import { VariantModal } from './VariantModal';

type StatusFilter = 'all' | 'draft' | 'approved';

/** Every saved variant, newest first; a row opens it to edit, approve or send. */
export function LibraryTab() {
  const { t } = useTranslation();
  const text = useSegmentText();
  const table = useServerTable('content-library', { field: 'created', desc: true }, LIBRARY_HIDDEN_BY_DEFAULT);
  const [segment, setSegment] = useState<SegmentId | null>(null);
  const [channel, setChannel] = useState<ContentChannel | null>(null);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [open, setOpen] = useState<ContentRow | null>(null);
  const list = useApiListQuery('content.list', {
    segment: segment ?? undefined,
    channel: channel ?? undefined,
    status: status === 'all' ? undefined : status,
    page: table.page,
    pageSize: table.pageSize,
  });
  const columns = useMemo(() => libraryColumns(t), [t]);
  const filtered = segment !== null || channel !== null || status !== 'all';

  return (
    <Stack gap="md">
      <Card py="sm">
        <Group gap="sm" wrap="wrap">
          <Select
            placeholder={t('content.library.allSegments')}
            aria-label={t('content.library.col.segment')}
            data={SEGMENT_IDS.map((id) => ({ value: id, label: text.segment(id).name }))}
            value={segment}
            onChange={(value) => {
              setSegment(value as SegmentId | null);
              table.resetPage();
            }}
            clearable
            w={220}
            data-testid="library-segment"
          />
          <Select
            placeholder={t('content.library.allChannels')}
            aria-label={t('content.library.col.channel')}
            data={CONTENT_CHANNELS.map((id) => ({ value: id, label: t(`content.channel.${id}`) }))}
            value={channel}
            onChange={(value) => {
              setChannel(value as ContentChannel | null);
              table.resetPage();
            }}
            clearable
            w={180}
            data-testid="library-channel"
          />
          <SegmentedControl
            value={status}
            onChange={(value) => {
              setStatus(value as StatusFilter);
              table.resetPage();
            }}
            data={[
              { value: 'all', label: t('common.all') },
              { value: 'draft', label: t('content.status.draft') },
              { value: 'approved', label: t('content.status.approved') },
            ]}
            data-testid="library-status"
          />
        </Group>
      </Card>
      <DataTable
        columns={columns}
        list={list}
        state={table}
        getRowId={(row) => row.id}
        onRowClick={setOpen}
        testId="library-table"
        rowTestId="library-row"
        empty={
          <EmptyList
            icon={IconLibrary}
            title={t(filtered ? 'content.library.noMatch' : 'content.library.emptyTitle')}
            description={t('content.library.emptyText')}
          />
        }
      />
      <VariantModal
        row={open}
        onClose={() => setOpen(null)}
        onChanged={(row) => {
          setOpen(row);
          generationStore.replace(row);
        }}
        onDeleted={(id) => {
          setOpen(null);
          generationStore.remove(id);
        }}
      />
    </Stack>
  );
}
