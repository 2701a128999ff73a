import { Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Skeleton, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../src-shared/format/money';
import { loyaltyRules, type LoyaltyRules } from '../../../src-shared/schemas/loyalty';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { MoneyInput } from '../../components/MoneyInput';
import { notifySuccess } from '../../components/notify';
import { ReadOnlyNote } from '../../components/ReadOnlyNote';
import { applyServerIssues, zodValidator } from '../../forms/validation';
import { currentLanguage } from '../../i18n';
import { useCan } from '../../session/usePermission';
import { SettingsSection } from '../settings/SettingsSection';
import { CHANNELS, channelLabel } from '../transactions/channels';
import { LoyaltyReport } from './LoyaltyReport';
import { FormActions } from '../../../src-ui/components/FormActions';

/** Settings → Points: how sales earn, when points expire, the tiers, what a point is worth; the monthly report below. */
export function LoyaltyTab() {
  const settings = useApiQuery('settings.get', {});
  const canReport = useCan()('loyalty.report');
  if (!settings.data) return <Skeleton height={320} radius="md" />;
  return (
    <Stack gap="lg" maw={880}>
      <LoyaltyForm rules={settings.data.loyalty} />
      {canReport && <LoyaltyReport />}
    </Stack>
  );
}

/** The form holds numbers as typed: an emptied expiry means "never". */
type Values = Omit<LoyaltyRules, 'expiryMonths'> & { expiryMonths: number | '' };

function LoyaltyForm({ rules }: { rules: LoyaltyRules }) {
  const { t } = useTranslation();
  const canEdit = useCan()('settings.update');
  const toRules = (v: Values): LoyaltyRules => ({ ...v, expiryMonths: v.expiryMonths === '' ? null : v.expiryMonths });
  const form = useForm<Values>({
    initialValues: { ...rules, expiryMonths: rules.expiryMonths ?? '' },
    validate: zodValidator(loyaltyRules, toRules),
    validateInputOnBlur: true,
  });
  const save = useApiMutation('settings.update', {
    invalidates: ['settings', 'loyalty'],
    onSuccess: (saved) => {
      notifySuccess(t('loyalty.saved'));
      const values: Values = { ...saved.loyalty, expiryMonths: saved.loyalty.expiryMonths ?? '' };
      form.setInitialValues(values);
      form.resetDirty(values);
    },
    // The server's paths start at the settings key; the form's at the rules.
    onError: (error) =>
      applyServerIssues(
        { setErrors: (errors) => form.setErrors(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^loyalty\./, ''), v]))) },
        error,
      ),
  });
  const v = form.values;
  const example = 250_000;
  const examplePoints = typeof v.perRupiah === 'number' && v.perRupiah > 0 ? Math.floor(example / v.perRupiah) * (v.points || 0) : 0;
  const language = currentLanguage();

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate({ loyalty: toRules(values) }))} noValidate>
      <Stack gap="lg">
        {!canEdit && <ReadOnlyNote />}
        <SettingsSection title={t('loyalty.rulesTitle')} hint={t('loyalty.rulesHint')}>
          <Stack gap="md">
            <Switch
              label={t('loyalty.enabled')}
              description={t('loyalty.enabledHint')}
              disabled={!canEdit}
              {...form.getInputProps('enabled', { type: 'checkbox' })}
              data-testid="loyalty-enabled"
            />
            <Group align="flex-start" grow>
              <NumberInput
                label={t('loyalty.points')}
                min={1}
                max={1000}
                allowDecimal={false}
                readOnly={!canEdit}
                {...form.getInputProps('points')}
                data-testid="loyalty-points"
              />
              <MoneyInput label={t('loyalty.perRupiah')} readOnly={!canEdit} {...form.getInputProps('perRupiah')} data-testid="loyalty-per-rupiah" />
              <MoneyInput
                label={t('loyalty.minTransaction')}
                description={t('loyalty.minTransactionHint')}
                readOnly={!canEdit}
                {...form.getInputProps('minTransaction')}
              />
            </Group>
            <Text size="sm" c="dimmed" data-testid="loyalty-example">
              {t('loyalty.earnExample', { amount: formatRupiah(example), points: examplePoints })}
            </Text>
            <Checkbox.Group label={t('loyalty.channels')} description={t('loyalty.channelsHint')} {...form.getInputProps('channels')}>
              <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs" spacing="xs">
                {CHANNELS.map((channel) => (
                  <Checkbox key={channel} value={channel} label={channelLabel(channel, language)} disabled={!canEdit} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Stack>
        </SettingsSection>
        <SettingsSection title={t('loyalty.expires')} hint={t('loyalty.expiryHint')}>
          <NumberInput
            label={t('loyalty.expiryMonths')}
            min={1}
            max={120}
            allowDecimal={false}
            maw={240}
            readOnly={!canEdit}
            {...form.getInputProps('expiryMonths')}
            data-testid="loyalty-expiry"
          />
        </SettingsSection>
        <SettingsSection title={t('loyalty.tiersTitle')} hint={t('loyalty.tiersHint')}>
          <Stack gap="md">
            <Select
              label={t('loyalty.tierBasis')}
              maw={320}
              allowDeselect={false}
              readOnly={!canEdit}
              data={[
                { value: 'none', label: t('loyalty.basisNone') },
                { value: 'points', label: t('loyalty.basisPoints') },
                { value: 'spend12m', label: t('loyalty.basisSpend') },
              ]}
              {...form.getInputProps('tierBasis')}
            />
            {v.tierBasis !== 'none' &&
              v.tiers.map((_, i) => (
                <Group key={i} align="flex-start" grow>
                  <TextInput
                    label={t('loyalty.tierName', { n: i + 1 })}
                    readOnly={!canEdit}
                    {...form.getInputProps(`tiers.${i}.name`)}
                    data-testid={`loyalty-tier-name-${i}`}
                  />
                  {v.tierBasis === 'spend12m' ? (
                    <MoneyInput label={t('loyalty.tierMin')} readOnly={!canEdit} {...form.getInputProps(`tiers.${i}.min`)} />
                  ) : (
                    <NumberInput
                      label={t('loyalty.tierMin')}
                      min={1}
                      allowDecimal={false}
                      thousandSeparator="."
                      decimalSeparator=","
                      readOnly={!canEdit}
                      {...form.getInputProps(`tiers.${i}.min`)}
                    />
                  )}
                </Group>
              ))}
            {form.errors.tiers && (
              <Text size="sm" c="red">
                {form.errors.tiers}
              </Text>
            )}
          </Stack>
        </SettingsSection>
        <SettingsSection title={t('loyalty.redeemTitle')} hint={t('loyalty.staffLimitHint')}>
          <Group align="flex-start" grow>
            <MoneyInput label={t('loyalty.redeemValue')} readOnly={!canEdit} {...form.getInputProps('redeemValue')} data-testid="loyalty-redeem-value" />
            <NumberInput label={t('loyalty.staffLimit')} min={0} allowDecimal={false} readOnly={!canEdit} {...form.getInputProps('staffRedeemLimit')} />
          </Group>
        </SettingsSection>
        {canEdit && (
          <Card>
            <FormActions loading={save.isPending} disabled={!form.isDirty()} testId="loyalty-save" />
          </Card>
        )}
      </Stack>
    </form>
  );
}
