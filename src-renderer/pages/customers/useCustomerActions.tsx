import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../src-shared/schemas/customer';
import { useApiMutation } from '../../api/hooks';
import { ConfirmModal } from '../../../src-ui/components/ConfirmModal';
import { notifySuccess } from '../../components/notify';
import { useCan } from '../../session/usePermission';
import { CustomerFormModal } from './CustomerFormModal';

type Editing = { mode: 'create' } | { mode: 'edit'; customer: CustomerRow } | null;

/** Add, edit, delete and restore a customer, with their modals; used by the list and the detail page. */
export function useCustomerActions(options: { onDeleted?: () => void } = {}) {
  const { t } = useTranslation();
  const can = useCan();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<CustomerRow | null>(null);

  const remove = useApiMutation('customers.delete', {
    invalidates: ['customers', 'transactions'],
    onSuccess: () => {
      if (deleting) notifySuccess(t('customers.deletedMsg', { name: deleting.name }));
      setDeleting(null);
      options.onDeleted?.();
    },
  });
  const restore = useApiMutation('customers.restore', { invalidates: ['customers', 'transactions'] });

  const modals = (
    <>
      <CustomerFormModal
        opened={editing !== null}
        customer={editing?.mode === 'edit' ? editing.customer : null}
        onClose={() => setEditing(null)}
      />
      <ConfirmModal
        opened={deleting !== null}
        title={t('customers.deleteTitle')}
        message={t('customers.deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </>
  );

  const canDelete = can('customers.delete');
  const canRestore = can('customers.restore');
  const { mutate: restoreMutate } = restore;
  const actions = useMemo(
    () => ({
      canDelete,
      canRestore,
      openCreate: () => setEditing({ mode: 'create' }),
      openEdit: (customer: CustomerRow) => setEditing({ mode: 'edit', customer }),
      askDelete: (customer: CustomerRow) => setDeleting(customer),
      restore: (customer: CustomerRow) =>
        restoreMutate({ id: customer.id }, { onSuccess: () => notifySuccess(t('customers.restoredMsg', { name: customer.name })) }),
    }),
    [canDelete, canRestore, restoreMutate, t],
  );

  return { modals, actions };
}

export type CustomerActions = ReturnType<typeof useCustomerActions>['actions'];
