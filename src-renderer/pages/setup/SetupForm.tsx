import { Badge, Button, Divider, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setupInput } from '../../../src-shared/schemas/auth';
import { useApiMutation } from '../../api/hooks';
import { AuthLayout } from '../../../src-ui/components/AuthLayout';
import { BusinessFields, emptyBusiness, type BusinessFormValues } from '../../components/BusinessFields';
import { notifySuccess } from '../../components/notify';
import { applyServerIssues, zodValidator } from '../../forms/validation';
import i18n, { currentLanguage } from '../../i18n';
import { useSession } from '../../session/context';
import { requiredMark } from '../../forms/requiredMark';
import { PasswordField } from '../../components/PasswordField';

interface Values {
  owner: { name: string; username: string; password: string };
  confirm: string;
  business: BusinessFormValues;
}

const toInput = (values: Values) => ({ owner: values.owner, business: values.business, language: currentLanguage() });
const schemaErrors = zodValidator<Values>(setupInput, toInput);

function validate(values: Values) {
  const errors = schemaErrors(values);
  if (values.confirm !== values.owner.password) errors.confirm = i18n.t('setup.passwordMismatch');
  return errors;
}

/** First run, "Buat toko saya": the owner account and the business profile on one page. */
export function SetupForm({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const form = useForm<Values>({
    initialValues: { owner: { name: '', username: '', password: '' }, confirm: '', business: emptyBusiness },
    validate,
    validateInputOnBlur: true,
  });
  const create = useApiMutation('setup.create', {
    onSuccess: async () => {
      notifySuccess(t('setup.created'));
      await refresh();
    },
    onError: (error) => applyServerIssues(form, error),
  });

  return (
    <AuthLayout title={t('setup.createTitle')} subtitle={t('setup.createText')} width={760}>
      <form onSubmit={form.onSubmit((values) => create.mutate(toInput(values)))} noValidate>
        <Stack gap="lg">
          <Section step={1} title={t('setup.stepOwner')} description={t('setup.stepOwnerDesc')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
              <TextInput label={t('setup.ownerName')} {...requiredMark} autoFocus {...form.getInputProps('owner.name')} />
              <TextInput label={t('auth.username')} {...requiredMark} autoComplete="username" placeholder="pemilik" {...form.getInputProps('owner.username')} />
              <PasswordField
                label={t('auth.password')}
                {...requiredMark}
                autoComplete="new-password"
                description={t('setup.passwordHint')}
                {...form.getInputProps('owner.password')}
              />
              <PasswordField label={t('setup.confirmPassword')} {...requiredMark} autoComplete="new-password" {...form.getInputProps('confirm')} />
            </SimpleGrid>
          </Section>
          <Divider />
          <Section step={2} title={t('setup.stepBusiness')} description={t('setup.stepBusinessDesc')}>
            <BusinessFields field={(name) => form.getInputProps(`business.${name}`)} />
          </Section>
          <Group justify="space-between">
            <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} disabled={create.isPending}>
              {t('common.back')}
            </Button>
            <Button type="submit" size="md" loading={create.isPending} leftSection={<IconCheck size={18} />} data-testid="setup-submit">
              {t('setup.finish')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}

function Section({ step, title, description, children }: { step: number; title: string; description: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Badge size="lg" circle color="sun.5" c="navy.9">
          {step}
        </Badge>
        <div>
          <Text fw={700}>{title}</Text>
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        </div>
      </Group>
      {children}
    </Stack>
  );
}
