import { Button, Group, Stack } from '@mantine/core';
import { IconPackage, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductRow } from '../../../src-shared/schemas/product';
import { useApiListQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { ExportButton } from '../../components/export/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { StatusSelect, type RecordStatus } from '../../components/StatusSelect';
import { DataTable } from '../../components/table/DataTable';
import { useServerTable } from '../../components/table/useServerTable';
import { useDeleteRestore } from '../../components/useDeleteRestore';
import { useCan } from '../../session/usePermission';
import { productColumns } from './productColumns';
import { ProductFormModal } from './ProductFormModal';

type SortField = 'name' | 'code' | 'category' | 'price';
type Editing = { product: ProductRow | null } | null;

export function ProductsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const table = useServerTable('products', { field: 'name', desc: false });
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<RecordStatus>('active');
  const [editing, setEditing] = useState<Editing>(null);

  const filters = { search: search || undefined, status, sort: table.sort.field as SortField, desc: table.sort.desc };
  const list = useApiListQuery('products.list', { ...filters, page: table.page, pageSize: table.pageSize });
  const rows = useDeleteRestore<ProductRow>({
    remove: 'products.delete',
    restore: 'products.restore',
    invalidates: ['products'],
    title: t('products.deleteTitle'),
    message: (product) => t('products.deleteText', { name: product.name }),
    deleted: (product) => t('products.deletedMsg', { name: product.name }),
    restored: (product) => t('products.restoredMsg', { name: product.name }),
  });

  const canEdit = can('products.update');
  const columns = useMemo(() => productColumns(t, { ...rows.actions, canEdit, openEdit: (product) => setEditing({ product }) }), [t, canEdit, rows.actions]);
  const addButton = (testId: string) =>
    can('products.create') && (
      <Button color="sun.5" c="navy.9" leftSection={<IconPlus size={18} />} onClick={() => setEditing({ product: null })} data-testid={testId}>
        {t('products.add')}
      </Button>
    );

  return (
    <>
      <PageHeader
        title={t('products.title')}
        subtitle={t('products.subtitle')}
        actions={
          <>
            <ExportButton report="products" filters={filters} listColumns={columns.map((c) => c.id as string)} visibility={table.columnVisibility} />
            {addButton('product-add')}
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm">
          <SearchInput
            placeholder={t('products.searchPlaceholder')}
            onSearch={(value) => {
              setSearch(value);
              table.resetPage();
            }}
            testId="products-search"
          />
          <StatusSelect
            value={status}
            onChange={(value) => {
              setStatus(value);
              table.resetPage();
            }}
            testId="products-status"
          />
        </Group>
        <DataTable<ProductRow>
          columns={columns}
          list={list}
          state={table}
          getRowId={(row) => row.id}
          onRowClick={canEdit ? (row) => !row.deleted_at && setEditing({ product: row }) : undefined}
          isRowMuted={(row) => row.deleted_at !== null || !row.active}
          testId="products-table"
          rowTestId="product-row"
          empty={
            <EmptyList icon={IconPackage} title={t('products.emptyTitle')} description={t('products.emptyText')} actions={addButton('product-add-empty')} />
          }
        />
      </Stack>
      <ProductFormModal opened={editing !== null} product={editing?.product ?? null} onClose={() => setEditing(null)} />
      {rows.confirmModal}
    </>
  );
}
