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

/** The laptop's usual user: whoever signed in last speaks the notification's language. */
async function lastUserLanguage(services: Pick<AppServices, 'db'>): Promise<Language> {
  const user = await services.db.selectFrom('users').select('language').where('deleted_at', 'is', null).where('last_login_at', 'is not', null).orderBy('last_login_at', 'desc').executeTakeFirst();
  return user?.language ?? 'id';
}

/**
 * Hands every `reminders.due` event to `show` as a notice. Subscribe before anything else runs after
 * `openApp`: the reminder timer's catch-up at start is announced once and never again.
 */
export function notifyReminders(services: Pick<AppServices, 'db' | 'events'>, show: (notice: Notice) => void): () => void {
  return services.events.subscribe((event) => {
    if (event.name !== 'reminders.due') return;
    void lastUserLanguage(services)
      .then((language) => {
        const notice = reminderNotice(event.payload as EventPayload<'reminders.due'>, language);
        if (notice) show(notice);
      })
      .catch((error: unknown) => console.error(`reminder notice: ${error instanceof Error ? error.message : String(error)}`));
  });
}
