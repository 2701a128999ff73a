import { createContext, useContext } from 'react';
import type { AppStatus, SessionUser } from '../../src-shared/schemas/auth';

export interface Session {
  status: AppStatus;
  /** Re-reads app status: after login, logout, lock, or a call that found the session gone. */
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The logged-in user; only used inside the shell, where a user always exists. */
export function useUser(): SessionUser {
  const { status } = useSession();
  if (!status.user) throw new Error('useUser without a logged-in user');
  return status.user;
}
