import { Anchor, Badge, Button, Card, Group, Menu, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconBuildingStore, IconDownload, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_PATHS } from '../../../src-shared/cloud/admin-api';
import { businessesResponse, type BusinessSummary } from '../../../src-shared/cloud/admin-businesses-api';
import { formatRupiah } from '../../../src-shared/format/money';
import { api } from '../api/client';
import { EmptyList } from '../../../src-renderer/components/EmptyList';
import { ErrorState } from '../components/ErrorState';
import { Money } from '../../../src-ui/components/Money';
import { notifyError } from '../components/notify';
import { PageHeader } from '../../../src-renderer/components/PageHeader';
import { SegmentBar } from '../components/SegmentBar';
import { ago, formatCount, when } from '../format';
import { currentLanguage } from '../i18n';
import { linkClick } from '../router';
import { segmentLabel } from '../segments';
import { useSession } from '../session';
import { exportCsv, exportXlsx, type ExportColumn } from '../../../src-ui/export/tableExport';
import { BusinessForm } from './BusinessForm';
import { BusinessesTable } from './BusinessesTable';

export const BUSINESSES_KEY = ['businesses'] as const;

export function useBusinesses() {
  return useQuery({ queryKey: BUSINESSES_KEY, queryFn: () => api('GET', ADMIN_PATHS.businesses, businessesResponse), refetchInterval: 60_000 });
}

const column = createColumnHelper<BusinessSummary>();
const num = (n: number) => <span className="sma-num">{formatCount(n)}</span>;

function matches(business: BusinessSummary, search: string): boolean {
  if (!search) return true;
  const needle = search.toLocaleLowerCase('id');
  return [business.name, business.city, business.ownerName, business.phone].some((v) => v?.toLocaleLowerCase('id').includes(needle));
}

