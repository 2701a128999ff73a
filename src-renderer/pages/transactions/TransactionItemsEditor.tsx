import { Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { RemoveRowButton } from '../../../src-ui/components/RemoveRowButton';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../src-shared/format/money';
import { useApiQuery } from '../../api/hooks';
import { MoneyInput } from '../../components/MoneyInput';
import { emptyItem, type TransactionValues } from './transactionForm';

/** Item lines: pick a product (fills name and price) or type a free line; the total follows. */
export function TransactionItemsEditor({ form }: { form: UseFormReturnType<TransactionValues> }) {
  const { t } = useTranslation();
  const products = useApiQuery('products.options', {}, { staleTime: 60_000 });
  const byId = new Map((products.data ?? []).map((product) => [product.id, product]));
  const productData = (products.data ?? []).map((product) => ({ value: product.id, label: `${product.name} · ${formatRupiah(product.price)}` }));
  const { items } = form.values;

  return (
    <Stack gap="xs">
      <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="28%">{t('transactions.product')}</Table.Th>
            <Table.Th>{t('transactions.itemName')}</Table.Th>
            <Table.Th w={80}>{t('transactions.qty')}</Table.Th>
            <Table.Th w={140}>{t('transactions.price')}</Table.Th>
            <Table.Th w={120} ta="right">
              {t('transactions.subtotal')}
            </Table.Th>
            <Table.Th w={36} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, index) => (
            <Table.Tr key={form.key(`items.${index}`)} data-testid="item-row">
              <Table.Td>
                <Select
                  aria-label={t('transactions.product')}
                  placeholder={t('transactions.productPlaceholder')}
                  data={productData}
                  searchable
                  clearable
                  value={item.product_id}
                  onChange={(id) => {
                    const product = id ? byId.get(id) : undefined;
                    form.setFieldValue(`items.${index}.product_id`, id);
                    if (product) {
                      form.setFieldValue(`items.${index}.name`, product.name);
                      form.setFieldValue(`items.${index}.price`, product.price);
                    }
                  }}
                />
              </Table.Td>
              <Table.Td>
                <TextInput aria-label={t('transactions.itemName')} {...form.getInputProps(`items.${index}.name`)} />
              </Table.Td>
              <Table.Td>
                <NumberInput aria-label={t('transactions.qty')} min={0} hideControls decimalSeparator="," {...form.getInputProps(`items.${index}.qty`)} />
              </Table.Td>
              <Table.Td>
                <MoneyInput aria-label={t('transactions.price')} {...form.getInputProps(`items.${index}.price`)} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" className="sma-num">
                  {item.qty !== '' && item.price !== '' ? formatRupiah(Math.round(item.qty * item.price)) : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <RemoveRowButton label={t('transactions.removeItem')} disabled={items.length === 1} onClick={() => form.removeListItem('items', index)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('items', emptyItem())} data-testid="item-add">
          {t('transactions.addItem')}
        </Button>
      </Group>
    </Stack>
  );
}
