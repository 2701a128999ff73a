import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadRow } from '../../../src-shared/schemas/lead';
import { validationIssues, type ApiError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { notifyError, notifySuccess } from '../../components/notify';

interface Asking {
  lead: Pick<LeadRow, 'id' | 'name'>;
  stage: { id: string; name: string };
  /** The server's sentence: why this move needs a reason. */
  question: string;
}

/**
 * Moves a lead to a stage. The server knows which moves need a reason (back a stage, to Lost, out
 * of a closed stage): the move is tried as is, and when it answers with an issue on `reason` a
 * small modal asks for it with the server's own sentence.
 */
export function useLeadMove() {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const mutation = useApiMutation('leads.move', { invalidates: ['leads', 'followUps'], silent: true });

  const move = (lead: Pick<LeadRow, 'id' | 'name' | 'stageId'>, stage: { id: string; name: string }) => {
    if (lead.stageId === stage.id) return;
    mutation.mutate(
      { id: lead.id, stageId: stage.id },
      {
        onSuccess: () => notifySuccess(t('leads.moved', { name: lead.name, stage: stage.name })),
        onError: (error: ApiError) => {
          const issue = validationIssues(error).find((i) => i.path === 'reason');
          if (!issue) return notifyError(error);
          setReason('');
          setReasonError(null);
          setAsking({ lead, stage, question: issue.message });
        },
      },
    );
  };

  const confirm = () => {
    if (!asking) return;
    mutation.mutate(
      { id: asking.lead.id, stageId: asking.stage.id, reason: reason.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t('leads.moved', { name: asking.lead.name, stage: asking.stage.name }));
          setAsking(null);
        },
        onError: (error: ApiError) => setReasonError(validationIssues(error).find((i) => i.path === 'reason')?.message ?? error.message),
      },
    );
  };

  const modal = (
    <Modal opened={asking !== null} onClose={() => setAsking(null)} title={t('leads.reason.title', { stage: asking?.stage.name ?? '' })} size="md">
      <Stack gap="md">
        <Text size="sm" data-testid="move-reason-question">
          {asking?.question}
        </Text>
        <Textarea
          label={t('leads.reason.label')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={reasonError}
          autosize
          minRows={2}
          maxLength={500}
          data-autofocus
          data-testid="move-reason"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => setAsking(null)} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
          <Button onClick={confirm} loading={mutation.isPending} data-testid="move-reason-save">
            {t('leads.reason.move')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
  return { move, modal, moving: mutation.isPending };
}
