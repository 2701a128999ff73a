import { Checkbox, Divider, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportOptions } from '../../../src-shared/schemas/import';
import { setOptions, type WizardState } from './wizardStore';

/** Duplicate policy, returns and amount unit (transactions), and strict mode. */
export function ImportOptionsForm({ wizard }: { wizard: WizardState }) {
  const { t } = useTranslation();
  const { options, kind } = wizard;
  const disabled = Boolean(wizard.run || wizard.busy);
  const strictBox = (
    <Checkbox
      checked={options.strict}
      onChange={(event) => setOptions({ strict: event.currentTarget.checked })}
      disabled={disabled}
      label={<Text size="sm" fw={500}>{t('import.mapping.strict')}</Text>}
      description={t('import.mapping.strictHint')}
      data-testid="import-opt-strict"
    />
  );

  return (
    <Stack gap="md">
      <Divider label={t('import.mapping.options')} labelPosition="left" styles={{ label: { fontWeight: 700, fontSize: 'var(--mantine-font-size-sm)' } }} />
      <SimpleGrid cols={{ base: 1, md: kind === 'transactions' ? 3 : 2 }} spacing="xl" verticalSpacing="lg">
        <Radio.Group
          label={t('import.mapping.duplicate')}
          description={t(`import.mapping.duplicateHint.${kind}`)}
          value={options.onDuplicate}
          onChange={(value) => setOptions({ onDuplicate: value as ImportOptions['onDuplicate'] })}
          data-testid="import-opt-duplicate"
        >
          <Stack gap={6} mt="xs">
            <Radio value="skip" label={t('import.mapping.dupSkip')} disabled={disabled} data-testid="import-dup-skip" />
            <Radio value="update" label={t('import.mapping.dupUpdate')} disabled={disabled} data-testid="import-dup-update" />
            <Radio value="stop" label={t('import.mapping.dupStop')} disabled={disabled} data-testid="import-dup-stop" />
          </Stack>
        </Radio.Group>
        {kind === 'transactions' && (
          <Radio.Group
            label={t('import.mapping.cancellations')}
            description={t(options.preset ? 'import.preset.returnsHint' : 'import.mapping.cancellationsHint')}
            value={options.cancellations}
            onChange={(value) => setOptions({ cancellations: value as ImportOptions['cancellations'] })}
            data-testid="import-opt-cancellations"
          >
            <Stack gap={6} mt="xs">
              <Radio value="exclude" label={t('import.mapping.cancelExclude')} disabled={disabled} data-testid="import-cancel-exclude" />
              <Radio value="returns" label={t('import.mapping.cancelReturns')} disabled={disabled} data-testid="import-cancel-returns" />
            </Stack>
          </Radio.Group>
        )}
        {kind === 'transactions' && (
          <Radio.Group
            label={t('import.mapping.amountUnit')}
            description={t('import.mapping.amountUnitHint')}
            value={String(options.amountMultiplier)}
            onChange={(value) => setOptions({ amountMultiplier: value === '100' ? 100 : 1 })}
            data-testid="import-opt-unit"
          >
            <Stack gap={6} mt="xs">
              <Radio value="1" label={t('import.mapping.unitRupiah')} disabled={disabled} data-testid="import-unit-1" />
              <Radio value="100" label={t('import.mapping.unitCents')} disabled={disabled} data-testid="import-unit-100" />
            </Stack>
          </Radio.Group>
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
          <Radio.Group
            label={t('import.preset.inProgress')}
            description={t('import.preset.inProgressHint')}
            value={options.inProgress ?? 'skip'}
            onChange={(value) => setOptions({ inProgress: value as NonNullable<ImportOptions['inProgress']> })}
            data-testid="import-opt-in-progress"
          >
            <Stack gap={6} mt="xs">
              <Radio value="skip" label={t('import.preset.inProgressSkip')} disabled={disabled} data-testid="import-in-progress-skip" />
              <Radio value="pending" label={t('import.preset.inProgressPending')} disabled={disabled} data-testid="import-in-progress-pending" />
              <Radio value="sale" label={t('import.preset.inProgressSale')} disabled={disabled} data-testid="import-in-progress-sale" />
            </Stack>
          </Radio.Group>
          {wizard.inspect?.presetKind !== 'till' && (
            <Checkbox
              checked={options.includeShipping ?? false}
              onChange={(event) => setOptions({ includeShipping: event.currentTarget.checked })}
              disabled={disabled}
              label={<Text size="sm" fw={500}>{t('import.preset.shipping')}</Text>}
              description={t('import.preset.shippingHint')}
              data-testid="import-opt-shipping"
            />
          )}
        </SimpleGrid>
      )}
      {kind === 'transactions' && strictBox}
    </Stack>
  );
}
