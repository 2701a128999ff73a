import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { formatPhone } from '../../../src-shared/format/phone';
import { leadCreateInput, phoneMatchOutput, type LeadRow } from '../../../src-shared/schemas/lead';
import type { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { DayInput } from '../../components/DayInput';
import { MoneyInput } from '../../components/MoneyInput';
import { notifyError, notifySuccess } from '../../components/notify';
import { requiredMark } from '../../forms/requiredMark';
import { applyServerIssues, zodValidator } from '../../forms/validation';
import { useSession } from '../../session/context';
import { OwnerSelect } from './OwnerSelect';
import { PhoneMatchAlert } from './PhoneMatchAlert';
import { useLeadOptions } from './useLeadOptions';
import { usePhoneMatches } from './usePhoneMatches';
import { FormActions } from '../../../src-ui/components/FormActions';

interface Props {
  opened: boolean;
  /** null: a new lead. */
  lead: LeadRow | null;
  onClose: () => void;
  onSaved?: (lead: LeadRow) => void;
}

export function LeadFormModal({ opened, lead, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={lead ? t('leads.editTitle') : t('leads.addTitle')} size="xl">
      <LeadForm lead={lead} onClose={onClose} onSaved={onSaved} />
    </Modal>
  );
}

const conflictDetails = z.object({ matches: phoneMatchOutput });

function initialValues(lead: LeadRow | null, me: string | null) {
  return {
    name: lead?.name ?? '',
    organisation: lead?.organisation ?? '',
    phone: formatPhone(lead?.phone),
    email: lead?.email ?? '',
    city: lead?.city ?? '',
    channelId: lead?.channelId ?? null,
    utmSource: lead?.utmSource ?? '',
    utmMedium: lead?.utmMedium ?? '',
    campaignCode: lead?.campaignCode ?? '',
    interest: lead?.interest ?? '',
    value: (lead?.value ?? '') as number | '',
    // A new lead is the author's to follow, unless they leave it open.
    ownerId: lead ? lead.ownerId : me,
    expectedClose: lead?.expectedClose ?? null,
    notes: lead?.notes ?? '',
  };
}
type Values = ReturnType<typeof initialValues>;
const toInput = (values: Values) => ({ ...values, value: values.value === '' ? 0 : values.value, campaignCode: values.campaignCode.trim().toUpperCase() });

function LeadForm({ lead, onClose, onSaved }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const me = useSession().status.user;
  const options = useLeadOptions();
  const form = useForm<Values>({
    initialValues: initialValues(lead, me?.id ?? null),
    validate: zodValidator<Values>(leadCreateInput, toInput),
    validateInputOnBlur: true,
  });
  const [conflict, setConflict] = useState<z.infer<typeof phoneMatchOutput> | null>(null);
  const live = usePhoneMatches(form.values.phone, lead?.id);

  const done = (saved: LeadRow) => {
    notifySuccess(t(lead ? 'leads.updated' : 'leads.created', { name: saved.name, code: saved.code }));
    onSaved?.(saved);
    onClose();
  };
  const failed = (error: ApiError) => {
    const details = error.code === 'CONFLICT' ? conflictDetails.safeParse(error.details) : null;
    if (details?.success && details.data.matches.length > 0) {
      setConflict(details.data.matches);
      form.setFieldError('phone', error.message);
      return;
    }
    applyServerIssues(form, error);
    notifyError(error);
  };
  const mutationOptions = { invalidates: ['leads', 'followUps'], silent: true, onSuccess: done, onError: failed };
  const create = useApiMutation('leads.create', mutationOptions);
  const update = useApiMutation('leads.update', mutationOptions);
  const saving = create.isPending || update.isPending;

  const save = (values: Values, allowDuplicate = false) => {
    setConflict(null);
    const input = { ...toInput(values), allowDuplicate };
    if (lead) update.mutate({ ...input, id: lead.id });
    else create.mutate(input);
  };

  return (
    <form onSubmit={form.onSubmit((values) => save(values))} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput label={t('leads.name')} {...requiredMark} data-autofocus {...form.getInputProps('name')} data-testid="lead-form-name" />
          <TextInput label={t('leads.organisation')} placeholder={t('leads.organisationPlaceholder')} {...form.getInputProps('organisation')} />
          <TextInput label={t('leads.phone')} placeholder="0812-3456-7890" inputMode="tel" {...form.getInputProps('phone')} data-testid="lead-form-phone" />
          <TextInput label={t('leads.email')} placeholder="nama@contoh.com" type="email" {...form.getInputProps('email')} />
        </SimpleGrid>
        <PhoneMatchAlert matches={conflict ?? live} onSaveAnyway={conflict ? () => save(form.getValues(), true) : undefined} saving={saving} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput label={t('leads.city')} {...form.getInputProps('city')} />
          <Select
            label={t('leads.channel')}
            data={options.channelData}
            clearable
            searchable
            {...form.getInputProps('channelId')}
            data-testid="lead-form-channel"
          />
          <TextInput label={t('leads.utmSource')} placeholder="ig, tiktok, google…" {...form.getInputProps('utmSource')} />
          <TextInput label={t('leads.utmMedium')} placeholder="cpc, social…" {...form.getInputProps('utmMedium')} />
          <TextInput
            label={t('leads.campaignCode')}
            placeholder="UMR_MAR_2026_HEMAT"
            description={t('leads.campaignCodeHint')}
            ff="monospace"
            {...form.getInputProps('campaignCode')}
          />
          <TextInput label={t('leads.interest')} placeholder={t('leads.interestPlaceholder')} {...form.getInputProps('interest')} />
          <MoneyInput label={t('leads.value')} {...form.getInputProps('value')} data-testid="lead-form-value" />
          <OwnerSelect label={t('leads.owner.label')} placeholder={t('leads.owner.none')} {...form.getInputProps('ownerId')} data-testid="lead-form-owner" />
          <DayInput label={t('leads.expectedClose')} clearable {...form.getInputProps('expectedClose')} />
        </SimpleGrid>
        <Textarea label={t('leads.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        <FormActions loading={saving} onCancel={onClose} cancelDisabled={saving} testId="lead-save" />
      </Stack>
    </form>
  );
}
