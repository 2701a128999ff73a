import { Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminPath, ADMIN_PATHS, createdResponse } from '../../../src-shared/cloud/admin-api';
import { type BusinessSummary } from '../../../src-shared/cloud/admin-businesses-api';
import { api } from '../api/client';
import { notifySuccess } from '../components/notify';
import { navigate } from '../router';
import { z } from 'zod';
import { FormActions } from '../../../src-ui/components/FormActions';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Editing this shop; creating a new one without it. */
  business?: BusinessSummary;
}

const blankToNull = (text: string) => (text.trim() ? text.trim() : null);

/** A shop's name, city, owner and phone: create (then open it) or edit. */
export function BusinessForm({ opened, onClose, business }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(business?.name ?? '');
  const [city, setCity] = useState(business?.city ?? '');
  const [ownerName, setOwnerName] = useState(business?.ownerName ?? '');
  const [phone, setPhone] = useState(business?.phone ?? '');
  const [touched, setTouched] = useState(false);

  const save = useMutation({
    mutationFn: async () => {
      const input = { name: name.trim(), city: blankToNull(city), ownerName: blankToNull(ownerName), phone: blankToNull(phone) };
      if (business) {
        await api('PATCH', adminPath('business', { id: business.id }), z.unknown(), input);
        return business.id;
      }
      return (await api('POST', ADMIN_PATHS.businesses, createdResponse, input)).id;
    },
    onSuccess: (id) => {
      void queryClient.invalidateQueries({ queryKey: ['businesses'] });
      notifySuccess(business ? t('businesses.form.saved') : t('businesses.form.created', { name: name.trim() }));
      onClose();
      if (!business) navigate(`/businesses/${id}`);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!name.trim()) return;
    save.mutate();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={business ? t('businesses.form.editTitle') : t('businesses.form.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('businesses.form.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            maxLength={200}
            data-autofocus
            error={touched && !name.trim() ? t('login.required') : undefined}
          />
          <TextInput label={t('businesses.form.city')} value={city} onChange={(e) => setCity(e.currentTarget.value)} maxLength={120} />
          <TextInput label={t('businesses.form.owner')} value={ownerName} onChange={(e) => setOwnerName(e.currentTarget.value)} maxLength={120} />
          <TextInput label={t('businesses.form.phone')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} maxLength={40} inputMode="tel" />
          <FormActions loading={save.isPending} onCancel={onClose} testId="business-save" />
        </Stack>
      </form>
    </Modal>
  );
}
