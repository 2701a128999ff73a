// The settings fields of the WhatsApp gateway in use: WAHA's address, session and keys, or the
// Cloud API's phone number id, version and secrets.
import { PasswordInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../src-shared/cloud/assistant-schemas';
import { secretHint, type Form } from './settingsFormState';

export function GatewayFields({ form, set, current }: { form: Form; set: (patch: Partial<Form>) => void; current: SettingsView | null }) {
  const { t } = useTranslation();
  const secret = (has: boolean | undefined) => secretHint(t, has);
  return form.provider === 'waha' ? (
    <>
      <TextInput label={t('assistant.settings.wahaBaseUrl')} value={form.wahaBaseUrl} onChange={(e) => set({ wahaBaseUrl: e.currentTarget.value })} required />
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
  );
}
