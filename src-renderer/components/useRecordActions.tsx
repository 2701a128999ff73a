import { useMemo, useState } from 'react';
import { useDeleteRestore } from './useDeleteRestore';

/**
 * Add, edit, delete and restore one kind of record: which record the form is open on (`null`
 * while adding), plus useDeleteRestore's confirmation and undo. The page renders its own form.
 */
export function useRecordActions<Row extends { id: string }>(options: Parameters<typeof useDeleteRestore<Row>>[0]) {
  // undefined: the form is closed; null: it is open on a new record.
  const [editing, setEditing] = useState<Row | null | undefined>(undefined);
  const rows = useDeleteRestore<Row>(options);
  const actions = useMemo(() => ({ ...rows.actions, openCreate: () => setEditing(null), openEdit: (row: Row) => setEditing(row) }), [rows.actions]);
  const form = { opened: editing !== undefined, record: editing ?? null, close: () => setEditing(undefined) };
  return { form, confirmModal: rows.confirmModal, actions };
}
