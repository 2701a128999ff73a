import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadRow } from '../../../src-shared/schemas/lead';
import { useApiMutation } from '../../api/hooks';
import { ConfirmModal } from '../../../src-ui/components/ConfirmModal';
import { notifySuccess } from '../../components/notify';
import { useCan } from '../../session/usePermission';
import { LeadFormModal } from './LeadFormModal';

type Editing = { mode: 'create' } | { mode: 'edit'; lead: LeadRow } | null;

/** Add, edit, delete and restore a lead, with their modals; used by the list, the board and the lead page. */
export function useLeadActions(options: { onDeleted?: () => void } = {}) {
  const { t } = useTranslation();
  const can = useCan();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<LeadRow | null>(null);
  const remove = useApiMutation('leads.delete', {
    invalidates: ['leads', 'followUps'],
    onSuccess: () => {
      if (deleting) notifySuccess(t('leads.deletedMsg', { name: deleting.name }));
      setDeleting(null);
      options.onDeleted?.();
    },
  });
  const restore = useApiMutation('leads.restore', { invalidates: ['leads', 'followUps'] });

  const modals = (
    <>
      <LeadFormModal opened={editing !== null} lead={editing?.mode === 'edit' ? editing.lead : null} onClose={() => setEditing(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('leads.deleteTitle')}
        message={t('leads.deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </>
  );

  const canDelete = can('leads.delete');
  const canRestore = can('leads.restore');
  const { mutate: restoreMutate } = restore;
  const actions = useMemo(
    () => ({
      canDelete,
      canRestore,
      openCreate: () => setEditing({ mode: 'create' }),
      openEdit: (lead: LeadRow) => setEditing({ mode: 'edit', lead }),
      askDelete: (lead: LeadRow) => setDeleting(lead),
      restore: (lead: LeadRow) => restoreMutate({ id: lead.id }, { onSuccess: () => notifySuccess(t('leads.restoredMsg', { name: lead.name })) }),
    }),
    [canDelete, canRestore, restoreMutate, t],
  );
  return { modals, actions };
}

export type LeadActions = ReturnType<typeof useLeadActions>['actions'];
