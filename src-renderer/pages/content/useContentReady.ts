import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call, onEvent } from '../../api/client';
import { invalidateDomains } from '../../api/hooks';
import { generationStore } from './generationStore';

/**
 * A request queued while offline was generated in the background: say so wherever the user is,
 * and refresh the library and usage so the new variants show. When its templates are still the
 * result on screen, the same request is asked again: the saved answer comes back without a call.
 */
export function useContentReady(): void {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onEvent('content.ready', (payload) => {
        void invalidateDomains(queryClient, ['content']);
        const shown = generationStore.current();
        if (shown?.result.queuedId === payload.queueId) {
          const request = { ...shown.request, regenerate: false };
          void call('content.generate', request)
            .then((result) => generationStore.show(request, result))
            .catch(() => undefined);
        }
        notifications.show({ color: 'teal', title: t('content.readyTitle'), message: payload.message, autoClose: 8000 });
      }),
    [queryClient, t],
  );
}
