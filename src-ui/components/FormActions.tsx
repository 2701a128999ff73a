import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The submit button's word: Simpan/Save unless the form does something else (Create, Redeem). */
  submitLabel?: ReactNode;
  loading: boolean;
  /** Submit refused for now (nothing changed, nothing to redeem). */
  disabled?: boolean;
  testId: string;
  /** Cancel: closes a modal, or undoes a settings form's changes. No cancel button without it. */
  onCancel?: () => void;
  cancelDisabled?: boolean;
}

/**
 * The buttons at the foot of every form of both UIs, on the right: Cancel, then the form's submit.
 * One place, so the forms keep one order, one spacing and one look.
 */
export function FormActions({ submitLabel, loading, disabled, testId, onCancel, cancelDisabled }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      {onCancel && (
        <Button variant="default" onClick={onCancel} disabled={cancelDisabled}>
          {t('common.cancel')}
        </Button>
      )}
      <Button type="submit" loading={loading} disabled={disabled} data-testid={testId}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
