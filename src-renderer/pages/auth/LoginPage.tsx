import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconLogin2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { loginInput } from '../../../src-shared/schemas/auth';
import { useApiMutation } from '../../api/hooks';
import { AuthLayout } from '../../../src-ui/components/AuthLayout';
import { zodValidator } from '../../forms/validation';
import { useSession } from '../../session/context';
import { PasswordField } from '../../components/PasswordField';

export function LoginPage() {
  const { t } = useTranslation();
  const { status, refresh } = useSession();
  const form = useForm({ initialValues: { username: '', password: '' }, validate: zodValidator(loginInput) });
  const login = useApiMutation('auth.login', { silent: true, onSuccess: () => refresh() });

  return (
    <AuthLayout title={t('auth.loginTitle')} subtitle={status.business?.name ?? t('auth.loginSubtitle')}>
      <form onSubmit={form.onSubmit((values) => login.mutate(values))} noValidate>
        <Stack gap="md">
          {login.error && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} data-testid="login-error">
              {login.error.message}
            </Alert>
          )}
          <TextInput label={t('auth.username')} autoComplete="username" autoFocus {...form.getInputProps('username')} />
          <PasswordField label={t('auth.password')} autoComplete="current-password" {...form.getInputProps('password')} />
          <Button type="submit" size="md" loading={login.isPending} leftSection={<IconLogin2 size={18} />} data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
