import { Button, Group, Stack, Text } from '@mantine/core';
import { IconChartDots3, IconMapPin, IconPlus, IconTag, IconUsers, IconUserSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { SEGMENT_IDS, type SegmentId } from '../../../src-shared/rfm/rules';
import type { CustomerListRow, CustomerListInput } from '../../../src-shared/schemas/customer';
import { useApiListQuery, useApiQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { ExportButton } from '../../components/export/ExportButton';
import { useSegmentText } from '../../components/rfm/useSegmentText';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { StatusSelect, type RecordStatus } from '../../components/StatusSelect';
import { DataTable } from '../../components/table/DataTable';
import { useServerTable } from '../../components/table/useServerTable';
import { navigate } from '../../router';
import { useSession } from '../../session/context';
import { CUSTOMER_HIDDEN_BY_DEFAULT, customerColumns } from './customerColumns';
import { useCustomerActions } from './useCustomerActions';
import { LoyaltyFilters, type TierFilter } from '../loyalty/LoyaltyFilters';
import { FilterSelect } from '../../components/filters/FilterInputs';

type SortField = NonNullable<CustomerListInput['sort']>;

export function CustomersPage() {
  const { t } = useTranslation();
  const table = useServerTable('customers', { field: 'name', desc: false }, CUSTOMER_HIDDEN_BY_DEFAULT);
  const [search, setSearch] = useState('');
  const [city, setCity] = useState<string | null>(null);
  const [tag, setTag] = useState<string | null>(null);
  const [status, setStatus] = useState<RecordStatus>('active');
  const [segment, setSegment] = useState<SegmentId | null>(null);
  const [tier, setTier] = useState<TierFilter | null>(null);
  const [minPoints, setMinPoints] = useState<number | null>(null);
  const segmentText = useSegmentText();
  const { modals, actions } = useCustomerActions();

  const facets = useApiQuery('customers.facets', {}, { staleTime: 60_000 });
  const filters = {
    search: search || undefined,
    city: city ?? undefined,
    tag: tag ?? undefined,
    segment: segment ?? undefined,
    tier: tier ?? undefined,
    minPoints: minPoints ?? undefined,
    status,
    sort: table.sort.field as SortField,
    desc: table.sort.desc,
  };
  const list = useApiListQuery('customers.list', { ...filters, page: table.page, pageSize: table.pageSize });
  const timeZone = useSession().status.business?.timezone;
  const columns = useMemo(() => customerColumns(t, actions, timeZone), [t, actions, timeZone]);

  const filtered = Boolean(search || city || tag || segment || tier || minPoints !== null || status !== 'active');
  const run = list.data?.rfmRun;
  const withReset =
    <V,>(setter: (value: V) => void) =>
    (value: V) => {
      setter(value);
      table.resetPage();
    };
  const addButton = (testId: string) => (
    <Button color="sun.5" c="navy.9" leftSection={<IconPlus size={18} />} onClick={actions.openCreate} data-testid={testId}>
      {t('customers.add')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        subtitle={t('customers.subtitle')}
        actions={
          <>
            <ExportButton report="customers" filters={filters} listColumns={columns.map((c) => c.id as string)} visibility={table.shownVisibility} />
            {addButton('customer-add')}
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm" wrap="wrap">
          <SearchInput placeholder={t('customers.searchPlaceholder')} onSearch={withReset(setSearch)} testId="customers-search" />
          <FilterSelect
            icon={IconMapPin}
            label={t('customers.cityFilter')}
            placeholder={t('customers.allCities')}
            data={facets.data?.cities ?? []}
            value={city}
            onChange={withReset(setCity)}
            searchable
            w={190}
            testId="customers-city"
          />
          <FilterSelect
            icon={IconTag}
            label={t('customers.tagFilter')}
            placeholder={t('customers.allTags')}
            data={facets.data?.tags ?? []}
            value={tag}
            onChange={withReset(setTag)}
            searchable
            w={170}
            testId="customers-tag"
          />
          <FilterSelect
            icon={IconChartDots3}
            label={t('customers.rfm.segmentFilter')}
            placeholder={t('customers.rfm.allSegments')}
            data={SEGMENT_IDS.map((id) => ({ value: id, label: segmentText.segment(id).name }))}
            value={segment}
            onChange={withReset((value: string | null) => setSegment(value as SegmentId | null))}
            w={210}
            testId="customers-segment"
          />
          <LoyaltyFilters tier={tier} minPoints={minPoints} onTier={withReset(setTier)} onMinPoints={withReset(setMinPoints)} />
          <StatusSelect value={status} onChange={withReset(setStatus)} testId="customers-status" />
          <Group gap="sm" ml="auto">
            <Text size="sm" c="dimmed">
              <Text span fw={700} c="var(--mantine-color-text)" className="sma-num" data-testid="customers-total">
                {list.data?.total ?? 0}
              </Text>{' '}
              {t('customers.total')}
            </Text>
            {/* Where the segment and spending figures come from. */}
            <Text size="xs" c="dimmed" data-testid="customers-rfm-run">
              {run ? t('customers.rfm.asOf', { date: formatDate(run.analysisDate) }) : list.data ? t('customers.rfm.noRun') : null}
            </Text>
          </Group>
        </Group>
        <DataTable<CustomerListRow>
          columns={columns}
          list={list}
          state={table}
          getRowId={(row) => row.id}
          onRowClick={(row) => navigate('customers', row.id)}
          isRowMuted={(row) => row.deleted_at !== null}
          testId="customers-table"
          rowTestId="customer-row"
          empty={
            filtered ? (
              <EmptyList icon={IconUserSearch} title={t('customers.noMatchTitle')} description={t('customers.noMatchText')} testId="customers-empty" />
            ) : (
              <EmptyList
                icon={IconUsers}
                title={t('customers.emptyTitle')}
                description={t('customers.emptyText')}
                actions={addButton('customer-add-empty')}
                testId="customers-empty"
              />
            )
          }
        />
      </Stack>
      {modals}
    </>
  );
}
