import { Button } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { ConfirmModal } from '../../../src-ui/components/ConfirmModal';
import { notifySuccess } from '../../components/notify';

/**
 * A variant's delete button and the confirmation it asks for. Apart from the card
 * (VariantCard.tsx) because deleting has its own call and question, and nothing of the edits.
 */
export function VariantDelete({ id, onDeleted }: { id: string; onDeleted: (id: string) => void }) {
  const { t } = useTranslation();
  const [askDelete, setAskDelete] = useState(false);
  const remove = useApiMutation('content.delete', {
    invalidates: ['content'],
    onSuccess: () => {
      setAskDelete(false);
      notifySuccess(t('content.variant.deleted'));
      onDeleted(id);
    },
  });
  return (
    <>
      <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setAskDelete(true)} data-testid="variant-delete">
        {t('common.delete')}
      </Button>
      <ConfirmModal
        opened={askDelete}
        title={t('content.variant.deleteTitle')}
        message={t('content.variant.deleteText')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={() => remove.mutate({ id })}
        onClose={() => setAskDelete(false)}
      />
    </>
  );
}
