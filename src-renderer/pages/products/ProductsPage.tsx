import { Button, Group, Stack } from '@mantine/core';
import { IconPackage, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductRow } from '../../../src-shared/schemas/product';
import { useApiListQuery, useApiMutation } from '../../api/hooks';
import { ConfirmModal } from '../../../src-ui/components/ConfirmModal';
import { EmptyList } from '../../components/EmptyList';
import { ExportButton } from '../../components/export/ExportButton';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { StatusSelect, type RecordStatus } from '../../components/StatusSelect';
import { DataTable } from '../../components/table/DataTable';
import { useServerTable } from '../../components/table/useServerTable';
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
  const [deleting, setDeleting] = useState<ProductRow | null>(null);

  const filters = { search: search || undefined, status, sort: table.sort.field as SortField, desc: table.sort.desc };
  const list = useApiListQuery('products.list', { ...filters, page: table.page, pageSize: table.pageSize });
  const remove = useApiMutation('products.delete', {
    invalidates: ['products'],
    onSuccess: () => {
      if (deleting) notifySuccess(t('products.deletedMsg', { name: deleting.name }));
      setDeleting(null);
    },
  });
  const { mutate: restore } = useApiMutation('products.restore', { invalidates: ['products'] });

  const canEdit = can('products.update');
  const canDelete = can('products.delete');
  const columns = useMemo(
    () =>
      productColumns(t, {
        canEdit,
        canDelete,
        openEdit: (product) => setEditing({ product }),
        askDelete: setDeleting,
        restore: (product) => restore({ id: product.id }, { onSuccess: () => notifySuccess(t('products.restoredMsg', { name: product.name })) }),
      }),
    [t, canEdit, canDelete, restore],
  );
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
          empty={<EmptyList icon={IconPackage} title={t('products.emptyTitle')} description={t('products.emptyText')} actions={addButton('product-add-empty')} />}
        />
      </Stack>
      <ProductFormModal opened={editing !== null} product={editing?.product ?? null} onClose={() => setEditing(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('products.deleteTitle')}
        message={t('products.deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
