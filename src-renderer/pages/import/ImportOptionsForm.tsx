import { Divider, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportOptions } from '../../../src-shared/schemas/import';
import { OptionCheckbox, OptionRadios } from './OptionChoices';
import { setOptions, type WizardState } from './wizardStore';

/** Duplicate policy, returns and amount unit (transactions), and strict mode. */
export function ImportOptionsForm({ wizard }: { wizard: WizardState }) {
  const { t } = useTranslation();
  const { options, kind } = wizard;
  const disabled = Boolean(wizard.run || wizard.busy);
  const strictBox = (
    <OptionCheckbox
      checked={options.strict}
      onChange={(strict) => setOptions({ strict })}
      disabled={disabled}
      label={t('import.mapping.strict')}
      description={t('import.mapping.strictHint')}
      testId="import-opt-strict"
    />
  );

  return (
    <Stack gap="md">
      <Divider label={t('import.mapping.options')} labelPosition="left" styles={{ label: { fontWeight: 700, fontSize: 'var(--mantine-font-size-sm)' } }} />
      <SimpleGrid cols={{ base: 1, md: kind === 'transactions' ? 3 : 2 }} spacing="xl" verticalSpacing="lg">
        <OptionRadios
          label={t('import.mapping.duplicate')}
          description={t(`import.mapping.duplicateHint.${kind}`)}
          value={options.onDuplicate}
          onChange={(value) => setOptions({ onDuplicate: value as ImportOptions['onDuplicate'] })}
          disabled={disabled}
          testId="import-opt-duplicate"
          choices={[
            { value: 'skip', label: t('import.mapping.dupSkip'), testId: 'import-dup-skip' },
            { value: 'update', label: t('import.mapping.dupUpdate'), testId: 'import-dup-update' },
            { value: 'stop', label: t('import.mapping.dupStop'), testId: 'import-dup-stop' },
          ]}
        />
        {kind === 'transactions' && (
          <OptionRadios
            label={t('import.mapping.cancellations')}
            description={t(options.preset ? 'import.preset.returnsHint' : 'import.mapping.cancellationsHint')}
            value={options.cancellations}
            onChange={(value) => setOptions({ cancellations: value as ImportOptions['cancellations'] })}
            disabled={disabled}
            testId="import-opt-cancellations"
            choices={[
              { value: 'exclude', label: t('import.mapping.cancelExclude'), testId: 'import-cancel-exclude' },
              { value: 'returns', label: t('import.mapping.cancelReturns'), testId: 'import-cancel-returns' },
            ]}
          />
        )}
        {kind === 'transactions' && (
          <OptionRadios
            label={t('import.mapping.amountUnit')}
            description={t('import.mapping.amountUnitHint')}
            value={String(options.amountMultiplier)}
            onChange={(value) => setOptions({ amountMultiplier: value === '100' ? 100 : 1 })}
            disabled={disabled}
            testId="import-opt-unit"
            choices={[
              { value: '1', label: t('import.mapping.unitRupiah'), testId: 'import-unit-1' },
              { value: '100', label: t('import.mapping.unitCents'), testId: 'import-unit-100' },
            ]}
          />
        )}
        {/* A leads import is always all or nothing (kinds/leads.ts): no choice to offer. */}
        {kind !== 'transactions' && kind !== 'leads' && strictBox}
        {kind === 'leads' && (
          <Text size="sm" c="dimmed" data-testid="import-leads-whole">
            {t('import.mapping.leadsWhole')}
          </Text>
        )}
      </SimpleGrid>
      {kind === 'transactions' && options.preset && (wizard.inspect?.presetKind !== 'till' || wizard.inspect.presetInProgress) && (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xl" verticalSpacing="lg" data-testid="import-preset-options">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('import.preset.rules')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('import.preset.rulesList')}
            </Text>
          </Stack>
          <OptionRadios
            label={t('import.preset.inProgress')}
            description={t('import.preset.inProgressHint')}
            value={options.inProgress ?? 'skip'}
            onChange={(value) => setOptions({ inProgress: value as NonNullable<ImportOptions['inProgress']> })}
            disabled={disabled}
            testId="import-opt-in-progress"
            choices={[
              { value: 'skip', label: t('import.preset.inProgressSkip'), testId: 'import-in-progress-skip' },
              { value: 'pending', label: t('import.preset.inProgressPending'), testId: 'import-in-progress-pending' },
              { value: 'sale', label: t('import.preset.inProgressSale'), testId: 'import-in-progress-sale' },
            ]}
          />
          {wizard.inspect?.presetKind !== 'till' && (
            <OptionCheckbox
              checked={options.includeShipping ?? false}
              onChange={(includeShipping) => setOptions({ includeShipping })}
              disabled={disabled}
              label={t('import.preset.shipping')}
              description={t('import.preset.shippingHint')}
              testId="import-opt-shipping"
            />
          )}
        </SimpleGrid>
      )}
      {kind === 'transactions' && strictBox}
    </Stack>
  );
}
