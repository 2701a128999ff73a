import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { BusinessInput } from '../../src-shared/schemas/auth';
import { requiredMark } from '../forms/requiredMark';

interface Props {
  /** `form.getInputProps` for one business field, wherever the business object sits in the form. */
  field: (name: keyof BusinessInput) => GetInputPropsReturnType;
  /** Read-only for roles that may look but not change; no example placeholders then. */
  readOnly?: boolean;
}

/** The business profile inputs, shared by first-run setup and Settings. */
export function BusinessFields({ field, readOnly = false }: Props) {
  const { t } = useTranslation();
  const hint = (text: string) => (readOnly ? undefined : text);
  const timezones = [
    { value: 'Asia/Jakarta', label: t('business.tzJakarta') },
    { value: 'Asia/Makassar', label: t('business.tzMakassar') },
    { value: 'Asia/Jayapura', label: t('business.tzJayapura') },
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      <TextInput label={t('business.name')} {...requiredMark} readOnly={readOnly} {...field('name')} />
      <TextInput label={t('business.type')} placeholder={hint(t('business.typePlaceholder'))} readOnly={readOnly} {...field('type')} />
      <TextInput label={t('business.phone')} placeholder={hint('0812-3456-7890')} inputMode="tel" readOnly={readOnly} {...field('phone')} />
      <TextInput label={t('business.email')} placeholder={hint('toko@contoh.com')} type="email" readOnly={readOnly} {...field('email')} />
      <Textarea label={t('business.address')} autosize minRows={1} readOnly={readOnly} {...field('address')} />
      <TextInput label={t('business.city')} readOnly={readOnly} {...field('city')} />
      <Select label={t('business.currency')} data={[{ value: 'IDR', label: 'IDR — Rupiah' }]} allowDeselect={false} readOnly {...field('currency')} />
      <Select label={t('business.timezone')} data={timezones} allowDeselect={false} readOnly={readOnly} {...field('timezone')} />
    </SimpleGrid>
  );
}

export interface BusinessFormValues {
  name: string;
  type: string;
  phone: string;
  email: string;
  address: string;
  city: string;
  currency: 'IDR';
  timezone: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
}

export const emptyBusiness: BusinessFormValues = {
  name: '',
  type: '',
  phone: '',
  email: '',
  address: '',
  city: '',
  currency: 'IDR',
  timezone: 'Asia/Jakarta',
};
