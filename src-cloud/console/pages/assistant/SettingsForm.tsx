// The assistant's settings form: on/off, gateway, model and its limits, prices, and the webhook address.
import { Button, Code, Group, NumberInput, PasswordInput, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { okResponse } from '../../../../src-shared/cloud/admin-api';
import { assistantPath, type SettingsView } from '../../../../src-shared/cloud/assistant-schemas';
import { api } from '../../api/client';
import { notifySuccess } from '../../components/notify';
import { useSession } from '../../session';
import { GatewayFields } from './GatewayFields';
import { PriceRows } from './PriceRows';
import { assistantKey } from './queries';
import { formOf, secretHint, type Form, type Provider } from './settingsFormState';
import { TitledCard } from '../../components/TitledCard';

export function SettingsForm({
  businessId,
  current,
  webhookUrl,
  cloudApiWebhookUrl,
}: {
  businessId: string;
  current: SettingsView | null;
  webhookUrl: string;
  cloudApiWebhookUrl: string;
}) {
  const { t } = useTranslation();
  const { canWrite } = useSession();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>(() => formOf(current));
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const save = useMutation({
    mutationFn: () => {
      const prices = Object.fromEntries(form.prices.filter((p) => p.model.trim() && p.price !== '').map((p) => [p.model.trim(), Number(p.price)]));
      return api('PUT', assistantPath('settings', { id: businessId }), okResponse, {
        enabled: form.enabled,
        provider: form.provider,
        wahaBaseUrl: form.wahaBaseUrl.trim() || null,
        wahaSession: form.wahaSession.trim() || 'default',
        modelBaseUrl: form.modelBaseUrl.trim(),
        modelName: form.modelName.trim(),
        confidenceThreshold: Number(form.confidenceThreshold),
        monthlyTokenLimit: form.monthlyTokenLimit === '' ? null : Number(form.monthlyTokenLimit),
        modelPrices: prices,
        // Both gateways' settings go back as they are, so switching gateway loses neither.
        cloudApiPhoneNumberId: form.cloudApiPhoneNumberId.trim() || null,
        cloudApiVersion: form.cloudApiVersion.trim() || 'v25.0',
        ...(current && { cloudApiBaseUrl: current.cloudApiBaseUrl }),
        // A secret left empty keeps the stored one.
        ...(form.wahaApiKey && { wahaApiKey: form.wahaApiKey }),
        ...(form.webhookHmacKey && { webhookHmacKey: form.webhookHmacKey }),
        ...(form.modelApiKey && { modelApiKey: form.modelApiKey }),
        ...(form.cloudApiAccessToken && { cloudApiAccessToken: form.cloudApiAccessToken }),
        ...(form.cloudApiAppSecret && { cloudApiAppSecret: form.cloudApiAppSecret }),
        ...(form.cloudApiVerifyToken && { cloudApiVerifyToken: form.cloudApiVerifyToken }),
      });
    },
    onSuccess: () => {
      notifySuccess(t('assistant.settings.saved'));
      void queryClient.invalidateQueries({ queryKey: assistantKey(businessId) });
      void queryClient.invalidateQueries({ queryKey: ['assistant', 'overview'] });
    },
  });
  const secret = (has: boolean | undefined) => secretHint(t, has);
  const waha = form.provider === 'waha';

  return (
    <TitledCard title={t('assistant.settings.title')}>
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          <Switch
            label={t('assistant.settings.enabled')}
            checked={form.enabled}
            onChange={(e) => set({ enabled: e.currentTarget.checked })}
            data-testid="settings-enabled"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="assistant-provider-label">
              {t('assistant.settings.provider')}
            </Text>
            <SegmentedControl
              aria-labelledby="assistant-provider-label"
              value={form.provider}
              onChange={(v) => set({ provider: v as Provider })}
              data={[
                { value: 'waha', label: t('assistant.settings.providerWaha') },
                { value: 'cloud_api', label: t('assistant.settings.providerCloudApi') },
              ]}
              data-testid="settings-provider"
            />
          </Stack>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <GatewayFields form={form} set={set} current={current} />
            <TextInput
              label={t('assistant.settings.modelBaseUrl')}
              value={form.modelBaseUrl}
              onChange={(e) => set({ modelBaseUrl: e.currentTarget.value })}
              required
            />
            <TextInput label={t('assistant.settings.modelName')} value={form.modelName} onChange={(e) => set({ modelName: e.currentTarget.value })} required />
            <PasswordInput
              label={t('assistant.settings.modelApiKey')}
              placeholder={secret(current?.hasModelApiKey)}
              value={form.modelApiKey}
              onChange={(e) => set({ modelApiKey: e.currentTarget.value })}
              autoComplete="off"
            />
            <NumberInput
              label={t('assistant.settings.confidenceThreshold')}
              value={form.confidenceThreshold}
              onChange={(v) => set({ confidenceThreshold: v })}
              min={0}
              max={1}
              step={0.05}
              decimalScale={2}
              decimalSeparator=","
            />
            <NumberInput
              label={t('assistant.settings.monthlyTokenLimit')}
              value={form.monthlyTokenLimit}
              onChange={(v) => set({ monthlyTokenLimit: v })}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator="."
              decimalSeparator=","
            />
          </SimpleGrid>
          <Text fw={600} size="sm">
            {t('assistant.settings.prices')}
          </Text>
          <PriceRows form={form} set={set} />
          <Group justify="space-between">
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} />}
              onClick={() => set({ prices: [...form.prices, { model: form.prices.length ? '' : form.modelName, price: '' }] })}
              data-testid="price-add"
            >
              {t('assistant.settings.addPrice')}
            </Button>
            {canWrite && (
              <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="settings-save">
                {t('assistant.settings.save')}
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed" data-testid="settings-webhook">
            {waha ? t('assistant.settings.webhook') : t('assistant.settings.cloudApiWebhook')}: <Code>{waha ? webhookUrl : cloudApiWebhookUrl}</Code>
          </Text>
        </Stack>
      </fieldset>
    </TitledCard>
  );
}
