import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Activities with the lead (`l`) and the customer (`c`) each is about: the follow-up lists and the reminders read them so. */
export function activitiesAbout(db: Kysely<Database>) {
  return db.selectFrom('lead_activities as a').leftJoin('leads as l', 'l.id', 'a.lead_id').leftJoin('customers as c', 'c.id', 'a.customer_id');
}

/** Whom an activity of activitiesAbout is about, by name: its lead's, or else its customer's. */
export const SUBJECT = sql<string>`coalesce(l.name, c.name, '')`;
