import { useTranslation } from 'react-i18next';
import type { LeadRow } from '../../../src-shared/schemas/lead';
import { useRecordActions } from '../../components/useRecordActions';
import { LeadFormModal } from './LeadFormModal';

/** Add, edit, delete and restore a lead, with their modals; used by the list, the board and the lead page. */
export function useLeadActions(options: { onDeleted?: () => void } = {}) {
  const { t } = useTranslation();
  const { form, confirmModal, actions } = useRecordActions<LeadRow>({
    remove: 'leads.delete',
    restore: 'leads.restore',
    invalidates: ['leads', 'followUps'],
    title: t('leads.deleteTitle'),
    message: (lead) => t('leads.deleteText', { name: lead.name }),
    deleted: (lead) => t('leads.deletedMsg', { name: lead.name }),
    restored: (lead) => t('leads.restoredMsg', { name: lead.name }),
    onDeleted: options.onDeleted,
  });
  const modals = (
    <>
      <LeadFormModal opened={form.opened} lead={form.record} onClose={form.close} />
      {confirmModal}
    </>
  );
  return { modals, actions };
}

export type LeadActions = ReturnType<typeof useLeadActions>['actions'];
