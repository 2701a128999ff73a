import { Alert, Button, Group, NumberInput, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconPlayerPlay, IconRestore } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_EDGES } from '../../../src-shared/rfm/rules';
import type { Settings } from '../../../src-shared/schemas/settings';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { ReadOnlyNote } from '../../components/ReadOnlyNote';
import { applyServerIssues, zodValidator } from '../../forms/validation';
import { navigate } from '../../router';
import { useCan } from '../../session/usePermission';
import { startRun, useRfmRun } from '../rfm/runStore';
import { EdgeInputs } from './EdgeInputs';
import { rfmFormSchema, toForm, toInput, type RfmForm } from './rfmForm';
import { SegmentMapEditor } from './SegmentMapEditor';
import { SettingsSection } from './SettingsSection';

export function RfmTab() {
  const settings = useApiQuery('settings.get', {});
  if (!settings.data) return <Skeleton height={420} radius="md" />;
  return <RfmSettingsForm settings={settings.data} />;
}

function RfmSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const can = useCan();
  const canEdit = can('settings.update');
  const canRun = can('rfm.run');
  const queryClient = useQueryClient();
  const run = useRfmRun();
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
  const windowMonths = form.values.rfmWindowMonths;

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(toInput(values)))} noValidate>
      <Stack gap="lg" maw={1120}>
        {!canEdit && <ReadOnlyNote />}
        <SettingsSection title={t('rfmSettings.methodTitle')} hint={t('rfmSettings.methodHint')}>
          <Stack gap="md">
            <SegmentedControl
              value={form.values.rfmMethod}
              onChange={(value) => form.setFieldValue('rfmMethod', value as RfmForm['rfmMethod'])}
              data={[
                { value: 'fixed', label: t('rfm.method.fixed') },
                { value: 'quintile', label: t('rfm.method.quintile') },
              ]}
              readOnly={!canEdit}
              w="fit-content"
              data-testid="rfm-settings-method"
            />
            <Text size="sm" c="dimmed">
              {form.values.rfmMethod === 'fixed' ? t('rfmSettings.fixedHint') : t('rfmSettings.quintileHint')}
            </Text>
            <Group gap="sm" align="flex-end">
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('rfmSettings.window')}
                </Text>
                <SegmentedControl
                  value={windowMonths === null ? 'all' : 'months'}
                  onChange={(value) => form.setFieldValue('rfmWindowMonths', value === 'all' ? null : 12)}
                  data={[
                    { value: 'all', label: t('rfm.window.all') },
                    { value: 'months', label: t('rfm.window.last') },
                  ]}
                  readOnly={!canEdit}
                  data-testid="rfm-settings-window"
                />
              </Stack>
              {windowMonths !== null && (
                <NumberInput
                  {...form.getInputProps('rfmWindowMonths')}
                  aria-label={t('rfm.window.months')}
                  min={1}
                  max={240}
                  allowDecimal={false}
                  readOnly={!canEdit}
                  w={130}
                  rightSection={<Text size="xs" c="dimmed" pr={6}>{t('rfm.window.monthsUnit')}</Text>}
                  rightSectionWidth={48}
                  data-testid="rfm-settings-months"
                />
              )}
            </Group>
            <NumberInput
              {...form.getInputProps('clvExpectedYears')}
              label={t('rfmSettings.clvYears')}
              description={t('rfmSettings.clvYearsHint')}
              min={0.5}
              max={20}
              step={0.5}
              decimalScale={1}
              decimalSeparator=","
              readOnly={!canEdit}
              w={320}
              data-testid="rfm-settings-clv"
            />
            <NumberInput
              {...form.getInputProps('clvMonthlyDiscount')}
              label={t('clv.discountLabel')}
              description={t('clv.discountHint')}
              min={0}
              max={20}
              step={0.5}
              decimalScale={2}
              decimalSeparator=","
              suffix=" %"
              readOnly={!canEdit}
              w={320}
              data-testid="rfm-settings-discount"
            />
          </Stack>
        </SettingsSection>

        <SettingsSection title={t('rfmSettings.edgesTitle')} hint={t('rfmSettings.edgesHint')}>
          <Stack gap="md">
            <EdgeInputs form={form} measure="recencyDays" readOnly={!canEdit} />
            <EdgeInputs form={form} measure="frequency" readOnly={!canEdit} />
            <EdgeInputs form={form} measure="monetary" readOnly={!canEdit} />
            {canEdit && (
              <Group>
                <Button variant="default" size="xs" leftSection={<IconRestore size={14} />} onClick={() => form.setFieldValue('rfmEdges', DEFAULT_EDGES)} data-testid="edges-reset">
                  {t('rfmSettings.resetEdges')}
                </Button>
              </Group>
            )}
          </Stack>
        </SettingsSection>

        <SettingsSection title={t('rfmSettings.mapTitle')} hint={t('rfmSettings.mapHint')}>
          <SegmentMapEditor grid={form.values.grid} onChange={(grid) => form.setFieldValue('grid', grid)} readOnly={!canEdit} />
        </SettingsSection>

        {saved && !form.isDirty() && (
          <Alert color="teal" icon={<IconCheck size={18} />} title={t('rfmSettings.savedTitle')} withCloseButton onClose={() => setSaved(false)} data-testid="rfm-settings-saved">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('rfmSettings.savedText')}</Text>
              {canRun && (
                <Button
                  size="xs"
                  leftSection={<IconPlayerPlay size={14} />}
                  loading={run.running}
                  onClick={() => {
                    void startRun({}, queryClient);
                    navigate('rfm');
                  }}
                  data-testid="rfm-settings-run"
                >
                  {t('rfmSettings.runNow')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {canEdit && (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()} data-testid="rfm-settings-save">
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
