import { Group, NumberInput, SegmentedControl, Skeleton, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../src-shared/schemas/settings';
import { validationText } from '../../../src-shared/i18n/messages';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { ReadOnlyNote } from '../../components/ReadOnlyNote';
import { UnitNumberInput } from '../../components/UnitNumberInput';
import { applyServerIssues } from '../../forms/validation';
import { currentLanguage } from '../../i18n';
import { useCan } from '../../session/usePermission';
import { AiKeyCard } from './AiKeyCard';
import { toForm, toInput, validateAiForm, type AiForm } from './aiForm';
import { AiPriceTable } from './AiPriceTable';
import { SettingsSection } from './SettingsSection';
import { FormActions } from '../../../src-ui/components/FormActions';

export function AiTab() {
  const settings = useApiQuery('settings.get', {});
  return (
    <Stack gap="lg" maw={880}>
      <AiKeyCard />
      {settings.data ? <AiSettingsForm settings={settings.data} /> : <Skeleton height={420} radius="md" />}
    </Stack>
  );
}

function AiSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const canEdit = useCan()('settings.update');
  const language = currentLanguage();
  const form = useForm<AiForm>({
    initialValues: toForm(settings),
    validate: (values) =>
      validateAiForm(values, {
        required: validationText('v.required', language),
        duplicate: t('aiSettings.priceDuplicate'),
        number: validationText('v.number', language),
      }),
    validateInputOnBlur: true,
  });
  const save = useApiMutation('settings.update', {
    invalidates: ['settings', 'content'],
    onSuccess: (next) => {
      notifySuccess(t('aiSettings.saved'));
      form.setInitialValues(toForm(next));
      form.resetDirty(toForm(next));
    },
    onError: (error) => applyServerIssues(form, error),
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(toInput(values)))} noValidate>
      <Stack gap="lg">
        {!canEdit && <ReadOnlyNote />}
        <SettingsSection title={t('aiSettings.connectionTitle')} hint={t('aiSettings.connectionHint')}>
          <Stack gap="md">
            <TextInput
              label={t('aiSettings.model')}
              description={t('aiSettings.modelHint')}
              readOnly={!canEdit}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              {...form.getInputProps('aiModel')}
              data-testid="ai-model"
            />
            <TextInput
              label={t('aiSettings.baseUrl')}
              description={t('aiSettings.baseUrlHint')}
              readOnly={!canEdit}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              {...form.getInputProps('aiBaseUrl')}
              data-testid="ai-base-url"
            />
            <UnitNumberInput
              label={t('aiSettings.timeout')}
              description={t('aiSettings.timeoutHint')}
              min={1}
              max={300}
              unit={t('aiSettings.seconds')}
              unitWidth={56}
              readOnly={!canEdit}
              w={260}
              {...form.getInputProps('aiTimeoutSeconds')}
              data-testid="ai-timeout"
            />
          </Stack>
        </SettingsSection>
        <SettingsSection title={t('aiSettings.pricesTitle')} hint={t('aiSettings.pricesHint')}>
          <AiPriceTable form={form} readOnly={!canEdit} />
        </SettingsSection>
        <SettingsSection title={t('aiSettings.quotaTitle')} hint={t('aiSettings.quotaHint')}>
          <Stack gap="md">
            <SegmentedControl
              w="fit-content"
              value={form.values.quotaKind}
              onChange={(kind) => form.setFieldValue('quotaKind', kind as AiForm['quotaKind'])}
              data={[
                { value: 'rupiah', label: t('aiSettings.quotaRupiah') },
                { value: 'tokens', label: t('aiSettings.quotaTokens') },
              ]}
              readOnly={!canEdit}
              data-testid="ai-quota-kind"
            />
            <Group align="flex-end" gap="lg">
              <NumberInput
                label={t('aiSettings.quotaLimit')}
                prefix={form.values.quotaKind === 'rupiah' ? 'Rp ' : undefined}
                suffix={form.values.quotaKind === 'tokens' ? ' token' : undefined}
                thousandSeparator="."
                decimalSeparator=","
                allowDecimal={false}
                min={0}
                hideControls
                disabled={form.values.unlimited}
                readOnly={!canEdit}
                w={260}
                {...form.getInputProps('quotaLimit')}
                data-testid="ai-quota-limit"
              />
              <Switch
                label={t('aiSettings.unlimited')}
                disabled={!canEdit}
                {...form.getInputProps('unlimited', { type: 'checkbox' })}
                mb={8}
                data-testid="ai-quota-unlimited"
              />
            </Group>
          </Stack>
        </SettingsSection>
        {canEdit && (
          <FormActions loading={save.isPending} disabled={!form.isDirty()} onCancel={() => form.reset()} cancelDisabled={!form.isDirty()} testId="ai-save" />
        )}
      </Stack>
    </form>
  );
}
