// The model price rows of the assistant settings: rupiah per model, so the month's cost can be counted.
import { ActionIcon, Group, NumberInput, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Form } from './settingsFormState';

export function PriceRows({ form, set }: { form: Form; set: (patch: Partial<Form>) => void }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}
