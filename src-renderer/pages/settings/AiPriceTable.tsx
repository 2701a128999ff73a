import { Button, Group, NumberInput, Table, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { RemoveRowButton } from '../../../src-ui/components/RemoveRowButton';
import { useTranslation } from 'react-i18next';
import type { AiForm } from './aiForm';

/** Rupiah per million tokens for each model: what a call's cost (and a rupiah quota) is counted in. */
export function AiPriceTable({ form, readOnly }: { form: UseFormReturnType<AiForm>; readOnly: boolean }) {
  const { t } = useTranslation();
  const price = (i: number, field: 'input' | 'output') => (
    <NumberInput
      {...form.getInputProps(`prices.${i}.${field}`)}
      aria-label={t(field === 'input' ? 'aiSettings.priceInput' : 'aiSettings.priceOutput')}
      prefix="Rp "
      thousandSeparator="."
      decimalSeparator=","
      decimalScale={2}
      min={0}
      hideControls
      readOnly={readOnly}
      data-testid={`ai-price-${field}`}
    />
  );
  return (
    <>
      <Table verticalSpacing="xs" horizontalSpacing="xs" data-testid="ai-prices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('aiSettings.priceModel')}</Table.Th>
            <Table.Th>{t('aiSettings.priceInput')}</Table.Th>
            <Table.Th>{t('aiSettings.priceOutput')}</Table.Th>
            {!readOnly && <Table.Th w={40} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {form.values.prices.map((_, i) => (
            <Table.Tr key={form.key(`prices.${i}`)} data-testid="ai-price-row">
              <Table.Td>
                <TextInput
                  {...form.getInputProps(`prices.${i}.model`)}
                  aria-label={t('aiSettings.priceModel')}
                  readOnly={readOnly}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                  data-testid="ai-price-model"
                />
              </Table.Td>
              <Table.Td>{price(i, 'input')}</Table.Td>
              <Table.Td>{price(i, 'output')}</Table.Td>
              {!readOnly && (
                <Table.Td>
                  <RemoveRowButton label={t('common.delete')} onClick={() => form.removeListItem('prices', i)} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!readOnly && (
        <Group mt="xs">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('prices', { model: '', input: '', output: '' })}
            data-testid="ai-price-add"
          >
            {t('aiSettings.priceAdd')}
          </Button>
        </Group>
      )}
    </>
  );
}
