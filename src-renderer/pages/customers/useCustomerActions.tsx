import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../src-shared/schemas/customer';
import { useRecordActions } from '../../components/useRecordActions';
import { CustomerFormModal } from './CustomerFormModal';

/** Add, edit, delete and restore a customer, with their modals; used by the list and the detail page. */
export function useCustomerActions(options: { onDeleted?: () => void } = {}) {
  const { t } = useTranslation();
  const { form, confirmModal, actions } = useRecordActions<CustomerRow>({
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
      <CustomerFormModal opened={form.opened} customer={form.record} onClose={form.close} />
      {confirmModal}
    </>
  );
  return { modals, actions };
}

export type CustomerActions = ReturnType<typeof useCustomerActions>['actions'];
