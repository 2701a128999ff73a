import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Code,
  Grid,
  Group,
  NumberInput,
  PasswordInput,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { okResponse } from '../../../../src-shared/cloud/admin-api';
import { assistantPath, type SettingsView } from '../../../assistant/console-schemas';
import { api } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { Money } from '../../../../src-ui/components/Money';
import { notifySuccess } from '../../components/notify';
import { formatCount } from '../../format';
import { useSession } from '../../session';
import { assistantKey, useAssistantSettings } from './queries';

type Spend = NonNullable<ReturnType<typeof useAssistantSettings>['data']>['spend'];

/** The assistant's settings (secrets written, never read back) and this month's AI cost against the quota. */
export function SettingsPanel({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const settings = useAssistantSettings(businessId);
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  if (settings.isPending) return <Skeleton height={400} />;
  const { settings: current, spend, webhookPath, cloudApiWebhookPath } = settings.data;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, xl: 8 }}>
        <Stack>
          {!current && (
            <Alert color="orange" variant="light">
              {t('assistant.notSetUp')}
            </Alert>
          )}
          <SettingsForm
            key={current?.updatedAt ?? 'new'}
            businessId={businessId}
            current={current}
            webhookUrl={`${window.location.origin}${webhookPath}`}
            cloudApiWebhookUrl={`${window.location.origin}${cloudApiWebhookPath}`}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, xl: 4 }}>
        <CostCard spend={spend} model={current?.modelName ?? null} />
      </Grid.Col>
    </Grid>
  );
}

