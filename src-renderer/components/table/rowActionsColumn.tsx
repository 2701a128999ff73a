import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { RowActions } from './RowActions';

/** What a list's row buttons do and whether the role may (see useDeleteRestore). */
export interface RowActionHandlers<Row> {
  /** Editing is allowed unless a list says otherwise. */
  canEdit?: boolean;
  canDelete: boolean;
  /** Restoring is allowed to whoever may delete unless a list says otherwise. */
  canRestore?: boolean;
  openEdit: (row: Row) => void;
  askDelete: (row: Row) => void;
  restore: (row: Row) => void;
}

/** The last column of every soft-deleting list: edit and delete, or restore once deleted. */
export function rowActionsColumn<Row>(
  t: TFunction,
  testPrefix: string,
  actions: RowActionHandlers<Row>,
  isDeleted: (row: Row) => boolean,
): ColumnDef<Row, unknown> {
  return {
    id: 'actions',
    header: '',
    meta: { fixed: true, align: 'right', width: 96, label: t('common.actions') },
    cell: ({ row }) => (
      <RowActions
        testPrefix={testPrefix}
        deleted={isDeleted(row.original)}
        canEdit={actions.canEdit ?? true}
        canDelete={actions.canDelete}
        canRestore={actions.canRestore ?? actions.canDelete}
        onEdit={() => actions.openEdit(row.original)}
        onDelete={() => actions.askDelete(row.original)}
        onRestore={() => actions.restore(row.original)}
      />
    ),
  };
}
