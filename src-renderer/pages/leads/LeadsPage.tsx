import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconLayoutKanban, IconPlus, IconTable, IconUserSearch, IconUsersPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadRow, leadSortFields } from '../../../src-shared/schemas/lead';
import { useApiListQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { ExportButton } from '../../components/export/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { StatusSelect, type RecordStatus } from '../../components/StatusSelect';
import { DataTable } from '../../components/table/DataTable';
import { useServerTable } from '../../components/table/useServerTable';
import { navigate } from '../../router';
import { useSession } from '../../session/context';
import { filterInput, isFiltered, LeadFilters, NO_FILTERS, type LeadFilterValues } from './LeadFilters';
import { LEAD_HIDDEN_BY_DEFAULT, leadColumns } from './leadColumns';
import { LeadsBoard } from './LeadsBoard';
import { useLeadActions } from './useLeadActions';
import { useLeadOptions } from './useLeadOptions';

type View = 'board' | 'table';
type SortField = (typeof leadSortFields)[number];

/** `#/leads?view=table&stage=<id>` (the board's "N lainnya" link) opens the table on that stage. */
export function LeadsPage({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const [storedView, setView] = useLocalStorage<View>({ key: 'sma.leads.view', defaultValue: 'board', getInitialValueInEffect: false });
  const asked = query.get('view');
  const [linked, setLinked] = useState<View | null>(asked === 'table' || asked === 'board' ? asked : null);
  const view: View = linked ?? storedView;
  const [filters, setFilters] = useState<LeadFilterValues>(() => ({ ...NO_FILTERS, stageIds: query.getAll('stage') }));
  const { modals, actions } = useLeadActions();
  const addButton = (testId: string) => (
    <Button color="sun.5" c="navy.9" leftSection={<IconPlus size={18} />} onClick={actions.openCreate} data-testid={testId}>
      {t('leads.add')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('leads.title')}
        subtitle={t('leads.subtitle')}
        actions={
          <>
            <SegmentedControl
              value={view}
              onChange={(next) => {
                setLinked(null);
                setView(next as View);
              }}
              data={[
                { value: 'board', label: <ViewLabel icon={<IconLayoutKanban size={16} />} text={t('leads.view.board')} /> },
                { value: 'table', label: <ViewLabel icon={<IconTable size={16} />} text={t('leads.view.table')} /> },
              ]}
              aria-label={t('leads.view.label')}
              data-testid="leads-view"
            />
            {addButton('lead-add')}
          </>
        }
      />
      <Stack gap="md">
        <LeadFilters values={filters} onChange={setFilters} />
        {view === 'board' ? (
          <LeadsBoard
            filters={filters}
            empty={
              <EmptyList
                icon={IconUsersPlus}
                title={t('leads.emptyTitle')}
                description={t('leads.emptyText')}
                actions={addButton('lead-add-empty')}
                testId="leads-empty"
              />
            }
          />
        ) : (
          <LeadsTable filters={filters} actions={actions} addButton={addButton('lead-add-empty')} />
        )}
      </Stack>
      {modals}
    </>
  );
}

function ViewLabel({ icon, text }: { icon: React.ReactNode; text: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      {icon}
      <span>{text}</span>
    </Group>
  );
}

function LeadsTable({
  filters,
  actions,
  addButton,
}: {
  filters: LeadFilterValues;
  actions: ReturnType<typeof useLeadActions>['actions'];
  addButton: React.ReactNode;
}) {
  const { t } = useTranslation();
  const table = useServerTable('leads', { field: 'updated_at', desc: true }, LEAD_HIDDEN_BY_DEFAULT);
  const [status, setStatus] = useState<RecordStatus>('active');
  const query = { ...filterInput(filters), status, sort: table.sort.field as SortField, desc: table.sort.desc };
  const list = useApiListQuery('leads.list', { ...query, page: table.page, pageSize: table.pageSize });
  // Staff may not export leads (the report says so too): the button is not even shown to them.
  const mayExport = useLeadOptions().seesAll;
  const timeZone = useSession().status.business?.timezone;
  const columns = useMemo(() => leadColumns(t, actions, timeZone), [t, actions, timeZone]);
  const filtered = isFiltered(filters) || status !== 'active';
  // A new filter starts from the first page.
  const key = JSON.stringify([filters, status]);
  const [seen, setSeen] = useState(key);
  if (seen !== key) {
    setSeen(key);
    table.resetPage();
  }
  return (
    <Stack gap="sm">
      <Group gap="sm" justify="space-between">
        {actions.canRestore ? <StatusSelect value={status} onChange={setStatus} testId="leads-status" /> : <span />}
        <Group gap="md">
          <Text size="sm" c="dimmed">
            <Text span fw={700} c="var(--mantine-color-text)" className="sma-num" data-testid="leads-total">
              {list.data?.total ?? 0}
            </Text>{' '}
            {t('leads.total')}
          </Text>
          {mayExport && <ExportButton report="leads" filters={query} listColumns={columns.map((c) => c.id as string)} visibility={table.shownVisibility} />}
        </Group>
      </Group>
      <DataTable<LeadRow>
        columns={columns}
        list={list}
        state={table}
        getRowId={(row) => row.id}
        onRowClick={(row) => navigate('leads', row.id)}
        isRowMuted={(row) => row.deletedAt !== null}
        testId="leads-table"
        rowTestId="lead-row"
        empty={
          filtered ? (
            <EmptyList icon={IconUserSearch} title={t('customers.noMatchTitle')} description={t('customers.noMatchText')} testId="leads-empty" />
          ) : (
            <EmptyList icon={IconUsersPlus} title={t('leads.emptyTitle')} description={t('leads.emptyText')} actions={addButton} testId="leads-empty" />
          )
        }
      />
    </Stack>
  );
}
