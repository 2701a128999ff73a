import type { FormErrors } from '@mantine/form';
import type { z } from 'zod';
import { settingsShape, type Settings } from '../../../src-shared/schemas/settings';
import { zodValidator } from '../../forms/validation';
import { pick } from '../../../src-shared/pick';

export interface PriceRow {
  model: string;
  input: number | '';
  output: number | '';
}

/** The AI part of Settings as the tab edits it: prices as rows, the quota's "no limit" as a switch. */
export interface AiForm {
  aiModel: string;
  aiBaseUrl: string;
  aiTimeoutSeconds: number | '';
  quotaKind: Settings['aiMonthlyQuota']['kind'];
  unlimited: boolean;
  quotaLimit: number | '';
  prices: PriceRow[];
}

const aiSchema = settingsShape.pick({ aiModel: true, aiBaseUrl: true, aiTimeoutSeconds: true, aiMonthlyQuota: true, aiPrices: true });
export type AiSettingsInput = z.input<typeof aiSchema>;

export function toForm(settings: Settings): AiForm {
  return {
    ...pick(settings, ['aiModel', 'aiBaseUrl', 'aiTimeoutSeconds']),
    quotaKind: settings.aiMonthlyQuota.kind,
    unlimited: settings.aiMonthlyQuota.limit === null,
    quotaLimit: settings.aiMonthlyQuota.limit ?? '',
    prices: Object.entries(settings.aiPrices).map(([model, price]) => ({ model, input: price.input, output: price.output })),
  };
}

// An empty box reaches the schema as "missing", so it answers "Harus berupa angka" rather than 0.
const number = (value: number | '') => (value === '' ? (undefined as unknown as number) : value);

export function toInput(form: AiForm): AiSettingsInput {
  return {
    aiModel: form.aiModel,
    aiBaseUrl: form.aiBaseUrl.trim(),
    aiTimeoutSeconds: number(form.aiTimeoutSeconds),
    aiMonthlyQuota: { kind: form.quotaKind, limit: form.unlimited ? null : number(form.quotaLimit) },
    aiPrices: Object.fromEntries(form.prices.map((row) => [row.model.trim(), { input: number(row.input), output: number(row.output) }])),
  };
}

const schemaErrors = zodValidator<AiForm>(aiSchema, toInput);

/**
 * The server's rules while typing. Prices are keyed by model in the settings, so a row's problems
 * (no name, the same model twice, a missing price) are checked here, against the row.
 */
export function validateAiForm(form: AiForm, text: { required: string; duplicate: string; number: string }): FormErrors {
  const errors: FormErrors = {};
  for (const [path, message] of Object.entries(schemaErrors(form))) {
    if (path.startsWith('aiPrices')) continue;
    errors[path === 'aiMonthlyQuota.limit' ? 'quotaLimit' : path] = message;
  }
  const seen = new Set<string>();
  form.prices.forEach((row, i) => {
    const model = row.model.trim();
    if (!model) errors[`prices.${i}.model`] = text.required;
    else if (seen.has(model)) errors[`prices.${i}.model`] = text.duplicate;
    seen.add(model);
    if (row.input === '') errors[`prices.${i}.input`] = text.number;
    if (row.output === '') errors[`prices.${i}.output`] = text.number;
  });
  return errors;
}
