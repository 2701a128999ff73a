import { Card, Skeleton, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../src-shared/format/phone';
import { businessFields, type BusinessRow } from '../../../src-shared/schemas/auth';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { BusinessFields, type BusinessFormValues } from '../../components/BusinessFields';
import { notifySuccess } from '../../components/notify';
import { ReadOnlyNote } from '../../components/ReadOnlyNote';
import { applyServerIssues, zodValidator } from '../../forms/validation';
import { useSession } from '../../session/context';
import { useCan } from '../../session/usePermission';
import { FormActions } from '../../../src-ui/components/FormActions';

export function BusinessTab() {
  const business = useApiQuery('business.get', {});
  if (!business.data) {
    return (
      <Card>
        <Stack>
          {[1, 2, 3].map((line) => (
            <Skeleton key={line} height={36} />
          ))}
        </Stack>
      </Card>
    );
  }
  return <BusinessForm business={business.data} />;
}

const TIMEZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

function toValues(business: BusinessRow): BusinessFormValues {
  const timezone = TIMEZONES.find((zone) => zone === business.timezone) ?? 'Asia/Jakarta';
  return {
    name: business.name,
    type: business.type ?? '',
    phone: formatPhone(business.phone),
    email: business.email ?? '',
    address: business.address ?? '',
    city: business.city ?? '',
    currency: 'IDR',
    timezone,
  };
}

function BusinessForm({ business }: { business: BusinessRow }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const canEdit = useCan()('business.update');
  const form = useForm<BusinessFormValues>({ initialValues: toValues(business), validate: zodValidator(businessFields), validateInputOnBlur: true });
  const save = useApiMutation('business.update', {
    invalidates: ['business'],
    onSuccess: async (saved) => {
      notifySuccess(t('business.saved'));
      form.resetDirty(toValues(saved));
      await refresh();
    },
    onError: (error) => applyServerIssues(form, error),
  });

  return (
    <Card maw={860}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="lg">
          {!canEdit && <ReadOnlyNote />}
          <BusinessFields field={(name) => form.getInputProps(name)} readOnly={!canEdit} />
          {canEdit && <FormActions loading={save.isPending} disabled={!form.isDirty()} testId="business-save" />}
        </Stack>
      </form>
    </Card>
  );
}
