import { Group, NumberInput, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Captioned } from '../../components/Captioned';
import { methodOptions, windowOptions } from '../../components/rfm/rfmChoices';
import { WindowMonthsInput } from '../../components/rfm/WindowMonthsInput';
import { SegmentedChoice } from '../../components/SegmentedChoice';
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
        <SegmentedChoice
          value={form.values.rfmMethod}
          onChange={(method) => form.setFieldValue('rfmMethod', method)}
          options={methodOptions(t)}
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
      <Captioned label={t('rfmSettings.window')}>
        <SegmentedChoice
          value={windowMonths === null ? 'all' : 'months'}
          onChange={(choice) => form.setFieldValue('rfmWindowMonths', choice === 'all' ? null : 12)}
          options={windowOptions(t)}
          readOnly={readOnly}
          data-testid="rfm-settings-window"
        />
      </Captioned>
      {windowMonths !== null && <WindowMonthsInput {...form.getInputProps('rfmWindowMonths')} readOnly={readOnly} w={130} data-testid="rfm-settings-months" />}
    </Group>
  );
}
