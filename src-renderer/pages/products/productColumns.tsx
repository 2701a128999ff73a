import { ActionIcon, Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconRestore, IconTrash } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { MouseEvent } from 'react';
import { formatRupiah } from '../../../src-shared/format/money';
import type { ProductRow } from '../../../src-shared/schemas/product';

export interface ProductActions {
  canEdit: boolean;
  canDelete: boolean;
  openEdit: (product: ProductRow) => void;
  askDelete: (product: ProductRow) => void;
  restore: (product: ProductRow) => void;
}

export function productColumns(t: TFunction, actions: ProductActions): ColumnDef<ProductRow, unknown>[] {
  return [
    {
      id: 'code',
      header: t('products.code'),
      meta: { sortField: 'code', width: 120 },
      cell: ({ row }) => (
        <Text size="sm" ff="monospace" c="dimmed">
          {row.original.code}
        </Text>
      ),
    },
    {
      id: 'name',
      header: t('products.name'),
      meta: { sortField: 'name', fixed: true },
      cell: ({ row }) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            {row.original.name}
          </Text>
          {row.original.deleted_at && (
            <Badge color="red" variant="light" size="xs">
              {t('common.deleted')}
            </Badge>
          )}
        </Group>
      ),
    },
    { id: 'category', header: t('products.category'), meta: { sortField: 'category' }, cell: ({ row }) => row.original.category },
    {
      id: 'price',
      header: t('products.price'),
      meta: { sortField: 'price', align: 'right' },
      cell: ({ row }) => (
        <Text size="sm" fw={600} className="sma-num">
          {formatRupiah(row.original.price)}
        </Text>
      ),
    },
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
    {
      id: 'actions',
      header: '',
      meta: { fixed: true, align: 'right', width: 96, label: t('common.actions') },
      cell: ({ row }) => {
        const product = row.original;
        const deleted = product.deleted_at !== null;
        return (
          <Group gap={4} justify="flex-end" wrap="nowrap" onClick={(event: MouseEvent) => event.stopPropagation()}>
            {!deleted && actions.canEdit && (
              <Tooltip label={t('common.edit')}>
                <ActionIcon variant="subtle" color="navy" aria-label={t('common.edit')} onClick={() => actions.openEdit(product)} data-testid="product-edit">
                  <IconPencil size={17} />
                </ActionIcon>
              </Tooltip>
            )}
            {!deleted && actions.canDelete && (
              <Tooltip label={t('common.delete')}>
                <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} onClick={() => actions.askDelete(product)} data-testid="product-delete">
                  <IconTrash size={17} />
                </ActionIcon>
              </Tooltip>
            )}
            {deleted && actions.canDelete && (
              <Tooltip label={t('common.restore')}>
                <ActionIcon variant="subtle" color="teal" aria-label={t('common.restore')} onClick={() => actions.restore(product)} data-testid="product-restore">
                  <IconRestore size={17} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        );
      },
    },
  ];
}