/** Every shop with its latest figures; filter, sort, open one, export what is shown. */
export function BusinessesPage() {
  const { t } = useTranslation();
  const { canWrite } = useSession();
  const list = useBusinesses();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [city, setCity] = useState<string | null>(null);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [creating, setCreating] = useState(false);

  const all = useMemo(() => list.data?.businesses ?? [], [list.data]);
  const cities = useMemo(() => [...new Set(all.map((b) => b.city).filter((c): c is string => !!c))].sort((a, b) => a.localeCompare(b, 'id')), [all]);
  const rows = useMemo(
    () => all.filter((b) => matches(b, search.trim()) && (!status || b.status === status) && (!city || b.city === city)),
    [all, search, status, city],
  );

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: t('businesses.col.name'),
        cell: (info) => (
          <Anchor href={`/businesses/${info.row.original.id}`} onClick={linkClick(`/businesses/${info.row.original.id}`)} fw={600} data-testid="business-link">
            {info.getValue()}
          </Anchor>
        ),
        sortingFn: (a, b) => a.original.name.localeCompare(b.original.name, 'id'),
      }),
      column.accessor((b) => b.city ?? '', { id: 'city', header: t('businesses.col.city') }),
      column.accessor((b) => b.ownerName ?? '', { id: 'owner', header: t('businesses.col.owner') }),
      column.accessor('status', {
        header: t('businesses.col.status'),
        cell: (info) => (
          <Badge color={info.getValue() === 'active' ? 'teal' : 'red'} variant="light">
            {t(`businesses.status.${info.getValue()}`)}
          </Badge>
        ),
      }),
      column.accessor('devices', { header: t('businesses.col.devices'), cell: (info) => num(info.getValue()) }),
      column.accessor((b) => b.lastSyncAt ?? '', {
        id: 'lastSync',
        header: t('businesses.col.lastSync'),
        cell: (info) => (
          <Text size="sm" title={when(info.row.original.lastSyncAt, '')} style={{ whiteSpace: 'nowrap' }}>
            {ago(info.row.original.lastSyncAt, t('common.never'))}
          </Text>
        ),
      }),
      column.accessor('pendingOps', { header: t('businesses.col.pending'), cell: (info) => num(info.getValue()) }),
      column.accessor('customers', { header: t('businesses.col.customers'), cell: (info) => <span data-testid="col-customers">{num(info.getValue())}</span> }),
      column.accessor('transactions', { header: t('businesses.col.transactions'), cell: (info) => num(info.getValue()) }),
      column.accessor('revenueThisMonth', {
        header: t('businesses.col.revenueThisMonth'),
        cell: (info) => (
          <span className="sma-num" data-testid="col-revenue-this-month">
            <Money amount={info.getValue()} />
          </span>
        ),
      }),
      column.accessor('revenueLastMonth', {
        header: t('businesses.col.revenueLastMonth'),
        cell: (info) => (
          <span className="sma-num">
            <Money amount={info.getValue()} />
          </span>
        ),
      }),
      column.display({
        id: 'segments',
        header: t('businesses.col.segments'),
        cell: (info) => <SegmentBar segments={info.row.original.segments} width={130} />,
      }),
    ],
    [t],
  );

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  const exportColumns: ExportColumn<BusinessSummary>[] = [
    { header: t('businesses.col.name'), value: (b) => b.name, width: 28 },
    { header: t('businesses.col.city'), value: (b) => b.city },
    { header: t('businesses.col.owner'), value: (b) => b.ownerName, width: 20 },
    { header: t('businesses.col.status'), value: (b) => t(`businesses.status.${b.status}`) },
    { header: t('businesses.col.devices'), value: (b) => b.devices, numFmt: '#,##0' },
    { header: t('businesses.col.lastSync'), value: (b) => when(b.lastSyncAt, ''), width: 18 },
    { header: t('businesses.col.pending'), value: (b) => b.pendingOps, numFmt: '#,##0' },
    { header: t('businesses.col.customers'), value: (b) => b.customers, numFmt: '#,##0' },
    { header: t('businesses.col.transactions'), value: (b) => b.transactions, numFmt: '#,##0' },
    { header: t('businesses.col.revenueThisMonth'), value: (b) => b.revenueThisMonth, numFmt: '"Rp "#,##0', width: 20 },
    { header: t('businesses.col.revenueLastMonth'), value: (b) => b.revenueLastMonth, numFmt: '"Rp "#,##0', width: 20 },
    {
      header: t('businesses.col.segments'),
      value: (b) =>
        (b.segments ?? [])
          .filter((s) => s.customers > 0)
          .map((s) => `${segmentLabel(s.segment, currentLanguage())} ${s.customers}`)
          .join('; '),
      width: 40,
    },
  ];
  const shown = table.getRowModel().rows.map((r) => r.original);
  const csvColumns = exportColumns.map((c) => (c.numFmt?.includes('Rp') ? { ...c, value: (b: BusinessSummary) => formatRupiah(c.value(b) as number) } : c));
  const fileName = `${t('businesses.exportFile')}-${new Date().toISOString().slice(0, 10)}`;

  return (
    <>
      <PageHeader
        title={t('businesses.title')}
        subtitle={t('businesses.subtitle')}
        actions={
          <>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" leftSection={<IconDownload size={16} />} disabled={!shown.length} data-testid="export-menu">
                  {t('businesses.export')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => exportXlsx(shown, exportColumns, fileName, t('businesses.title')).catch(notifyError)} data-testid="export-xlsx">
                  {t('businesses.exportXlsx')}
                </Menu.Item>
                <Menu.Item onClick={() => exportCsv(shown, csvColumns, fileName).catch(notifyError)} data-testid="export-csv">
                  {t('businesses.exportCsv')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {canWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="business-create">
                {t('businesses.create')}
              </Button>
            )}
          </>
        }
      />
      <Card padding="md">
        <Stack gap="md">
          <Group gap="sm" wrap="wrap">
            <TextInput
              leftSection={<IconSearch size={16} />}
              placeholder={t('businesses.searchPlaceholder')}
              aria-label={t('common.search')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={300}
            />
            <Select
              aria-label={t('businesses.statusFilter')}
              placeholder={t('businesses.statusFilter')}
              data={[
                { value: 'active', label: t('businesses.status.active') },
                { value: 'suspended', label: t('businesses.status.suspended') },
              ]}
              value={status}
              onChange={setStatus}
              clearable
              w={170}
            />
            <Select
              aria-label={t('businesses.cityFilter')}
              placeholder={t('businesses.cityFilter')}
              data={cities}
              value={city}
              onChange={setCity}
              clearable
              searchable
              w={190}
            />
            {list.data && (
              <Text size="sm" c="dimmed" ml="auto">
                {t('businesses.count', { shown: rows.length, total: all.length })}
              </Text>
            )}
          </Group>
          {list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : list.isPending ? (
            <Stack gap="xs">
              {[0, 1, 2, 3].map((i) => (
                <Skeleton key={i} height={36} />
              ))}
            </Stack>
          ) : all.length === 0 ? (
            <EmptyList
              icon={IconBuildingStore}
              title={t('businesses.emptyTitle')}
              description={t('businesses.emptyDescription')}
              testId="businesses-empty"
              actions={
                canWrite && (
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                    {t('businesses.create')}
                  </Button>
                )
              }
            />
          ) : rows.length === 0 ? (
            <EmptyList icon={IconSearch} title={t('businesses.noMatchTitle')} description={t('businesses.noMatchDescription')} />
          ) : (
            <BusinessesTable table={table} />
          )}
        </Stack>
      </Card>
      {creating && <BusinessForm opened onClose={() => setCreating(false)} />}
    </>
  );
}
