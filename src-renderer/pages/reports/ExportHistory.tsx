import { Badge, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../src-shared/format/date';
import type { ExportHistoryRow } from '../../../src-shared/schemas/export';
import { useApiListQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { formatBytes } from '../../components/formatBytes';
import { DataTable } from '../../components/table/DataTable';
import { useServerTable } from '../../components/table/useServerTable';
import { useSession } from '../../session/context';

const count = new Intl.NumberFormat('id-ID');
const seconds = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const STATUS_COLORS = { completed: 'teal', failed: 'red', cancelled: 'gray' } as const;

/** Past exports, newest first: what, when, how big, whether it finished (staff see their own). */
export function ExportHistory() {
  const { t } = useTranslation();
  const { status } = useSession();
  const timeZone = status.business?.timezone;
  const table = useServerTable('export-history', { field: 'created_at', desc: true });
  const list = useApiListQuery('export.history', { page: table.page, pageSize: table.pageSize });

  const columns = useMemo<ColumnDef<ExportHistoryRow, unknown>[]>(
    () => [
      {
        id: 'created_at',
        header: t('reports.when'),
        meta: { fixed: true, width: 150 },
        cell: ({ row }) => (
          <Text size="sm" className="sma-num">
            {formatDateTime(row.original.createdAt, timeZone)}
          </Text>
        ),
      },
      {
        id: 'report',
        header: t('reports.report'),
        meta: { fixed: true },
        cell: ({ row }) => (
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {row.original.reportName}
            </Text>
            <Text size="xs" c="dimmed" truncate maw={260} title={row.original.fileName}>
              {row.original.fileName}
            </Text>
          </Stack>
        ),
      },
      {
        id: 'format',
        header: t('reports.format'),
        cell: ({ row }) => (
          <Badge variant="light" color={row.original.format === 'xlsx' ? 'teal' : 'navy'}>
            {row.original.format.toUpperCase()}
          </Badge>
        ),
      },
      {
        id: 'rows',
        header: t('reports.rows'),
        meta: { align: 'right' },
        cell: ({ row }) => (
          <Text size="sm" className="sma-num">
            {count.format(row.original.rows)}
          </Text>
        ),
      },
      {
        id: 'bytes',
        header: t('reports.size'),
        meta: { align: 'right' },
        cell: ({ row }) => (
          <Text size="sm" className="sma-num">
            {row.original.bytes ? formatBytes(row.original.bytes) : '—'}
          </Text>
        ),
      },
      {
        id: 'duration',
        header: t('reports.duration'),
        meta: { align: 'right' },
        cell: ({ row }) => (
          <Text size="sm" className="sma-num">
            {seconds.format(row.original.durationMs / 1000)} s
          </Text>
        ),
      },
      {
        id: 'status',
        header: t('reports.status'),
        cell: ({ row }) => {
          const badge = (
            <Badge variant="light" color={STATUS_COLORS[row.original.status]} data-testid="export-history-status">
              {t(`reports.statuses.${row.original.status}`)}
            </Badge>
          );
          return row.original.error ? (
            <Tooltip label={row.original.error} multiline maw={360}>
              {badge}
            </Tooltip>
          ) : (
            badge
          );
        },
      },
      { id: 'by', header: t('reports.by'), cell: ({ row }) => row.original.userName ?? '—' },
    ],
    [t, timeZone],
  );

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('reports.historyTitle')}
      </Title>
      <DataTable<ExportHistoryRow>
        columns={columns}
        list={list}
        state={table}
        getRowId={(row) => row.id}
        testId="export-history"
        rowTestId="export-history-row"
        empty={<EmptyList icon={IconHistory} title={t('reports.historyEmpty')} description={t('reports.historyEmptyText')} />}
      />
    </Stack>
  );
}
