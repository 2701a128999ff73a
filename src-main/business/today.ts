import { dateInZone } from '../../src-shared/format/date';
import type { AppServices } from '../core/context';

/** A shop's "today": the calendar date in the business time zone. */
export async function shopToday(services: Pick<AppServices, 'db' | 'clock'>): Promise<string> {
  const business = await services.db.selectFrom('business').select('timezone').executeTakeFirst();
  return dateInZone(services.clock.now(), business?.timezone ?? 'Asia/Jakarta');
}
