import { Grid, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconCalendar } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dateInZone } from '../../../src-shared/format/date';
import { formatRupiah } from '../../../src-shared/format/money';
import { transactionCreateInput, type TransactionRow } from '../../../src-shared/schemas/transaction';
import type { ApiError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { CustomerSelect, type CustomerOption } from '../../components/CustomerSelect';
import { MoneyInput } from '../../components/MoneyInput';
import { notifyError, notifySuccess } from '../../components/notify';
import { applyServerIssues, zodValidator } from '../../forms/validation';
import { useSession } from '../../session/context';
import { CHANNELS, salesChannelText } from './channels';
import { itemsTotal, toTransactionInput, transactionValues, type TransactionValues } from './transactionForm';
import { TransactionItemsEditor } from './TransactionItemsEditor';
import { requiredMark } from '../../forms/requiredMark';
import { FormActions } from '../../../src-ui/components/FormActions';

interface Props {
  opened: boolean;
  transaction: TransactionRow | null;
  /** Prefilled customer for a new transaction (from the customer's page), or the row's customer. */
  customer: CustomerOption | null;
  onClose: () => void;
}

export function TransactionFormModal({ opened, transaction, customer, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={transaction ? t('transactions.editTitle') : t('transactions.addTitle')} size="xl">
      <TransactionForm transaction={transaction} customer={customer} onClose={onClose} />
    </Modal>
  );
}

const validate = zodValidator<TransactionValues>(transactionCreateInput, toTransactionInput);

function TransactionForm({ transaction, customer, onClose }: Omit<Props, 'opened'>) {
  const { t, i18n } = useTranslation();
  const { status } = useSession();
  const today = dateInZone(new Date(), status.business?.timezone);
  const form = useForm<TransactionValues>({
    initialValues: transactionValues(transaction, customer?.value ?? null, today),
    validate,
    validateInputOnBlur: true,
  });
  // A new sale starts on the shop's usual channel (the counter when it has none yet), unless the
  // owner has already picked one; an edited sale keeps its own.
  const usual = useApiQuery('transactions.usualChannel', {}, { enabled: !transaction }).data?.channel;
  useEffect(() => {
    if (usual && !form.isTouched('channel') && form.getValues().channel === null) form.setFieldValue('channel', usual);
  }, [usual]); // once, when the usual channel arrives

  const options = {
    invalidates: ['transactions', 'customers'],
    silent: true,
    onSuccess: () => {
      notifySuccess(t(transaction ? 'transactions.updated' : 'transactions.created'));
      onClose();
    },
    onError: (error: ApiError) => {
      applyServerIssues(form, error);
      notifyError(error);
    },
  };
  const create = useApiMutation('transactions.create', options);
  const update = useApiMutation('transactions.update', options);
  const saving = create.isPending || update.isPending;

  const save = (values: TransactionValues) => {
    const input = toTransactionInput(values);
    if (transaction) update.mutate({ ...input, id: transaction.id });
    else create.mutate(input);
  };
  const total = form.values.mode === 'items' ? itemsTotal(form.values.items) : form.values.amount === '' ? 0 : form.values.amount;
  const channels = CHANNELS.map((channel) => ({ value: channel, label: salesChannelText(channel, i18n.language === 'en' ? 'en' : 'id') }));

  return (
    <form onSubmit={form.onSubmit(save)} noValidate>
      <Stack gap="md">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <CustomerSelect
              label={t('transactions.customer')}
              placeholder={t('transactions.customerPlaceholder')}
              {...requiredMark}
              initialOption={customer}
              {...form.getInputProps('customer_id')}
              value={form.values.customer_id}
              onChange={(id) => form.setFieldValue('customer_id', id)}
              data-testid="transaction-customer"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <DatePickerInput
              label={t('transactions.date')}
              valueFormat="DD/MM/YYYY"
              {...requiredMark}
              leftSection={<IconCalendar size={16} />}
              {...form.getInputProps('transaction_date')}
              data-testid="transaction-date"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <Select label={t('transactions.channel')} data={channels} clearable {...form.getInputProps('channel')} data-testid="transaction-channel" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('transactions.invoice')} {...form.getInputProps('invoice_no')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('transactions.campaign')} placeholder="UMR_NOV_2026_HEMAT" {...form.getInputProps('campaign_code')} />
          </Grid.Col>
        </Grid>
        <SegmentedControl
          value={form.values.mode}
          onChange={(mode) => form.setFieldValue('mode', mode as TransactionValues['mode'])}
          data={[
            { value: 'amount', label: t('transactions.modeAmount') },
            { value: 'items', label: t('transactions.modeItems') },
          ]}
          w="fit-content"
          data-testid="transaction-mode"
        />
        {form.values.mode === 'amount' ? (
          <MoneyInput label={t('transactions.amount')} {...requiredMark} w={260} {...form.getInputProps('amount')} />
        ) : (
          <TransactionItemsEditor form={form} />
        )}
        <Textarea label={t('transactions.notes')} autosize minRows={2} maxRows={5} {...form.getInputProps('notes')} />
        <Group justify="space-between" gap="sm">
          <Group gap="xs">
            <Text c="dimmed">{t('transactions.computedTotal')}</Text>
            <Text fw={700} size="xl" className="sma-num" data-testid="transaction-total">
              {formatRupiah(total)}
            </Text>
          </Group>
          <FormActions loading={saving} onCancel={onClose} cancelDisabled={saving} testId="transaction-save" />
        </Group>
      </Stack>
    </form>
  );
}
