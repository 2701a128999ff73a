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

interface Filters {
  segment: SegmentId | null;
  channel: ContentChannel | null;
  status: 'all' | 'draft' | 'approved';
}

/** Every saved variant, newest first; a row opens it to edit, approve or send. */
export function LibraryTab() {
  const { t } = useTranslation();
  const text = useSegmentText();
  const table = useServerTable('content-library', { field: 'created', desc: true }, LIBRARY_HIDDEN_BY_DEFAULT);
  const [{ segment, channel, status }, setFilters] = useState<Filters>({ segment: null, channel: null, status: 'all' });
  const [open, setOpen] = useState<ContentRow | null>(null);
  // A changed filter starts the list again from its first page.
  const filterBy =
    <K extends keyof Filters>(key: K) =>
    (value: string | null) => {
      setFilters((filters) => ({ ...filters, [key]: value as Filters[K] }));
      table.resetPage();
    };
  const selects = [
    {
      key: 'segment',
      value: segment,
      all: t('content.library.allSegments'),
      data: SEGMENT_IDS.map((id) => ({ value: id, label: text.segment(id).name })),
      w: 220,
    },
    {
      key: 'channel',
      value: channel,
      all: t('content.library.allChannels'),
      data: CONTENT_CHANNELS.map((id) => ({ value: id, label: t(`content.channel.${id}`) })),
      w: 180,
    },
  ] as const;
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
          {selects.map(({ key, value, all, data, w }) => (
            <Select
              key={key}
              placeholder={all}
              aria-label={t(`content.library.col.${key}`)}
              data={data}
              value={value}
              onChange={filterBy(key)}
              clearable
              w={w}
              data-testid={`library-${key}`}
            />
          ))}
          <SegmentedControl
            value={status}
            onChange={filterBy('status')}
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
