import { Alert, Button, Group, PasswordInput, PinInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_PATHS, loginResponse } from '../../../src-shared/cloud/admin-api';
import { api, ApiError } from '../api/client';
import { AuthLayout } from '../../../src-ui/components/AuthLayout';
import { ME_KEY } from '../session';
import { LanguageSwitch } from '../shell/LanguageSwitch';

/** Username and password; the authenticator code too once the cloud says the account needs one. */
export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);

  const login = useMutation({
    mutationFn: () => api('POST', ADMIN_PATHS.login, loginResponse, { username: username.trim(), password, ...(askTotp ? { totp } : {}) }),
    meta: { silent: true },
    onSuccess: (me) => queryClient.setQueryData(ME_KEY, me),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'TOTP_REQUIRED') {
        // The first time the code is asked for, that is not a mistake of the person signing in.
        if (askTotp) setProblem(t('errors.badTotp'));
        else setProblem(null);
        setAskTotp(true);
        setTotp('');
        return;
      }
      // Once the code is asked for, a refusal is about the code unless the cloud says otherwise.
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED')
        setProblem(askTotp && /authenticator/i.test(String(error.details.message)) ? t('errors.badTotp') : t('errors.badLogin'));
      else setProblem(error instanceof Error ? error.message : t('errors.unknown'));
    },
  });

  // What the form still lacks: each field says so once a submit was tried, and the submit waits.
  const blank = { username: !username.trim(), password: !password };
  const requiredField = (label: string, value: string, setValue: (value: string) => void, isBlank: boolean) => ({
    label,
    value,
    onChange: (e: ChangeEvent<HTMLInputElement>) => setValue(e.currentTarget.value),
    required: true,
    error: touched && isBlank ? t('login.required') : undefined,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (blank.username || blank.password || (askTotp && totp.length !== 6)) return;
    setProblem(null);
    login.mutate();
  };

  return (
    <AuthLayout tagline={t('app.console')} title={t('login.title')} subtitle={t('login.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="login-error">
              {problem}
            </Alert>
          )}
          <TextInput {...requiredField(t('login.username'), username, setUsername, blank.username)} autoComplete="username" autoFocus />
          <PasswordInput {...requiredField(t('login.password'), password, setPassword, blank.password)} autoComplete="current-password" />
          {askTotp && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="totp-label">
                {t('login.totp')}
              </Text>
              <PinInput length={6} type="number" oneTimeCode value={totp} onChange={setTotp} autoFocus aria-labelledby="totp-label" data-testid="login-totp" />
              <Text size="xs" c="dimmed">
                {t('login.totpHint')}
              </Text>
            </Stack>
          )}
          <Button type="submit" loading={login.isPending} fullWidth data-testid="login-submit">
            {t('login.submit')}
          </Button>
          <Group justify="center">
            <LanguageSwitch />
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
