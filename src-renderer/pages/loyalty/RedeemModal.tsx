import { Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { formatRupiah } from '../../../src-shared/format/money';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { applyServerIssues } from '../../forms/validation';
import { useSession } from '../../session/context';
import { FormActions } from '../../../src-ui/components/FormActions';

/** Redeem points, on one of the customer's recent sales or on none; the server checks the staff limit and the balance again. */
export function RedeemModal({ customer, spendable, onClose }: { customer: { id: string; name: string }; spendable: number; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const settings = useApiQuery('settings.get', {});
  const sales = useApiQuery('transactions.list', { customerId: customer.id, pageSize: 20, sort: 'transaction_date', desc: true });
  const form = useForm<{ points: number | ''; transactionId: string | null }>({ initialValues: { points: '', transactionId: null } });
  const rules = settings.data?.loyalty;
  const redeem = useApiMutation('loyalty.redeem', {
    invalidates: ['loyalty'],
    silent: true,
    onSuccess: (result) => {
      notifySuccess(t('loyalty.redeemDone', { points: form.values.points, value: formatRupiah(result.value) }));
      onClose();
    },
    onError: (error) => {
      if (!applyServerIssues(form, error)) form.setFieldError('points', error.message);
    },
  });
  const points = typeof form.values.points === 'number' ? form.values.points : 0;
  const isStaff = session.status.user?.role === 'staff';

  return (
    <Modal opened onClose={onClose} title={t('loyalty.redeemTitleModal', { name: customer.name })}>
      <form
        onSubmit={form.onSubmit((values) => {
          if (values.points !== '') redeem.mutate({ customerId: customer.id, points: values.points, transactionId: values.transactionId });
        })}
        noValidate
      >
        <Stack gap="md">
          <NumberInput
            label={t('loyalty.redeemPoints')}
            min={1}
            allowDecimal={false}
            data-autofocus
            {...form.getInputProps('points')}
            data-testid="redeem-points"
          />
          <Select
            label={t('loyalty.redeemSale')}
            placeholder={t('loyalty.redeemSaleNone')}
            clearable
            data={(sales.data?.rows ?? []).map((s) => ({
              value: s.id,
              label: `${formatDate(s.transaction_date)} · ${s.invoice_no ?? '—'} · ${formatRupiah(s.amount)}`,
            }))}
            {...form.getInputProps('transactionId')}
            data-testid="redeem-sale"
          />
          {rules && (
            <Text size="sm" c="dimmed" data-testid="redeem-value">
              {t('loyalty.redeemValueLine', { value: formatRupiah(points * rules.redeemValue), points: spendable })}
              {isStaff ? ` ${t('loyalty.redeemStaffLine', { limit: rules.staffRedeemLimit })}` : ''}
            </Text>
          )}
          <FormActions submitLabel={t('loyalty.redeemConfirm')} loading={redeem.isPending} disabled={points <= 0} onCancel={onClose} testId="redeem-confirm" />
        </Stack>
      </form>
    </Modal>
  );
}
