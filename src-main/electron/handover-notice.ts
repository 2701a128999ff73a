import type { EventPayload } from '../../src-shared/contract';
import { translator } from '../../src-shared/i18n/messages';
import type { Language } from '../../src-shared/schemas/auth';
import type { AppServices } from '../core/context';
import { reasonText } from '../sync/pull-handovers';
import type { Notice } from './reminder-notice';

/** The OS notification for chats the WhatsApp assistant handed over: the first by name and why, and how many. */
export function handoverNotice(payload: EventPayload<'leads.handedOver'>, language: Language): Notice | null {
  const first = payload.fresh[0];
  if (!first) return null;
  const t = translator(language);
  const vars = { name: first.name, reason: reasonText(t, first.reason), n: payload.fresh.length - 1 };
  return { title: t('handover.osTitle'), body: payload.fresh.length === 1 ? t('handover.osOne', vars) : t('handover.osMany', vars) };
}

/**
 * Hands every `leads.handedOver` event to `show`. Unlike a follow-up, a customer waiting on WhatsApp
 * is the whole shop's business: whoever signed in last is told, in their language.
 */
export function notifyHandovers(services: Pick<AppServices, 'db' | 'events'>, show: (notice: Notice) => void): () => void {
  return services.events.subscribe((event) => {
    if (event.name !== 'leads.handedOver') return;
    const payload = event.payload as EventPayload<'leads.handedOver'>;
    void (async () => {
      const user = await services.db
        .selectFrom('users')
        .select('language')
        .where('deleted_at', 'is', null)
        .where('last_login_at', 'is not', null)
        .orderBy('last_login_at', 'desc')
        .executeTakeFirst();
      const notice = handoverNotice(payload, user?.language ?? 'id');
      if (notice) show(notice);
    })().catch((error: unknown) => console.error(`handover notice: ${error instanceof Error ? error.message : String(error)}`));
  });
}
