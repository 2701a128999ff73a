import { NumberInput, Select, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { formatRupiah } from '../../../src-shared/format/money';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../session/context';
import { FormActions } from '../../../src-ui/components/FormActions';
import { PointsDialog, usePointsChange } from './PointsDialog';

/** Redeem points, on one of the customer's recent sales or on none; the server checks the staff limit and the balance again. */
export function RedeemModal({ customer, spendable, onClose }: { customer: { id: string; name: string }; spendable: number; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const settings = useApiQuery('settings.get', {});
  const sales = useApiQuery('transactions.list', { customerId: customer.id, pageSize: 20, sort: 'transaction_date', desc: true });
  const form = useForm<{ points: number | ''; transactionId: string | null }>({ initialValues: { points: '', transactionId: null } });
  const rules = settings.data?.loyalty;
  const redeem = usePointsChange(
    'loyalty.redeem',
    form,
    (result) => t('loyalty.redeemDone', { points: form.values.points, value: formatRupiah(result.value) }),
    onClose,
  );
  const points = typeof form.values.points === 'number' ? form.values.points : 0;
  const isStaff = session.status.user?.role === 'staff';

  return (
    <PointsDialog
      title={t('loyalty.redeemTitleModal', { name: customer.name })}
      form={form}
      onSend={(values, points) => redeem.mutate({ customerId: customer.id, points, transactionId: values.transactionId })}
      onClose={onClose}
    >
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
    </PointsDialog>
  );
}
