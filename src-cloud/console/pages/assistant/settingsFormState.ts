// The assistant settings form's state: the fields as typed, seeded from the saved settings with
// every secret blank (a secret is written, never read back).
import type { TFunction } from 'i18next';
import type { SettingsView } from '../../../../src-shared/cloud/assistant-schemas';

export type Provider = SettingsView['provider'];

export interface Form {
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

export function formOf(s: SettingsView | null): Form {
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

/** A secret field's placeholder: whether a saved secret is kept when the field is left empty. */
export const secretHint = (t: TFunction, has: boolean | undefined) => (has ? t('assistant.settings.secretKept') : t('assistant.settings.secretMissing'));
