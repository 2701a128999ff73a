import { Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { adjustInput } from '../../../src-shared/schemas/loyalty';
import { useApiMutation } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { applyServerIssues, zodValidator } from '../../forms/validation';
import { FormActions } from '../../../src-ui/components/FormActions';

/** A correction of a customer's points with its reason (owners and managers; kept in the activity log). */
export function AdjustModal({ customer, onClose }: { customer: { id: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<{ customerId: string; points: number | ''; reason: string }>({
    initialValues: { customerId: customer.id, points: '', reason: '' },
    validate: zodValidator(adjustInput),
  });
  const adjust = useApiMutation('loyalty.adjust', {
    invalidates: ['loyalty'],
    silent: true,
    onSuccess: (result) => {
      notifySuccess(t('loyalty.adjustDone', { balance: result.balance }));
      onClose();
    },
    onError: (error) => {
      if (!applyServerIssues(form, error)) form.setFieldError('points', error.message);
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('loyalty.adjustTitle', { name: customer.name })}>
      <form
        onSubmit={form.onSubmit((values) => {
          if (values.points !== '') adjust.mutate({ customerId: customer.id, points: values.points, reason: values.reason });
        })}
        noValidate
      >
        <Stack gap="md">
          <NumberInput label={t('loyalty.adjustPoints')} allowDecimal={false} data-autofocus {...form.getInputProps('points')} data-testid="adjust-points" />
          <TextInput
            label={t('loyalty.adjustReason')}
            description={t('loyalty.adjustReasonHint')}
            maxLength={200}
            {...form.getInputProps('reason')}
            data-testid="adjust-reason"
          />
          <FormActions loading={adjust.isPending} onCancel={onClose} testId="adjust-confirm" />
        </Stack>
      </form>
    </Modal>
  );
}
