import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import type { AppStatus } from '../../src-shared/schemas/auth';
import { onEvent, setSessionLostHandler } from '../api/client';
import { changeLanguage } from '../i18n';
import { SessionContext } from './context';

interface Props {
  status: AppStatus;
  refetch: () => Promise<unknown>;
  children: ReactNode;
}

/** Holds app status for the screens and keeps the language and cached data in step with the user. */
export function SessionProvider({ status, refetch, children }: Props) {
  const queryClient = useQueryClient();
  const userId = status.user?.id ?? null;
  const language = status.user?.language;

  const refresh = useCallback(async () => {
    await refetch();
  }, [refetch]);

  useEffect(() => {
    setSessionLostHandler(() => void refresh());
    const off = onEvent('session.locked', () => void refresh());
    return () => {
      setSessionLostHandler(null);
      off();
    };
  }, [refresh]);

  useEffect(() => {
    if (language) void changeLanguage(language);
  }, [language]);

  // Another user must never see the previous user's cached lists. Reset, not remove: this effect
  // runs after the pages' own effects, so the landing page has already started its queries; a
  // removed query would leave that page waiting forever, a reset one is fetched again.
  useEffect(() => {
    void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== 'app.status' });
  }, [userId, queryClient]);

  const value = useMemo(() => ({ status, refresh }), [status, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