export function CostCard({ spend, model }: { spend: Spend; model: string | null }) {
  const { t } = useTranslation();
  const used = spend.assistantCost + spend.laptopCost;
  return (
    <Card data-testid="assistant-cost">
      <Title order={2} size="h4" mb="sm">
        {t('assistant.cost.title')}
      </Title>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm">{t('assistant.cost.assistant')}</Text>
          <Text size="sm" className="sma-num" data-testid="cost-assistant">
            <Money amount={Math.round(spend.assistantCost)} />
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t('assistant.cost.tokens', { tokens: formatCount(spend.tokens) })}
        </Text>
        <Group justify="space-between">
          <Text size="sm">{t('assistant.cost.laptop')}</Text>
          <Text size="sm" className="sma-num">
            <Money amount={Math.round(spend.laptopCost)} />
          </Text>
        </Group>
        <Group justify="space-between">
          <Text fw={700}>{t('assistant.cost.used')}</Text>
          <Text fw={700} className="sma-num" data-testid="cost-used">
            <Money amount={Math.round(used)} /> / {spend.quota === null ? t('assistant.cost.noQuota') : <Money amount={spend.quota} />}
          </Text>
        </Group>
        {spend.quota !== null && (
          <Progress.Root>
            <Progress.Section
              value={spend.quota === 0 ? 100 : Math.min(100, (used / spend.quota) * 100)}
              color={spend.spent ? 'red' : used / Math.max(spend.quota, 1) > 0.8 ? 'orange' : 'teal'}
              aria-label={t('assistant.cost.used')}
            />
          </Progress.Root>
        )}
        {spend.spent && (
          <Alert color="red" variant="light" data-testid="cost-spent">
            {t('assistant.cost.spent')}
          </Alert>
        )}
        {model && !spend.priced && (
          <Text size="xs" c="red.9" data-testid="cost-unpriced">
            {t('assistant.cost.unpriced', { model })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('assistant.cost.quotaHint')}
        </Text>
      </Stack>
    </Card>
  );
}

type Provider = SettingsView['provider'];

interface Form {
  enabled: boolean;
  provider: Provider;
  wahaBaseUrl: string;
  wahaSession: string;
  wahaApiKey: string;
  webhookHmacKey: string;
  cloudApiPhoneNumberId: string;
  cloudApiVersion: string;
  cloudApiAccessToken: string;
  cloudApiAppSecret: string;
  cloudApiVerifyToken: string;
  modelBaseUrl: string;
  modelName: string;
  modelApiKey: string;
  confidenceThreshold: number | string;
  monthlyTokenLimit: number | string;
  prices: { model: string; price: number | string }[];
}

function formOf(s: SettingsView | null): Form {
  return {
    enabled: s?.enabled ?? false,
    provider: s?.provider ?? 'waha',
    wahaBaseUrl: s?.wahaBaseUrl ?? '',
    wahaSession: s?.wahaSession ?? 'default',
    wahaApiKey: '',
    webhookHmacKey: '',
    cloudApiPhoneNumberId: s?.cloudApiPhoneNumberId ?? '',
    cloudApiVersion: s?.cloudApiVersion ?? 'v25.0',
    cloudApiAccessToken: '',
    cloudApiAppSecret: '',
    cloudApiVerifyToken: '',
    modelBaseUrl: s?.modelBaseUrl ?? '',
    modelName: s?.modelName ?? '',
    modelApiKey: '',
    confidenceThreshold: s?.confidenceThreshold ?? 0.6,
    monthlyTokenLimit: s?.monthlyTokenLimit ?? '',
    prices: s ? Object.entries(s.modelPrices).map(([model, price]) => ({ model, price })) : [],
  };
}

function SettingsForm({
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
  const secret = (has: boolean | undefined) => (has ? t('assistant.settings.secretKept') : t('assistant.settings.secretMissing'));
  const waha = form.provider === 'waha';

  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        {t('assistant.settings.title')}
      </Title>
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
            {waha ? (
              <>
                <TextInput
                  label={t('assistant.settings.wahaBaseUrl')}
                  value={form.wahaBaseUrl}
                  onChange={(e) => set({ wahaBaseUrl: e.currentTarget.value })}
                  required
                />
                <TextInput label={t('assistant.settings.wahaSession')} value={form.wahaSession} onChange={(e) => set({ wahaSession: e.currentTarget.value })} />
                <PasswordInput
                  label={t('assistant.settings.wahaApiKey')}
                  placeholder={secret(current?.hasWahaApiKey)}
                  value={form.wahaApiKey}
                  onChange={(e) => set({ wahaApiKey: e.currentTarget.value })}
                  autoComplete="off"
                />
                <PasswordInput
                  label={t('assistant.settings.webhookHmacKey')}
                  placeholder={secret(current?.hasWebhookHmacKey)}
                  value={form.webhookHmacKey}
                  onChange={(e) => set({ webhookHmacKey: e.currentTarget.value })}
                  autoComplete="off"
                  required={!current?.hasWebhookHmacKey}
                />
              </>
            ) : (
              <>
                <TextInput
                  label={t('assistant.settings.cloudApiPhoneNumberId')}
                  value={form.cloudApiPhoneNumberId}
                  onChange={(e) => set({ cloudApiPhoneNumberId: e.currentTarget.value })}
                  inputMode="numeric"
                  required
                  data-testid="settings-cloud-phone-id"
                />
                <TextInput
                  label={t('assistant.settings.cloudApiVersion')}
                  value={form.cloudApiVersion}
                  onChange={(e) => set({ cloudApiVersion: e.currentTarget.value })}
                />
                <PasswordInput
                  label={t('assistant.settings.cloudApiAccessToken')}
                  placeholder={secret(current?.hasCloudApiAccessToken)}
                  value={form.cloudApiAccessToken}
                  onChange={(e) => set({ cloudApiAccessToken: e.currentTarget.value })}
                  autoComplete="off"
                  required={!current?.hasCloudApiAccessToken}
                />
                <PasswordInput
                  label={t('assistant.settings.cloudApiAppSecret')}
                  placeholder={secret(current?.hasCloudApiAppSecret)}
                  value={form.cloudApiAppSecret}
                  onChange={(e) => set({ cloudApiAppSecret: e.currentTarget.value })}
                  autoComplete="off"
                  required={!current?.hasCloudApiAppSecret}
                />
                <PasswordInput
                  label={t('assistant.settings.cloudApiVerifyToken')}
                  placeholder={secret(current?.hasCloudApiVerifyToken)}
                  value={form.cloudApiVerifyToken}
                  onChange={(e) => set({ cloudApiVerifyToken: e.currentTarget.value })}
                  autoComplete="off"
                  required={!current?.hasCloudApiVerifyToken}
                />
              </>
            )}
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
          {form.prices.map((p, i) => (
            <Group key={i} gap="xs" wrap="nowrap" data-testid="price-row">
              <TextInput
                aria-label={t('assistant.settings.model')}
                placeholder={t('assistant.settings.model')}
                value={p.model}
                onChange={(e) => {
                  const model = e.currentTarget.value;
                  set({ prices: form.prices.map((x, j) => (j === i ? { ...x, model } : x)) });
                }}
                style={{ flex: 2 }}
              />
              <NumberInput
                aria-label={t('assistant.settings.price')}
                placeholder={t('assistant.settings.price')}
                value={p.price}
                onChange={(price) => set({ prices: form.prices.map((x, j) => (j === i ? { ...x, price } : x)) })}
                min={0}
                decimalScale={4}
                decimalSeparator=","
                thousandSeparator="."
                prefix="Rp "
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('assistant.settings.removePrice')}
                onClick={() => set({ prices: form.prices.filter((_, j) => j !== i) })}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
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
    </Card>
  );
}
