import type { EventPayload } from '../../src-shared/contract';
import { translator } from '../../src-shared/i18n/messages';
import type { Language } from '../../src-shared/schemas/auth';
import type { AppServices } from '../core/context';

export interface Notice {
  title: string;
  body: string;
}

/** The OS notification for follow-ups that just fell due: the first one by name, and how many. */
export function reminderNotice(payload: EventPayload<'reminders.due'>, language: Language): Notice | null {
  const first = payload.fresh[0];
  if (!first) return null;
  const t = translator(language);
  const subject = first.subject || t('reminders.osNoName');
  const what = first.nextAction ? `${subject}: ${first.nextAction}` : subject;
  return {
    title: t('reminders.osTitle'),
    body: payload.fresh.length === 1 ? what : t('reminders.osMany', { what, n: payload.fresh.length }),
  };
}

/** The laptop's usual user: whoever signed in last. The notification speaks to them, in their language. */
async function lastUser(services: Pick<AppServices, 'db'>) {
  return services.db
    .selectFrom('users')
    .select(['id', 'language'])
    .where('deleted_at', 'is', null)
    .where('last_login_at', 'is not', null)
    .orderBy('last_login_at', 'desc')
    .executeTakeFirst();
}

/**
 * Hands every `reminders.due` event to `show` as a notice, narrowed to the follow-ups of the user
 * who signed in last (the event speaks for the whole shop, as the window's bell does not). Subscribe
 * before anything else runs after `openApp`: the timer's catch-up at start is announced only once.
 */
export function notifyReminders(services: Pick<AppServices, 'db' | 'events'>, show: (notice: Notice) => void): () => void {
  return services.events.subscribe((event) => {
    if (event.name !== 'reminders.due') return;
    const payload = event.payload as EventPayload<'reminders.due'>;
    void (async () => {
      const user = await lastUser(services);
      if (!user || payload.fresh.length === 0) return;
      const ids = payload.fresh.map((f) => f.id);
      const own = new Set(
        (await services.db.selectFrom('lead_activities').select('id').where('id', 'in', ids).where('assigned_to', '=', user.id).execute()).map((r) => r.id),
      );
      const notice = reminderNotice({ ...payload, fresh: payload.fresh.filter((f) => own.has(f.id)) }, user.language);
      if (notice) show(notice);
    })().catch((error: unknown) => console.error(`reminder notice: ${error instanceof Error ? error.message : String(error)}`));
  });
}
