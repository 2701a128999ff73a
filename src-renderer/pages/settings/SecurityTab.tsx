import { Card, NumberInput, Skeleton, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { settingsShape, type Settings } from '../../../src-shared/schemas/settings';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { ReadOnlyNote } from '../../components/ReadOnlyNote';
import { applyServerIssues, zodValidator } from '../../forms/validation';
import { useSession } from '../../session/context';
import { useCan } from '../../session/usePermission';
import { FormActions } from '../../../src-ui/components/FormActions';

export function SecurityTab() {
  const settings = useApiQuery('settings.get', {});
  if (!settings.data) {
    return (
      <Card maw={560}>
        <Skeleton height={80} />
      </Card>
    );
  }
  return <SecurityForm settings={settings.data} />;
}

function SecurityForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const canEdit = useCan()('settings.update');
  const form = useForm<Settings>({ initialValues: settings, validate: zodValidator(settingsShape), validateInputOnBlur: true });
  const save = useApiMutation('settings.update', {
    invalidates: ['settings'],
    onSuccess: async (saved) => {
      notifySuccess(t('settings.securitySaved'));
      form.resetDirty(saved);
      // The idle-lock timer reads its minutes from app status.
      await refresh();
    },
    onError: (error) => applyServerIssues(form, error),
  });

  return (
    <Card maw={560}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="md">
          {!canEdit && <ReadOnlyNote />}
          <NumberInput
            label={t('settings.idleLock')}
            description={t('settings.idleLockHint')}
            min={1}
            max={240}
            allowDecimal={false}
            readOnly={!canEdit}
            {...form.getInputProps('idleLockMinutes')}
          />
          <NumberInput
            label={t('settings.sessionHours')}
            description={t('settings.sessionHoursHint')}
            min={1}
            max={720}
            allowDecimal={false}
            readOnly={!canEdit}
            {...form.getInputProps('sessionHours')}
          />
          {canEdit && <FormActions loading={save.isPending} disabled={!form.isDirty()} testId="security-save" />}
        </Stack>
      </form>
    </Card>
  );
}
