import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { ADMIN_PATHS, meResponse, type Me } from '../../src-shared/cloud/admin-api';
import { api, ApiError, setSessionLostHandler } from './api/client';

export const ME_KEY = ['me'] as const;

interface Session {
  me: Me;
  /** A support account sees everything and changes nothing: write buttons are hidden. */
  canWrite: boolean;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in console');
  return session;
}

/** Who is signed in: `null` (the login page) when the cloud answers 401. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await api('GET', ADMIN_PATHS.me, meResponse);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return null;
        throw error;
      }
    },
    meta: { silent: true },
    staleTime: Infinity,
  });
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    // Any call that finds the session gone (expired, idle, revoked) sends the console back to the login page.
    setSessionLostHandler(() => {
      queryClient.setQueryData(ME_KEY, null);
    });
    return () => setSessionLostHandler(null);
  }, [queryClient]);
  return <SessionContext.Provider value={{ me, canWrite: me.role === 'super_admin' }}>{children}</SessionContext.Provider>;
}
