import { Button, Group, Skeleton, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_EDGES } from '../../../src-shared/rfm/rules';
import type { Settings } from '../../../src-shared/schemas/settings';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { ReadOnlyNote } from '../../components/ReadOnlyNote';
import { applyServerIssues, zodValidator } from '../../forms/validation';
import { useCan } from '../../session/usePermission';
import { EdgeInputs } from './EdgeInputs';
import { rfmFormSchema, toForm, toInput, type RfmForm } from './rfmForm';
import { RfmMethodSection } from './RfmMethodSection';
import { RfmSavedAlert } from './RfmSavedAlert';
import { SegmentMapEditor } from './SegmentMapEditor';
import { SettingsSection } from './SettingsSection';
import { FormActions } from '../../../src-ui/components/FormActions';

export function RfmTab() {
  const settings = useApiQuery('settings.get', {});
  if (!settings.data) return <Skeleton height={420} radius="md" />;
  return <RfmSettingsForm settings={settings.data} />;
}

function RfmSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const can = useCan();
  const canEdit = can('settings.update');
  const [saved, setSaved] = useState(false);
  const form = useForm<RfmForm>({ initialValues: toForm(settings), validate: zodValidator(rfmFormSchema, toInput), validateInputOnBlur: true });
  const save = useApiMutation('settings.update', {
    invalidates: ['settings', 'dashboard'],
    onSuccess: (next) => {
      notifySuccess(t('rfmSettings.saved'));
      form.setInitialValues(toForm(next));
      form.resetDirty(toForm(next));
      setSaved(true);
    },
    onError: (error) => applyServerIssues(form, error),
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(toInput(values)))} noValidate>
      <Stack gap="lg" maw={1120}>
        {!canEdit && <ReadOnlyNote />}
        <RfmMethodSection form={form} readOnly={!canEdit} />

        <SettingsSection title={t('rfmSettings.edgesTitle')} hint={t('rfmSettings.edgesHint')}>
          <Stack gap="md">
            <EdgeInputs form={form} measure="recencyDays" readOnly={!canEdit} />
            <EdgeInputs form={form} measure="frequency" readOnly={!canEdit} />
            <EdgeInputs form={form} measure="monetary" readOnly={!canEdit} />
            {canEdit && (
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconRestore size={14} />}
                  onClick={() => form.setFieldValue('rfmEdges', DEFAULT_EDGES)}
                  data-testid="edges-reset"
                >
                  {t('rfmSettings.resetEdges')}
                </Button>
              </Group>
            )}
          </Stack>
        </SettingsSection>

        <SettingsSection title={t('rfmSettings.mapTitle')} hint={t('rfmSettings.mapHint')}>
          <SegmentMapEditor grid={form.values.grid} onChange={(grid) => form.setFieldValue('grid', grid)} readOnly={!canEdit} />
        </SettingsSection>

        {saved && !form.isDirty() && <RfmSavedAlert onClose={() => setSaved(false)} />}
        {canEdit && (
          <FormActions
            loading={save.isPending}
            disabled={!form.isDirty()}
            onCancel={() => form.reset()}
            cancelDisabled={!form.isDirty()}
            testId="rfm-settings-save"
          />
        )}
      </Stack>
    </form>
  );
}
