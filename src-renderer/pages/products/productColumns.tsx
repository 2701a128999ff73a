import { Badge, Group, Text } from '@mantine/core';
import { rowActionsColumn, type RowActionHandlers } from '../../components/table/rowActionsColumn';
import { amountColumn, codeColumn, DeletedBadge } from '../../components/table/columns';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { ProductRow } from '../../../src-shared/schemas/product';

export function productColumns(t: TFunction, actions: RowActionHandlers<ProductRow>): ColumnDef<ProductRow, unknown>[] {
  return [
    codeColumn(t('products.code'), (row) => row.code, 120),
    {
      id: 'name',
      header: t('products.name'),
      meta: { sortField: 'name', fixed: true },
      cell: ({ row }) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            {row.original.name}
          </Text>
          {row.original.assistant_offered && row.original.campaign_code && (
            <Badge color="teal" variant="light" size="xs" title={t('products.catalogue.badge')} data-testid="product-offered-badge">
              {row.original.campaign_code}
            </Badge>
          )}
          {row.original.deleted_at && <DeletedBadge label={t('common.deleted')} />}
        </Group>
      ),
    },
    { id: 'category', header: t('products.category'), meta: { sortField: 'category' }, cell: ({ row }) => row.original.category },
    amountColumn('price', t('products.price'), (row) => row.price),
    {
      id: 'active',
      header: t('products.active'),
      meta: { align: 'center', width: 110 },
      cell: ({ row }) => (
        <Badge variant="dot" color={row.original.active ? 'teal' : 'gray'}>
          {row.original.active ? t('common.yes') : t('common.no')}
        </Badge>
      ),
    },
    rowActionsColumn(t, 'product', actions, (row) => row.deleted_at !== null),
  ];
}
