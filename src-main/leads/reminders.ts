import type { AppServices } from '../core/context';
import { reminderCounts } from './activities';
import { activitiesAbout, SUBJECT } from './activity-subject';
import { shopNow } from './clock';

type Services = Pick<AppServices, 'db' | 'sqlite' | 'clock' | 'events'>;

/**
 * Announces the follow-ups that have fallen due and were never announced: each one once, recorded
 * in `lead_reminders_sent` in the same transaction that picks it. Run at start, it catches up what
 * fell due while the app was closed; run again, it finds nothing new. The event reaches every
 * window (each reads its own user's counts) and, in the desktop app, an OS notification.
 */
export async function announceDueFollowUps(
  services: Services,
): Promise<{ id: string; subject: string; nextAction: string | null; dueDate: string; assignedTo: string | null }[]> {
  const now = await shopNow(services);
  const due = activitiesAbout(services.db)
    .leftJoin('lead_reminders_sent as r', 'r.activity_id', 'a.id')
    .select(['a.id', SUBJECT.as('subject'), 'a.next_action as nextAction', 'a.due_date as dueDate', 'a.assigned_to as assignedTo'])
    .where('r.activity_id', 'is', null)
    .where('a.done_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('a.lead_id', 'is', null), eb('l.deleted_at', 'is', null)]))
    .where((eb) =>
      eb.or([
        eb('a.due_date', '<', now.today),
        eb.and([eb('a.due_date', '=', now.today), eb.or([eb('a.due_time', 'is', null), eb('a.due_time', '<=', now.time)])]),
      ]),
    )
    .orderBy('a.due_date')
    .limit(1000)
    .compile();
  const mark = services.sqlite.prepare('INSERT OR IGNORE INTO lead_reminders_sent (activity_id, sent_at) VALUES (?, ?)');
  const at = services.clock.now().toISOString();
  // Pick and mark in one transaction: two windows' timers never announce the same follow-up twice.
  const fresh = services.sqlite.transaction(() => {
    const rows = services.sqlite.prepare(due.sql).all(...(due.parameters as unknown[])) as {
      id: string;
      subject: string;
      nextAction: string | null;
      dueDate: string;
      assignedTo: string | null;
    }[];
    for (const r of rows) mark.run(r.id, at);
    return rows;
  })();
  if (fresh.length > 0) {
    const counts = await reminderCounts(services, 'team', now);
    services.events.emit('reminders.due', { ...counts, fresh: fresh.slice(0, 20).map(({ assignedTo: _a, ...r }) => r) });
  }
  return fresh;
}

/** At start (the catch-up), then every minute while the shop is open. */
export function startReminderTimer(services: Services, everyMs = 60_000): () => void {
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    void announceDueFollowUps(services)
      .catch((error: unknown) => console.error(`reminders: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (busy = false));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
