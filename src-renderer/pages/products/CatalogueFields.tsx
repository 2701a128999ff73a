import { Divider, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { QUOTA_STATUSES, type ProductRow, type QuotaStatus } from '../../../src-shared/schemas/product';
import { DayInput } from '../../components/DayInput';

/** The package fields the WhatsApp assistant answers from, as the form holds them. */
export interface CatalogueValues {
  assistant_offered: boolean;
  campaign_code: string;
  start_date: string | null;
  end_date: string | null;
  quota_status: QuotaStatus;
  /** One key feature a line, as the owner types them. */
  features: string;
  image_url: string;
  brochure_url: string;
}

export const catalogueValues = (product: ProductRow | null): CatalogueValues => ({
  assistant_offered: product?.assistant_offered ?? false,
  campaign_code: product?.campaign_code ?? '',
  start_date: product?.start_date ?? null,
  end_date: product?.end_date ?? null,
  quota_status: product?.quota_status ?? 'available',
  features: (product?.features ?? []).join('\n'),
  image_url: product?.image_url ?? '',
  brochure_url: product?.brochure_url ?? '',
});

/** The form's values in the contract's shape: blank lines of the features dropped, dates as text or none. */
export const catalogueInput = (values: CatalogueValues) => ({
  ...values,
  start_date: values.start_date ?? '',
  end_date: values.end_date ?? '',
  features: values.features
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean),
});

/** A feature's error is about its line (`features.2`): shown under the one box that holds every line. */
export function featureErrors(errors: Record<string, unknown>, lineLabel: (line: number) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(errors)) {
    const line = /^features\.(\d+)$/.exec(path);
    if (line) out.features ??= `${lineLabel(Number(line[1]) + 1)}: ${String(message)}`;
    else out[path] = message;
  }
  return out;
}

export function CatalogueFields<V extends CatalogueValues>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation();
  const offered = form.getValues().assistant_offered;
  return (
    <Stack gap="sm">
      <Divider label={t('products.catalogue.section')} labelPosition="left" styles={{ label: { fontWeight: 700, fontSize: 'var(--mantine-font-size-sm)' } }} />
      <Switch
        label={t('products.catalogue.offered')}
        description={t('products.catalogue.offeredHint')}
        {...form.getInputProps('assistant_offered', { type: 'checkbox' })}
        data-testid="product-offered"
      />
      <TextInput
        label={t('products.catalogue.code')}
        description={t('products.catalogue.codeHint')}
        placeholder={t('products.catalogue.codePlaceholder')}
        withAsterisk={offered}
        // Shown as it is saved: the code is upper-cased by the schema.
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', textTransform: 'uppercase' } }}
        {...form.getInputProps('campaign_code')}
        data-testid="product-campaign-code"
      />
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <DayInput label={t('products.catalogue.start')} clearable {...form.getInputProps('start_date')} data-testid="product-start" />
        <DayInput label={t('products.catalogue.end')} clearable {...form.getInputProps('end_date')} data-testid="product-end" />
        <Select
          label={t('products.catalogue.quota')}
          data={QUOTA_STATUSES.map((q) => ({ value: q, label: t(`products.catalogue.quotaStatus.${q}`) }))}
          allowDeselect={false}
          {...form.getInputProps('quota_status')}
          data-testid="product-quota"
        />
      </SimpleGrid>
      <Textarea
        label={t('products.catalogue.features')}
        description={t('products.catalogue.featuresHint')}
        autosize
        minRows={3}
        maxRows={8}
        {...form.getInputProps('features')}
        data-testid="product-features"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <TextInput label={t('products.catalogue.image')} placeholder="https://…/paket.jpg" {...form.getInputProps('image_url')} data-testid="product-image" />
        <TextInput
          label={t('products.catalogue.brochure')}
          placeholder="https://…/brosur.pdf"
          {...form.getInputProps('brochure_url')}
          data-testid="product-brochure"
        />
      </SimpleGrid>
      {offered && (
        <Text size="xs" c="dimmed">
          {t('products.catalogue.syncNote')}
        </Text>
      )}
    </Stack>
  );
}
