import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../src-ui/components/AuthLayout';
import { ErrorState } from './components/ErrorState';
import { FullPageLoader } from '../../src-ui/components/FullPageLoader';
import { LoginPage } from './pages/LoginPage';
import { useMe, SessionProvider } from './session';
import { ConsoleLayout } from './shell/ConsoleLayout';

/** Signed in → the console; not → the login page; the cloud unreachable → says so. */
export function ConsoleGate() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) {
    return (
      <AuthLayout tagline={t('app.console')} title={t('errors.title')}>
        <Stack>
          <ErrorState error={me.error} />
          <Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>
        </Stack>
      </AuthLayout>
    );
  }
  if (!me.data) return <LoginPage />;
  return (
    <SessionProvider me={me.data}>
      <ConsoleLayout />
    </SessionProvider>
  );
}
