import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, ChannelInput } from '../../src-shared/contract';
import { ConfirmModal } from '../../src-ui/components/ConfirmModal';
import { useApiMutation } from '../api/hooks';
import { useCan } from '../session/usePermission';
import { notifySuccess } from './notify';

/** The channels that take a row's id and nothing else: delete and restore of every list. */
type ByIdChannel = { [C in Channel]: { id: string } extends ChannelInput<C> ? C : never }[Channel];

interface Options<Row> {
  remove: ByIdChannel;
  restore: ByIdChannel;
  /** Domains to refresh after either, e.g. `['customers', 'transactions']`. */
  invalidates: string[];
  title: string;
  message: (row: Row) => string;
  deleted: (row: Row) => string;
  restored: (row: Row) => string;
  onDeleted?: () => void;
}

/**
 * Delete a row after a confirmation and restore it from the undo: the confirm modal, both
 * mutations, their notices and the permissions to show them, for every list that deletes softly.
 */
export function useDeleteRestore<Row extends { id: string }>(options: Options<Row>) {
  const { t } = useTranslation();
  const can = useCan();
  const [deleting, setDeleting] = useState<Row | null>(null);
  // The texts are new functions on every render; the actions read the latest ones and stay stable.
  const latest = useRef(options);
  latest.current = options;

  const remove = useApiMutation(options.remove, {
    invalidates: options.invalidates,
    onSuccess: () => {
      if (deleting) notifySuccess(latest.current.deleted(deleting));
      setDeleting(null);
      latest.current.onDeleted?.();
    },
  });
  const restore = useApiMutation(options.restore, { invalidates: options.invalidates });

  const confirmModal = (
    <ConfirmModal
      opened={deleting !== null}
      title={options.title}
      message={deleting ? options.message(deleting) : ''}
      confirmLabel={t('common.delete')}
      loading={remove.isPending}
      onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      onClose={() => setDeleting(null)}
    />
  );

  const canDelete = can(options.remove);
  const canRestore = can(options.restore);
  const { mutate: restoreMutate } = restore;
  const actions = useMemo(
    () => ({
      canDelete,
      canRestore,
      askDelete: (row: Row) => setDeleting(row),
      restore: (row: Row) => restoreMutate({ id: row.id }, { onSuccess: () => notifySuccess(latest.current.restored(row)) }),
    }),
    [canDelete, canRestore, restoreMutate],
  );
  return { confirmModal, actions };
}
