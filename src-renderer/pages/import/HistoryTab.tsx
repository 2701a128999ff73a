import { Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconHistory } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../src-shared/format/date';
import type { UploadRow } from '../../../src-shared/schemas/import';
import { useApiListQuery, useApiMutation } from '../../api/hooks';
import { ConfirmModal } from '../../../src-ui/components/ConfirmModal';
import { EmptyList } from '../../components/EmptyList';
import { ExportButton } from '../../components/export/ExportButton';
import { notifySuccess } from '../../components/notify';
import { DataTable } from '../../components/table/DataTable';
import { useServerTable } from '../../components/table/useServerTable';
import { useSession } from '../../session/context';
import { useCan } from '../../session/usePermission';
import { count, formatDuration } from './fields';

type Status = 'processing' | 'completed' | 'failed' | 'cancelled' | 'interrupted' | 'undone';
const STATUS_COLORS: Record<Status, string> = {
  processing: 'blue',
  completed: 'teal',
  failed: 'red',
  cancelled: 'gray',
  interrupted: 'orange',
  undone: 'gray',
};

function statusOf(row: UploadRow): Status {
  if (row.undone_at) return 'undone';
  if (row.error === 'interrupted') return 'interrupted';
  return row.status;
}

const undoable = (row: UploadRow) => row.status === 'completed' && !row.undone_at;

function historyColumns(t: TFunction, timeZone: string | undefined, onUndo: ((row: UploadRow) => void) | null): ColumnDef<UploadRow, unknown>[] {
  const columns: ColumnDef<UploadRow, unknown>[] = [
    {
      id: 'created_at',
      header: t('import.history.when'),
      meta: { fixed: true, width: 150 },
      cell: ({ row }) => (
        <Stack gap={2}>
          <Text size="sm" className="sma-num">
            {formatDateTime(row.original.created_at, timeZone)}
          </Text>
          {row.original.user_name && (
            <Text size="xs" c="dimmed" truncate maw={150}>
              {t('import.history.by', { name: row.original.user_name })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'file',
      header: t('import.history.file'),
      meta: { fixed: true },
      cell: ({ row }) => (
        <Stack gap={2}>
          <Text size="sm" fw={600} maw={240} truncate title={row.original.file_name}>
            {row.original.file_name}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`import.kinds.${row.original.kind}`)}
          </Text>
        </Stack>
      ),
    },
    {
      id: 'status',
      header: t('import.history.status'),
      meta: { fixed: true },
      cell: ({ row }) => {
        const status = statusOf(row.original);
        const badge = (
          <Badge variant="light" color={STATUS_COLORS[status]} style={{ minWidth: 'max-content' }} data-testid="history-status" data-status={status}>
            {t(`import.history.statuses.${status}`)}
          </Badge>
        );
        const detail = row.original.undone_at
          ? t('import.history.undoneAt', { when: formatDateTime(row.original.undone_at, timeZone) })
          : row.original.error && row.original.error !== 'interrupted'
            ? row.original.error
            : null;
        return (
          <Stack gap={4} align="flex-start">
            {detail ? (
              <Tooltip label={detail} multiline maw={360} withinPortal>
                {badge}
              </Tooltip>
            ) : (
              badge
            )}
            {status === 'interrupted' && (
              <Text size="xs" c="dimmed">
                {t('import.history.interruptedNote')}
              </Text>
            )}
            {status !== 'interrupted' && row.original.duration_ms !== null && (
              <Text size="xs" c="dimmed" className="sma-num" data-testid="history-duration">
                {formatDuration(t, row.original.duration_ms)}
              </Text>
            )}
          </Stack>
        );
      },
    },
    {
      id: 'result',
      header: t('import.history.result'),
      cell: ({ row }) => {
        const r = row.original;
        if (r.status !== 'completed' && r.rows_total === 0) return <Text c="dimmed">{t('common.none')}</Text>;
        return (
          <Stack
            gap={2}
            data-testid="history-result"
            data-imported={r.rows_imported}
            data-total={r.rows_total}
            data-skipped={r.rows_skipped}
            data-failed={r.rows_failed}
          >
            <Text size="sm" fw={600} className="sma-num">
              {t('import.history.resultImported', { n: count(r.rows_imported), total: count(r.rows_total) })}
            </Text>
            <Text size="xs" c="dimmed" className="sma-num">
              {t('import.history.resultDetail', { skipped: count(r.rows_skipped), failed: count(r.rows_failed) })}
            </Text>
            {r.customers_created > 0 && (
              <Text size="xs" c="dimmed" className="sma-num">
                {t('import.history.resultCustomers', { n: count(r.customers_created) })}
              </Text>
            )}
          </Stack>
        );
      },
    },
  ];
  if (onUndo) {
    columns.push({
      id: 'actions',
      header: '',
      meta: { fixed: true, align: 'right', label: t('common.actions') },
      cell: ({ row }) =>
        undoable(row.original) ? (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            leftSection={<IconArrowBackUp size={16} />}
            onClick={() => onUndo(row.original)}
            data-testid="history-undo"
          >
            {t('import.history.undo')}
          </Button>
        ) : null,
    });
  }
  return columns;
}

/** Every import, newest first, with what it did; a completed one can be undone. */
export function HistoryTab() {
  const { t } = useTranslation();
  const can = useCan();
  const { status } = useSession();
  const table = useServerTable('import-history', { field: 'created_at', desc: true });
  const list = useApiListQuery('import.history', { page: table.page, pageSize: table.pageSize });
  const [undoing, setUndoing] = useState<UploadRow | null>(null);
  const undo = useApiMutation('import.undo', {
    invalidates: ['import', 'customers', 'transactions', 'products', 'leads'],
    onSuccess: (counts) => {
      // A leads import made leads only: the three other counts would all say 0.
      if (counts.leads > 0) notifySuccess(t('import.history.undoDoneLeads', { leads: count(counts.leads) }));
      else
        notifySuccess(
          t('import.history.undoDone', { transactions: count(counts.transactions), customers: count(counts.customers), products: count(counts.products) }),
        );
      setUndoing(null);
    },
  });
  const canUndo = can('import.undo');
  const timeZone = status.business?.timezone;
  const columns = useMemo(() => historyColumns(t, timeZone, canUndo ? setUndoing : null), [t, timeZone, canUndo]);

  return (
    <>
      <Group justify="flex-end" mb="sm">
        <ExportButton report="import-history" />
      </Group>
      <DataTable<UploadRow>
        columns={columns}
        list={list}
        state={table}
        getRowId={(row) => row.id}
        isRowMuted={(row) => row.undone_at !== null}
        testId="history-table"
        rowTestId="history-row"
        empty={<EmptyList icon={IconHistory} title={t('import.history.emptyTitle')} description={t('import.history.emptyText')} testId="history-empty" />}
      />
      <ConfirmModal
        opened={undoing !== null}
        title={t('import.history.undoTitle')}
        message={t('import.history.undoText', { n: count(undoing?.rows_imported ?? 0) })}
        confirmLabel={t('import.history.undoConfirm')}
        loading={undo.isPending}
        onConfirm={() => undoing && undo.mutate({ uploadId: undoing.id })}
        onClose={() => setUndoing(null)}
        testId="confirm-undo"
      />
    </>
  );
}
