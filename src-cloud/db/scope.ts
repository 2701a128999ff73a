import { sql, type Transaction } from 'kysely';
import type { CloudDb } from './connect';
import type { CloudDatabase } from './schema';

export type Tx = Transaction<CloudDatabase>;

/**
 * The one way to reach shop data: a transaction scoped to one business. Queries inside still name
 * business_id (the repository functions take it), and row-level security (migration 0001) hides every
 * other business's rows even from a query that forgot to.
 */
export function withBusiness<T>(db: CloudDb, businessId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await scopeTo(tx, businessId);
    return work(tx);
  });
}

/** Scopes a transaction already open to one business, once the business is known (enrolment). */
export async function scopeTo(tx: Tx, businessId: string): Promise<void> {
  await sql`SELECT set_config('sma.business_id', ${businessId}, true)`.execute(tx);
}

/** The super admin's view across shops (console lists and totals), after the route checked the role. */
export function withAllBusinesses<T>(db: CloudDb, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('sma.all_businesses', 'on', true)`.execute(tx);
    return work(tx);
  });
}
