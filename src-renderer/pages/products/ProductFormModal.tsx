import { Modal, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { productCreateInput, type ProductRow } from '../../../src-shared/schemas/product';
import type { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { MoneyInput } from '../../components/MoneyInput';
import { notifyError, notifySuccess } from '../../components/notify';
import { applyServerIssues, zodValidator } from '../../forms/validation';
import { requiredMark } from '../../forms/requiredMark';
import { CatalogueFields, catalogueInput, catalogueValues, featureErrors, type CatalogueValues } from './CatalogueFields';
import { FormActions } from '../../../src-ui/components/FormActions';

interface Props {
  opened: boolean;
  product: ProductRow | null;
  onClose: () => void;
}

export function ProductFormModal({ opened, product, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={product ? t('products.editTitle') : t('products.addTitle')} size="lg">
      <ProductForm product={product} onClose={onClose} />
    </Modal>
  );
}

interface Values extends CatalogueValues {
  code: string;
  name: string;
  category: string;
  price: number | '';
  active: boolean;
}

const toInput = (values: Values) => ({ ...values, ...catalogueInput(values), price: values.price === '' ? undefined : values.price });
const check = zodValidator<Values>(productCreateInput, toInput);

function ProductForm({ product, onClose }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: {
      code: product?.code ?? '',
      name: product?.name ?? '',
      category: product?.category ?? '',
      price: product?.price ?? '',
      active: product?.active ?? true,
      ...catalogueValues(product),
    },
    validate: (values) => featureErrors(check(values), (line) => t('products.catalogue.featureLine', { line })) as FormErrors,
    validateInputOnBlur: true,
  });
  const options = {
    invalidates: ['products'],
    silent: true,
    onSuccess: (saved: ProductRow) => {
      notifySuccess(t(product ? 'products.updated' : 'products.created', { name: saved.name }));
      onClose();
    },
    onError: (error: ApiError) => {
      applyServerIssues(form, error);
      notifyError(error);
    },
  };
  const create = useApiMutation('products.create', options);
  const update = useApiMutation('products.update', options);
  const saving = create.isPending || update.isPending;

  const save = (values: Values) => {
    const input = { ...values, ...catalogueInput(values), price: values.price === '' ? 0 : values.price };
    if (product) update.mutate({ ...input, id: product.id });
    else create.mutate(input);
  };

  return (
    <form onSubmit={form.onSubmit(save)} noValidate>
      <Stack gap="md">
        <TextInput label={t('products.name')} {...requiredMark} data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={2} spacing="md">
          <TextInput label={t('products.code')} placeholder={t('customers.codePlaceholder')} {...form.getInputProps('code')} />
          <TextInput label={t('products.category')} {...form.getInputProps('category')} />
        </SimpleGrid>
        <MoneyInput label={t('products.price')} {...requiredMark} {...form.getInputProps('price')} />
        <Switch label={t('products.activeLabel')} {...form.getInputProps('active', { type: 'checkbox' })} />
        <CatalogueFields form={form} />
        <FormActions loading={saving} onCancel={onClose} cancelDisabled={saving} testId="product-save" />
      </Stack>
    </form>
  );
}
