import { Badge, Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../src-shared/format/date';
import type { ContentRow } from '../../../src-shared/schemas/content';
import { SegmentBadge } from '../../components/rfm/SegmentBadge';
import { ChannelBadge } from './ChannelBadge';

export const LIBRARY_HIDDEN_BY_DEFAULT = ['source', 'user'];

export function libraryColumns(t: TFunction): ColumnDef<ContentRow, unknown>[] {
  return [
    {
      id: 'text',
      header: t('content.library.col.text'),
      meta: { fixed: true },
      cell: ({ row }) => (
        // Plain text, two lines at most here; the whole message opens with the row.
        <div style={{ maxWidth: 560 }}>
          {row.original.subject && (
            <Text size="sm" fw={600} lineClamp={1}>
              {row.original.subject}
            </Text>
          )}
          <Text size="sm" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
            {row.original.body}
          </Text>
        </div>
      ),
    },
    { id: 'segment', header: t('content.library.col.segment'), cell: ({ row }) => <SegmentBadge segment={row.original.segment} /> },
    { id: 'channel', header: t('content.library.col.channel'), cell: ({ row }) => <ChannelBadge channel={row.original.channel} /> },
    {
      id: 'status',
      header: t('content.library.col.status'),
      cell: ({ row }) => (
        <Badge color={row.original.status === 'approved' ? 'teal' : 'gray'} variant={row.original.status === 'approved' ? 'filled' : 'light'} tt="none">
          {t(`content.status.${row.original.status}`)}
        </Badge>
      ),
    },
    {
      id: 'source',
      header: t('content.library.col.source'),
      cell: ({ row }) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {row.original.source === 'ai' ? (row.original.model ?? 'AI') : t('content.source.template')}
        </Text>
      ),
    },
    {
      id: 'created',
      header: t('content.library.col.created'),
      cell: ({ row }) => (
        <Text size="sm" className="sma-num">
          {formatDateTime(row.original.createdAt)}
        </Text>
      ),
    },
    { id: 'user', header: t('content.library.col.user'), cell: ({ row }) => <Text size="sm">{row.original.userName ?? '—'}</Text> },
  ];
}
