import { Group, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { RfmForm } from './rfmForm';
import { SettingsSection } from './SettingsSection';

/**
 * The RFM settings' first section: how customers are scored (fixed edges or quintiles), over which
 * sales (all, or the last months), and the lifetime value's horizon and monthly discount. Apart
 * from the form (RfmTab.tsx) because it is one box on screen with its own hints.
 */
export function RfmMethodSection({ form, readOnly }: { form: UseFormReturnType<RfmForm>; readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <SettingsSection title={t('rfmSettings.methodTitle')} hint={t('rfmSettings.methodHint')}>
      <Stack gap="md">
        <SegmentedControl
          value={form.values.rfmMethod}
          onChange={(value) => form.setFieldValue('rfmMethod', value as RfmForm['rfmMethod'])}
          data={[
            { value: 'fixed', label: t('rfm.method.fixed') },
            { value: 'quintile', label: t('rfm.method.quintile') },
          ]}
          readOnly={readOnly}
          w="fit-content"
          data-testid="rfm-settings-method"
        />
        <Text size="sm" c="dimmed">
          {form.values.rfmMethod === 'fixed' ? t('rfmSettings.fixedHint') : t('rfmSettings.quintileHint')}
        </Text>
        <WindowPicker form={form} readOnly={readOnly} />
        <NumberInput
          {...form.getInputProps('clvExpectedYears')}
          label={t('rfmSettings.clvYears')}
          description={t('rfmSettings.clvYearsHint')}
          min={0.5}
          max={20}
          step={0.5}
          decimalScale={1}
          decimalSeparator=","
          readOnly={readOnly}
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
          readOnly={readOnly}
          w={320}
          data-testid="rfm-settings-discount"
        />
      </Stack>
    </SettingsSection>
  );
}

/** All the sales, or only the last so many months of them. */
function WindowPicker({ form, readOnly }: { form: UseFormReturnType<RfmForm>; readOnly: boolean }) {
  const { t } = useTranslation();
  const windowMonths = form.values.rfmWindowMonths;
  return (
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
          readOnly={readOnly}
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
          readOnly={readOnly}
          w={130}
          rightSection={
            <Text size="xs" c="dimmed" pr={6}>
              {t('rfm.window.monthsUnit')}
            </Text>
          }
          rightSectionWidth={48}
          data-testid="rfm-settings-months"
        />
      )}
    </Group>
  );
}
