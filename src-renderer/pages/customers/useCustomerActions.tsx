import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../src-shared/schemas/customer';
import { useDeleteRestore } from '../../components/useDeleteRestore';
import { CustomerFormModal } from './CustomerFormModal';

type Editing = { mode: 'create' } | { mode: 'edit'; customer: CustomerRow } | null;

/** Add, edit, delete and restore a customer, with their modals; used by the list and the detail page. */
export function useCustomerActions(options: { onDeleted?: () => void } = {}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const rows = useDeleteRestore<CustomerRow>({
    remove: 'customers.delete',
    restore: 'customers.restore',
    invalidates: ['customers', 'transactions'],
    title: t('customers.deleteTitle'),
    message: (customer) => t('customers.deleteText', { name: customer.name }),
    deleted: (customer) => t('customers.deletedMsg', { name: customer.name }),
    restored: (customer) => t('customers.restoredMsg', { name: customer.name }),
    onDeleted: options.onDeleted,
  });

  const modals = (
    <>
      <CustomerFormModal
        opened={editing !== null}
        customer={editing?.mode === 'edit' ? editing.customer : null}
        onClose={() => setEditing(null)}
      />
      {rows.confirmModal}
    </>
  );

  const actions = useMemo(
    () => ({
      ...rows.actions,
      openCreate: () => setEditing({ mode: 'create' }),
      openEdit: (customer: CustomerRow) => setEditing({ mode: 'edit', customer }),
    }),
    [rows.actions],
  );
  return { modals, actions };
}

export type CustomerActions = ReturnType<typeof useCustomerActions>['actions'];
