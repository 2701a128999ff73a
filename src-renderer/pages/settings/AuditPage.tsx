import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconActivity, IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { formatDateTime } from '../../../src-shared/format/date';
import { actionName, actionOptions, activityFields, activitySentence } from '../../../src-shared/i18n/activity';
import type { Language } from '../../../src-shared/schemas/auth';
import type { activityRow } from '../../../src-shared/schemas/system';
import { useApiListQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { ExportButton } from '../../components/export/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { DataTable } from '../../components/table/DataTable';
import { useServerTable } from '../../components/table/useServerTable';
import { useSession } from '../../session/context';

type ActivityRow = z.infer<typeof activityRow>;

/** Each entry as a sentence in the reader's language; its details as labelled fields behind "Rincian". */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'id';
  const { status } = useSession();
  const timeZone = status.business?.timezone;
  const table = useServerTable('audit', { field: 'created_at', desc: true });
  const [action, setAction] = useState<string | null>(null);
  const list = useApiListQuery('audit.list', { page: table.page, pageSize: table.pageSize, ...(action ? { action } : {}) });
  const options = useMemo(() => actionOptions(language), [language]);

  const columns = useMemo<ColumnDef<ActivityRow, unknown>[]>(
    () => [
      {
        id: 'created_at',
        header: t('audit.time'),
        meta: { fixed: true, width: 170 },
        cell: ({ row }) => (
          <Text size="sm" className="sma-num">
            {formatDateTime(row.original.created_at, timeZone)}
          </Text>
        ),
      },
      {
        id: 'user',
        header: t('audit.user'),
        cell: ({ row }) =>
          row.original.user_name ?? (
            <Text size="sm" c="dimmed">
              {t('audit.system')}
            </Text>
          ),
      },
      {
        id: 'sentence',
        header: t('audit.activity'),
        meta: { fixed: true },
        cell: ({ row }) => (
          <Text size="sm" data-testid="audit-sentence">
            {activitySentence(row.original, language)}
          </Text>
        ),
      },
      {
        id: 'action',
        header: t('audit.action'),
        cell: ({ row }) => (
          // The kind's whole name, on two lines if need be: "Analisis RFM di…" said nothing.
          <Badge variant="light" tt="none" h="auto" py={2} styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}>
            {actionName(row.original.action, language)}
          </Badge>
        ),
      },
      { id: 'details', header: t('audit.details'), cell: ({ row }) => <ActivityDetails row={row.original} language={language} /> },
    ],
    [t, timeZone, language],
  );

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <ExportButton
            report="activity-log"
            filters={action ? { action } : {}}
            listColumns={columns.map((c) => c.id as string)}
            visibility={table.columnVisibility}
          />
        }
      />
      <Stack gap="md">
        <Group gap="sm">
          <Select
            aria-label={t('audit.filterLabel')}
            placeholder={t('audit.allActions')}
            data={options}
            value={action}
            onChange={(value) => {
              setAction(value);
              table.resetPage();
            }}
            searchable
            clearable
            w={280}
            data-testid="audit-action-filter"
          />
        </Group>
        <DataTable<ActivityRow>
          columns={columns}
          list={list}
          state={table}
          getRowId={(row) => row.id}
          testId="audit-table"
          rowTestId="audit-row"
          empty={<EmptyList icon={IconActivity} title={t('audit.empty')} description={t('audit.subtitle')} />}
        />
      </Stack>
    </>
  );
}

/** "Rincian": the entry's details as "label: value" lines, opened on demand. */
function ActivityDetails({ row, language }: { row: ActivityRow; language: Language }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const fields = activityFields(row, language);
  if (fields.length === 0) return null;
  return (
    <Stack gap={4}>
      <Button
        variant="subtle"
        size="compact-xs"
        px={4}
        w="fit-content"
        rightSection={open ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="audit-details-toggle"
      >
        {t('audit.details')}
      </Button>
      {open && (
        <Stack gap={2} data-testid="audit-details">
          {fields.map((field) => (
            <Text key={field.key} size="xs">
              <Text span size="xs" c="dimmed">
                {field.label}:
              </Text>{' '}
              {field.value}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
