import { useIdle } from '@mantine/hooks';
import { useEffect } from 'react';
import { call } from '../api/client';
import { useSession } from '../session/context';

/** Locks the screen after the shop's idle time, so an unattended laptop does not stay open. */
export function IdleLock() {
  const { status, refresh } = useSession();
  const idle = useIdle(Math.max(1, status.idleLockMinutes) * 60_000, { initialState: false });

  useEffect(() => {
    if (!idle) return;
    void call('auth.lock', {})
      .catch(() => undefined)
      .then(() => refresh());
  }, [idle, refresh]);

  return null;
}
