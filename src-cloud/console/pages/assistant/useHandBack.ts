import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { okResponse } from '../../../../src-shared/cloud/admin-api';
import { assistantPath } from '../../../../src-shared/cloud/assistant-schemas';
import { api } from '../../api/client';
import { notifySuccess } from '../../components/notify';
import { assistantKey } from './queries';

/** "Hand back to the bot": the conversation is answered again; every assistant view of the shop is asked again. */
export function useHandBack(businessId: string, onDone?: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conversationId: string) => api('POST', assistantPath('handback', { id: businessId, conversationId }), okResponse),
    onSuccess: () => {
      notifySuccess(t('assistant.queue.handedBack'));
      onDone?.();
      void queryClient.invalidateQueries({ queryKey: assistantKey(businessId) });
      void queryClient.invalidateQueries({ queryKey: ['assistant', 'overview'] });
    },
  });
}
