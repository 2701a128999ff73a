import { Alert, Anchor, Avatar, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconLockOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { unlockInput } from '../../../src-shared/schemas/auth';
import { useApiMutation } from '../../api/hooks';
import { AuthLayout } from '../../../src-ui/components/AuthLayout';
import { zodValidator } from '../../forms/validation';
import { useSession, useUser } from '../../session/context';
import { initials } from '../../shell/initials';
import { PasswordField } from '../../components/PasswordField';

export function LockScreen() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const user = useUser();
  const form = useForm({ initialValues: { password: '' }, validate: zodValidator(unlockInput) });
  const unlock = useApiMutation('auth.unlock', { silent: true, onSuccess: () => refresh() });
  const logout = useApiMutation('auth.logout', { onSuccess: () => refresh() });

  return (
    <AuthLayout title={t('auth.lockedTitle')} subtitle={t('auth.lockedSubtitle', { name: user.name })}>
      <Group gap="sm" data-testid="lock-screen">
        <Avatar color="navy" radius="xl">
          {initials(user.name)}
        </Avatar>
        <Stack gap={0}>
          <Text fw={600}>{user.name}</Text>
          <Text size="xs" c="dimmed">
            {t(`roles.${user.role}`)} · {user.username}
          </Text>
        </Stack>
      </Group>
      <form onSubmit={form.onSubmit((values) => unlock.mutate(values))} noValidate>
        <Stack gap="md">
          {unlock.error && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />}>
              {unlock.error.message}
            </Alert>
          )}
          <PasswordField label={t('auth.password')} autoComplete="current-password" autoFocus {...form.getInputProps('password')} />
          <Button type="submit" size="md" loading={unlock.isPending} leftSection={<IconLockOpen size={18} />} data-testid="unlock-submit">
            {t('auth.unlock')}
          </Button>
          <Text size="sm" c="dimmed" ta="center">
            {t('auth.notYou')}{' '}
            <Anchor component="button" type="button" onClick={() => logout.mutate({})} data-testid="lock-logout">
              {t('auth.logoutLink')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
