import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import type { TransactionRow } from '../../../src-shared/schemas/transaction';
import { useApiMutation } from '../../api/hooks';
import type { CustomerOption } from '../../components/CustomerSelect';
import { ConfirmModal } from '../../../src-ui/components/ConfirmModal';
import { notifySuccess } from '../../components/notify';
import { useCan } from '../../session/usePermission';
import { TransactionFormModal } from './TransactionFormModal';

type Editing = { transaction: TransactionRow | null; customer: CustomerOption | null } | null;

/** Add, edit, delete and restore transactions, with their modals. */
export function useTransactionActions() {
  const { t } = useTranslation();
  const can = useCan();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<TransactionRow | null>(null);

  const remove = useApiMutation('transactions.delete', {
    invalidates: ['transactions', 'customers'],
    onSuccess: () => {
      notifySuccess(t('transactions.deletedMsg'));
      setDeleting(null);
    },
  });
  const restore = useApiMutation('transactions.restore', { invalidates: ['transactions', 'customers'] });

  const modals = (
    <>
      <TransactionFormModal
        opened={editing !== null}
        transaction={editing?.transaction ?? null}
        customer={editing?.customer ?? null}
        onClose={() => setEditing(null)}
      />
      <ConfirmModal
        opened={deleting !== null}
        title={t('transactions.deleteTitle')}
        message={t('transactions.deleteText', { label: deleting ? deleting.invoice_no ?? formatDate(deleting.transaction_date) : '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </>
  );

  const canDelete = can('transactions.delete');
  const canRestore = can('transactions.restore');
  const { mutate: restoreMutate } = restore;
  const actions = useMemo(
    () => ({
      canDelete,
      canRestore,
      openCreate: (customer: CustomerOption | null = null) => setEditing({ transaction: null, customer }),
      openEdit: (transaction: TransactionRow) =>
        setEditing({ transaction, customer: { value: transaction.customer_id, label: `${transaction.customer_name} (${transaction.customer_code})` } }),
      askDelete: (transaction: TransactionRow) => setDeleting(transaction),
      restore: (transaction: TransactionRow) => restoreMutate({ id: transaction.id }, { onSuccess: () => notifySuccess(t('transactions.restoredMsg')) }),
    }),
    [canDelete, canRestore, restoreMutate, t],
  );
  return { modals, actions };
}

export type TransactionActions = ReturnType<typeof useTransactionActions>['actions'];
