import type { AppServices } from '../core/context';
import { shopToday } from '../business/today';

/** The shop's "now" for follow-ups: its calendar day and its wall-clock time ('HH:MM'). */
export async function shopNow(services: Pick<AppServices, 'db' | 'clock'>): Promise<{ today: string; time: string }> {
  const business = await services.db.selectFrom('business').select('timezone').executeTakeFirst();
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: business?.timezone ?? 'Asia/Jakarta',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(services.clock.now());
  return { today: await shopToday(services), time };
}

/** A follow-up is overdue once its day is past, or its time today is. One rule for every list. */
export function isOverdue(due: { date: string | null; time: string | null }, now: { today: string; time: string }): boolean {
  if (!due.date) return false;
  return due.date < now.today || (due.date === now.today && due.time !== null && due.time < now.time);
}
