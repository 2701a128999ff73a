import { useSyncExternalStore } from 'react';
import { useApiQuery } from './api/hooks';
import { isAccessLost, subscribeAccessLost } from './api/transport';
import { FullPageLoader } from '../src-ui/components/FullPageLoader';
import { LockScreen } from './pages/auth/LockScreen';
import { LoginPage } from './pages/auth/LoginPage';
import { WelcomePage } from './pages/setup/WelcomePage';
import { AccessLostPage } from './pages/system/AccessLostPage';
import { BootErrorPage } from './pages/system/BootErrorPage';
import { SessionProvider } from './session/SessionProvider';
import { AppLayout } from './shell/AppLayout';

/** Boot: read app status, then show first run, login, the lock screen, or the app. */
export function AppGate() {
  const accessLost = useSyncExternalStore(subscribeAccessLost, isAccessLost);
  const statusQuery = useApiQuery('app.status', {}, { staleTime: Infinity, meta: { silent: true } });

  if (accessLost) return <AccessLostPage />;
  if (statusQuery.isPending) return <FullPageLoader />;
  if (statusQuery.isError && !statusQuery.data) return <BootErrorPage message={statusQuery.error.message} onRetry={() => void statusQuery.refetch()} />;

  const status = statusQuery.data;
  if (!status) return <FullPageLoader />;
  return (
    <SessionProvider status={status} refetch={statusQuery.refetch}>
      {!status.setupDone ? <WelcomePage /> : !status.user ? <LoginPage /> : status.locked ? <LockScreen /> : <AppLayout />}
    </SessionProvider>
  );
}
