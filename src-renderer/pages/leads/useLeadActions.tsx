import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadRow } from '../../../src-shared/schemas/lead';
import { useDeleteRestore } from '../../components/useDeleteRestore';
import { LeadFormModal } from './LeadFormModal';

type Editing = { mode: 'create' } | { mode: 'edit'; lead: LeadRow } | null;

/** Add, edit, delete and restore a lead, with their modals; used by the list, the board and the lead page. */
export function useLeadActions(options: { onDeleted?: () => void } = {}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const rows = useDeleteRestore<LeadRow>({
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
      <LeadFormModal opened={editing !== null} lead={editing?.mode === 'edit' ? editing.lead : null} onClose={() => setEditing(null)} />
      {rows.confirmModal}
    </>
  );

  const actions = useMemo(
    () => ({
      ...rows.actions,
      openCreate: () => setEditing({ mode: 'create' }),
      openEdit: (lead: LeadRow) => setEditing({ mode: 'edit', lead }),
    }),
    [rows.actions],
  );
  return { modals, actions };
}

export type LeadActions = ReturnType<typeof useLeadActions>['actions'];
