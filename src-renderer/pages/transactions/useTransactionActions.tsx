import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import type { TransactionRow } from '../../../src-shared/schemas/transaction';
import type { CustomerOption } from '../../components/CustomerSelect';
import { useDeleteRestore } from '../../components/useDeleteRestore';
import { TransactionFormModal } from './TransactionFormModal';

type Editing = { transaction: TransactionRow | null; customer: CustomerOption | null } | null;

/** Add, edit, delete and restore transactions, with their modals. */
export function useTransactionActions() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const rows = useDeleteRestore<TransactionRow>({
    remove: 'transactions.delete',
    restore: 'transactions.restore',
    invalidates: ['transactions', 'customers'],
    title: t('transactions.deleteTitle'),
    message: (transaction) => t('transactions.deleteText', { label: transaction.invoice_no ?? formatDate(transaction.transaction_date) }),
    deleted: () => t('transactions.deletedMsg'),
    restored: () => t('transactions.restoredMsg'),
  });

  const modals = (
    <>
      <TransactionFormModal
        opened={editing !== null}
        transaction={editing?.transaction ?? null}
        customer={editing?.customer ?? null}
        onClose={() => setEditing(null)}
      />
      {rows.confirmModal}
    </>
  );

  const actions = useMemo(
    () => ({
      ...rows.actions,
      openCreate: (customer: CustomerOption | null = null) => setEditing({ transaction: null, customer }),
      openEdit: (transaction: TransactionRow) =>
        setEditing({ transaction, customer: { value: transaction.customer_id, label: `${transaction.customer_name} (${transaction.customer_code})` } }),
    }),
    [rows.actions],
  );
  return { modals, actions };
}

export type TransactionActions = ReturnType<typeof useTransactionActions>['actions'];
