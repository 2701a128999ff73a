import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ChannelOutput } from '../../../src-shared/contract';
import { call, onEvent } from '../../api/client';
import { invalidateDomains, useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { useUser } from '../../session/context';

/** The signed-in user's open follow-ups due up to today: the bell and the to-do page share this query. */
const MINE: ChannelInput<'followUps.list'> = { who: 'me' };

export function useMyFollowUps() {
  return useApiQuery('followUps.list', MINE);
}

/** Owners and managers see the whole team's follow-ups (the server holds staff to their own). */
export function useSeesTeam(): boolean {
  return useUser().role !== 'staff';
}

/** What a follow-up or its lead shows changes when one is ticked: lists, the lead's page, the board. */
const TOUCHED = ['followUps', 'activities', 'leads'];

export function useSetDone() {
  const { t } = useTranslation();
  return useApiMutation('activities.setDone', {
    invalidates: TOUCHED,
    onSuccess: (row) =>
      notifySuccess(t('followups.markedDone', { action: row.nextAction ?? t('followups.noAction'), subject: row.subject || t('followups.noSubject') })),
  });
}

/**
 * Listens for `reminders.due` (the main process's timer: at start, then every minute): every
 * follow-up list is read again, and the ones that just fell due for this user pop up once. The
 * event speaks for the whole shop, so its fresh list is narrowed to the user's own follow-ups.
 */
export function useReminderEvents(): void {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  useEffect(
    () =>
      onEvent('reminders.due', (payload) => {
        void (async () => {
          await invalidateDomains(queryClient, TOUCHED);
          const mine = await queryClient.fetchQuery<ChannelOutput<'followUps.list'>>({
            queryKey: ['followUps.list', MINE],
            queryFn: () => call('followUps.list', MINE),
          });
          const own = new Set(mine.rows.map((r) => r.id));
          const fresh = payload.fresh.filter((f) => own.has(f.id));
          if (fresh.length === 0) return;
          const first = fresh[0];
          const vars = { subject: first.subject || t('followups.noSubject'), action: first.nextAction ?? t('followups.noAction'), n: fresh.length - 1 };
          notifications.show({
            color: 'orange',
            title: t('followups.notice.title'),
            message: fresh.length === 1 ? t('followups.notice.one', vars) : t('followups.notice.many', vars),
            autoClose: 10_000,
          });
        })();
      }),
    [queryClient, t],
  );
}

const HANDOVER_REASONS = ['payment_intent', 'person_request', 'unknown_question', 'low_confidence', 'quota', 'other'] as const;
type HandoverReason = (typeof HANDOVER_REASONS)[number];
/** A reason the cloud added after this version reads as "another reason". */
const knownReason = (reason: string): HandoverReason => ((HANDOVER_REASONS as readonly string[]).includes(reason) ? (reason as HandoverReason) : 'other');

/**
 * Listens for `leads.handedOver` (a sync pull brought chats the WhatsApp assistant handed over): the
 * lists and the bell are read again, and the window says who is waiting and why. The bell's entry is
 * the owner's to-do; the lead's page is one click from it.
 */
export function useHandoverEvents(): void {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  useEffect(
    () =>
      onEvent('leads.handedOver', (payload) => {
        void invalidateDomains(queryClient, TOUCHED);
        const first = payload.fresh[0];
        if (!first) return;
        const reason = t(`followups.handover.reason.${knownReason(first.reason)}`);
        const vars = { name: first.name, reason, n: payload.fresh.length - 1 };
        notifications.show({
          color: 'teal',
          title: t('followups.handover.title'),
          message: payload.fresh.length === 1 ? t('followups.handover.one', vars) : t('followups.handover.many', vars),
          autoClose: 15_000,
        });
      }),
    [queryClient, t],
  );
}
