import { NumberInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { adjustInput } from '../../../src-shared/schemas/loyalty';
import { zodValidator } from '../../forms/validation';
import { FormActions } from '../../../src-ui/components/FormActions';
import { PointsDialog, usePointsChange } from './PointsDialog';

/** A correction of a customer's points with its reason (owners and managers; kept in the activity log). */
export function AdjustModal({ customer, onClose }: { customer: { id: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<{ customerId: string; points: number | ''; reason: string }>({
    initialValues: { customerId: customer.id, points: '', reason: '' },
    validate: zodValidator(adjustInput),
  });
  const adjust = usePointsChange('loyalty.adjust', form, (result) => t('loyalty.adjustDone', { balance: result.balance }), onClose);
  return (
    <PointsDialog
      title={t('loyalty.adjustTitle', { name: customer.name })}
      form={form}
      onSend={(values, points) => adjust.mutate({ customerId: customer.id, points, reason: values.reason })}
      onClose={onClose}
    >
      <NumberInput label={t('loyalty.adjustPoints')} allowDecimal={false} data-autofocus {...form.getInputProps('points')} data-testid="adjust-points" />
      <TextInput
        label={t('loyalty.adjustReason')}
        description={t('loyalty.adjustReasonHint')}
        maxLength={200}
        {...form.getInputProps('reason')}
        data-testid="adjust-reason"
      />
      <FormActions loading={adjust.isPending} onCancel={onClose} testId="adjust-confirm" />
    </PointsDialog>
  );
}
