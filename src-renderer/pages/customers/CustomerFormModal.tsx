import { Modal, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { formatPhone } from '../../../src-shared/format/phone';
import { customerCreateInput, duplicateMatch, type CustomerRow, type DuplicateMatch } from '../../../src-shared/schemas/customer';
import { ApiError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifyError, notifySuccess } from '../../components/notify';
import { applyServerIssues, zodValidator } from '../../forms/validation';
import { DuplicateAlert } from './DuplicateAlert';
import { useDuplicateCheck } from './useDuplicateCheck';
import { requiredMark } from '../../forms/requiredMark';
import { FormActions } from '../../../src-ui/components/FormActions';

interface Props {
  opened: boolean;
  /** null: a new customer. */
  customer: CustomerRow | null;
  onClose: () => void;
  onSaved?: (customer: CustomerRow) => void;
}

export function CustomerFormModal({ opened, customer, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={customer ? t('customers.editTitle') : t('customers.addTitle')} size="lg">
      <CustomerForm customer={customer} onClose={onClose} onSaved={onSaved} />
    </Modal>
  );
}

const conflictMatches = z.object({ duplicates: z.array(duplicateMatch) });

function initialValues(customer: CustomerRow | null) {
  return {
    code: customer?.code ?? '',
    name: customer?.name ?? '',
    phone: formatPhone(customer?.phone),
    email: customer?.email ?? '',
    address: customer?.address ?? '',
    city: customer?.city ?? '',
    tags: customer?.tags ?? [],
    notes: customer?.notes ?? '',
    source: customer?.source ?? '',
  };
}
type Values = ReturnType<typeof initialValues>;

function CustomerForm({ customer, onClose, onSaved }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: initialValues(customer),
    validate: zodValidator<Values>(customerCreateInput),
    validateInputOnBlur: true,
  });
  const [conflict, setConflict] = useState<DuplicateMatch[] | null>(null);
  const live = useDuplicateCheck(form.values.phone, form.values.email, customer?.id);
  const facets = useApiQuery('customers.facets', {}, { staleTime: 60_000 });

  const done = (saved: CustomerRow) => {
    notifySuccess(t(customer ? 'customers.updated' : 'customers.created', { name: saved.name }));
    onSaved?.(saved);
    onClose();
  };
  const failed = (error: ApiError) => {
    const matches = error.code === 'CONFLICT' ? conflictMatches.safeParse(error.details) : null;
    if (matches?.success && matches.data.duplicates.length > 0) {
      setConflict(matches.data.duplicates);
      return;
    }
    applyServerIssues(form, error);
    notifyError(error);
  };
  const options = { invalidates: ['customers', 'transactions'], silent: true, onSuccess: done, onError: failed };
  const create = useApiMutation('customers.create', options);
  const update = useApiMutation('customers.update', options);
  const saving = create.isPending || update.isPending;

  const save = (values: Values, allowDuplicate = false) => {
    setConflict(null);
    if (customer) update.mutate({ ...values, id: customer.id, allowDuplicate });
    else create.mutate({ ...values, allowDuplicate });
  };

  return (
    <form onSubmit={form.onSubmit((values) => save(values))} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput label={t('customers.name')} {...requiredMark} data-autofocus {...form.getInputProps('name')} />
          <TextInput label={t('customers.code')} placeholder={t('customers.codePlaceholder')} {...form.getInputProps('code')} />
          <TextInput label={t('customers.phone')} placeholder="0812-3456-7890" inputMode="tel" {...form.getInputProps('phone')} />
          <TextInput label={t('customers.email')} placeholder="nama@contoh.com" type="email" {...form.getInputProps('email')} />
          <TextInput label={t('customers.city')} {...form.getInputProps('city')} />
          <TextInput label={t('customers.source')} placeholder={t('customers.sourcePlaceholder')} {...form.getInputProps('source')} />
        </SimpleGrid>
        <DuplicateAlert matches={conflict ?? live} onSaveAnyway={conflict ? () => save(form.getValues(), true) : undefined} saving={saving} />
        <Textarea label={t('customers.address')} autosize minRows={2} {...form.getInputProps('address')} />
        <TagsInput
          label={t('customers.tags')}
          placeholder={t('customers.tagsPlaceholder')}
          data={facets.data?.tags ?? []}
          clearable
          {...form.getInputProps('tags')}
        />
        <Textarea label={t('customers.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        <FormActions loading={saving} onCancel={onClose} cancelDisabled={saving} testId="customer-save" />
      </Stack>
    </form>
  );
}
