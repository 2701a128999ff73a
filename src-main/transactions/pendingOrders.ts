import { sql } from 'kysely';
import type { Ctx } from '../core/context';

/** How many pending orders the Transactions page lists: the newest; the count says how many there are. */
const SHOWN = 50;

/**
 * Marketplace and till orders still in progress an import kept as pending (migration 0012): not
 * sales, so listed apart from them, with how many there are and what they add up to.
 */
export async function pendingOrders(ctx: Pick<Ctx, 'db'>) {
  const totals = await ctx.db
    .selectFrom('pending_orders')
    .select([sql<number>`COUNT(*)`.as('count'), sql<number>`COALESCE(SUM(amount), 0)`.as('amount')])
    .executeTakeFirstOrThrow();
  const orders = await ctx.db
    .selectFrom('pending_orders')
    .select(['channel', 'invoice_no', 'order_date', 'customer_name', 'amount', 'status'])
    .orderBy('order_date', 'desc')
    .orderBy('invoice_no')
    .limit(SHOWN)
    .execute();
  return { count: totals.count, amount: totals.amount, orders };
}
