import { Badge, Code, Text, Tooltip } from '@mantine/core';
import { IconActivity } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { formatDateTime } from '../../../src-shared/format/date';
import type { activityRow } from '../../../src-shared/schemas/system';
import { useApiListQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { ExportButton } from '../../components/export/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { DataTable } from '../../components/table/DataTable';
import { useServerTable } from '../../components/table/useServerTable';
import { useSession } from '../../session/context';

type ActivityRow = z.infer<typeof activityRow>;

export function AuditPage() {
  const { t } = useTranslation();
  const { status } = useSession();
  const timeZone = status.business?.timezone;
  const table = useServerTable('audit', { field: 'created_at', desc: true });
  const list = useApiListQuery('audit.list', { page: table.page, pageSize: table.pageSize });

  const columns = useMemo<ColumnDef<ActivityRow, unknown>[]>(
    () => [
      {
        id: 'created_at',
        header: t('audit.time'),
        meta: { fixed: true, width: 170 },
        cell: ({ row }) => <Text size="sm" className="sma-num">{formatDateTime(row.original.created_at, timeZone)}</Text>,
      },
      { id: 'user', header: t('audit.user'), cell: ({ row }) => row.original.user_name ?? <Text size="sm" c="dimmed">{t('audit.system')}</Text> },
      {
        id: 'action',
        header: t('audit.action'),
        meta: { fixed: true },
        cell: ({ row }) => (
          <Badge variant="light" tt="none" ff="monospace">
            {row.original.action}
          </Badge>
        ),
      },
      { id: 'entity', header: t('audit.entity'), cell: ({ row }) => row.original.entity },
      {
        id: 'details',
        header: t('audit.details'),
        cell: ({ row }) => {
          if (!row.original.details) return null;
          const text = JSON.stringify(row.original.details);
          return (
            <Tooltip label={text} multiline maw={480} withinPortal>
              <Code style={{ display: 'block', maxWidth: 420, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{text}</Code>
            </Tooltip>
          );
        },
      },
    ],
    [t, timeZone],
  );

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={<ExportButton report="activity-log" listColumns={columns.map((c) => c.id as string)} visibility={table.columnVisibility} />}
      />
      <DataTable<ActivityRow>
        columns={columns}
        list={list}
        state={table}
        getRowId={(row) => row.id}
        testId="audit-table"
        rowTestId="audit-row"
        empty={<EmptyList icon={IconActivity} title={t('audit.empty')} description={t('audit.subtitle')} />}
      />
    </>
  );
}
