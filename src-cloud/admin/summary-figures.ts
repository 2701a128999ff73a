import { sql } from 'kysely';
import type { CloudDb } from '../db/connect';
import { withAllBusinesses } from '../db/scope';
import { addMonths, firstDay, jakartaMonth } from './month';

/**
 * Each business's figures for the console's list, in a fixed number of grouped queries (not one per
 * business). Same shape as admin/figures.ts's `allBusinessFigures`, which replaces it once it lands.
 */
export interface BusinessFigures {
  id: string;
  name: string;
  city: string | null;
  ownerName: string | null;
  status: 'active' | 'suspended';
  devices: { id: string; name: string; lastSeenAt: Date | null; lastSeq: number; pending: number; appVersion: string | null; revokedAt: Date | null }[];
  customers: number;
  transactions: number;
  revenue: number;
  revenueThisMonth: number;
  revenueLastMonth: number;
  lastSyncAt: Date | null;
  pendingOps: number;
  segments: { segment: string; customers: number }[] | null;
}

export async function summaryFigures(db: CloudDb, now: Date, onlyId?: string): Promise<BusinessFigures[]> {
  const thisMonth = jakartaMonth(now);
  const from = firstDay(addMonths(thisMonth, -1));
  const mid = firstDay(thisMonth);
  const to = firstDay(addMonths(thisMonth, 1));
  return withAllBusinesses(db, async (tx) => {
    let businesses = tx.selectFrom('businesses').select(['id', 'name', 'city', 'owner_name', 'status']).orderBy('name').orderBy('id');
    if (onlyId) businesses = businesses.where('id', '=', onlyId);
    const rows = await businesses.execute();
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return [];
    const devices = await tx
      .selectFrom('devices')
      .select(['id', 'business_id', 'name', 'last_seen_at', 'last_push_at', 'last_seq', 'pending', 'app_version', 'revoked_at'])
      .where('business_id', 'in', ids)
      .orderBy('created_at')
      .execute();
    const customers = await tx.selectFrom('customers').select(['business_id', (eb) => eb.fn.countAll<number>().as('n')]).where('business_id', 'in', ids).where('deleted_at', 'is', null).groupBy('business_id').execute();
    const sales = await tx
      .selectFrom('transactions')
      .select([
        'business_id',
        (eb) => eb.fn.countAll<number>().as('n'),
        sql<number>`coalesce(sum(amount), 0)`.as('revenue'),
        sql<number>`coalesce(sum(amount) FILTER (WHERE transaction_date >= ${mid}::date AND transaction_date < ${to}::date), 0)`.as('this_month'),
        sql<number>`coalesce(sum(amount) FILTER (WHERE transaction_date >= ${from}::date AND transaction_date < ${mid}::date), 0)`.as('last_month'),
      ])
      .where('business_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .groupBy('business_id')
      .execute();
    const runs = await sql<{ business_id: string; data: { segments?: { segment: string; customers: number }[] } }>`
      SELECT DISTINCT ON (business_id) business_id, data FROM shop_records
      WHERE entity = 'rfm_runs' AND NOT deleted AND business_id = ANY(${ids}::uuid[])
      ORDER BY business_id, data->>'analysis_date' DESC, data->>'created_at' DESC`.execute(tx);
    const byId = <T extends { business_id: string }>(list: T[]) => new Map(list.map((r) => [r.business_id, r]));
    const customerMap = byId(customers);
    const salesMap = byId(sales);
    const runMap = byId(runs.rows);
    return rows.map((b) => {
      const own = devices.filter((d) => d.business_id === b.id);
      const live = own.filter((d) => !d.revoked_at);
      const pushes = own.map((d) => d.last_push_at?.getTime() ?? 0).filter((t) => t > 0);
      const s = salesMap.get(b.id);
      const run = runMap.get(b.id);
      return {
        id: b.id,
        name: b.name,
        city: b.city,
        ownerName: b.owner_name,
        status: b.status,
        devices: own.map((d) => ({ id: d.id, name: d.name, lastSeenAt: d.last_seen_at, lastSeq: Number(d.last_seq), pending: d.pending, appVersion: d.app_version, revokedAt: d.revoked_at })),
        customers: Number(customerMap.get(b.id)?.n ?? 0),
        transactions: Number(s?.n ?? 0),
        revenue: Number(s?.revenue ?? 0),
        revenueThisMonth: Number(s?.this_month ?? 0),
        revenueLastMonth: Number(s?.last_month ?? 0),
        lastSyncAt: pushes.length ? new Date(Math.max(...pushes)) : null,
        pendingOps: live.reduce((sum, d) => sum + d.pending, 0),
        segments: run?.data.segments?.map((x) => ({ segment: x.segment, customers: x.customers })) ?? null,
      };
    });
  });
}
