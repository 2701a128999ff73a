import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../src-shared/format/date';
import { onEvent } from '../api/client';
import { invalidateDomains, useApiQuery } from '../api/hooks';
import { useSession } from '../session/context';

/**
 * The shop's sync status, read again whenever the main process announces a change (a change
 * waits, a push ended). The shell mounts this once; Settings → Sinkronisasi shares its query.
 */
export function useSyncStatus(options: { listen?: boolean } = {}) {
  const queryClient = useQueryClient();
  const listen = options.listen ?? false;
  useEffect(() => (listen ? onEvent('sync.status', () => void invalidateDomains(queryClient, ['sync'])) : undefined), [listen, queryClient]);
  return useApiQuery('sync.status', {});
}

/** Counts as the language writes them (1.240 / 1,240) and instants in the shop's time zone. */
export function useSyncFormat() {
  const { i18n } = useTranslation();
  const { status } = useSession();
  const numbers = new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'id-ID');
  return {
    count: (n: number) => numbers.format(n),
    at: (instant: string) => formatDateTime(instant, status.business?.timezone),
  };
}
