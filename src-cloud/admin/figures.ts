import { sql } from 'kysely';
import { dateInZone } from '../../src-shared/format/date';
import type { CloudDb } from '../db/connect';
import { withAllBusinesses, withBusiness, type Tx } from '../db/scope';

/** One shop as the console and the admin CLI show it, counted from the rows the cloud holds. */
export interface BusinessFigures {
  id: string;
  name: string;
  city: string | null;
  ownerName: string | null;
  status: 'active' | 'suspended';
  devices: DeviceFigures[];
  /** Live rows only (deleted_at null). */
  customers: number;
  transactions: number;
  /** Rupiah, live transactions. */
  revenue: number;
  /** Calendar months of Asia/Jakarta (transaction_date is the shop's own day). */
  revenueThisMonth: number;
  revenueLastMonth: number;
  /** The last time any of its devices reached the cloud (enrol, push or pull). */
  lastSyncAt: string | null;
  /** Ops the devices said they still hold, as of their last push (revoked devices left out). */
  pendingOps: number;
  /** The segment mix of the newest RFM run the shop synced; null before its first run. */
  segments: { segment: string; customers: number }[] | null;
}

export interface DeviceFigures {
  id: string;
  name: string;
  lastSeenAt: string | null;
  lastSeq: number;
  pending: number;
  appVersion: string | null;
  revokedAt: string | null;
}

/** The first day of the month that `now` falls in (Asia/Jakarta), of the one before, and of the next. */
export function monthBounds(now: Date): { lastMonth: string; thisMonth: string; nextMonth: string } {
  const [year, month] = dateInZone(now, 'Asia/Jakarta').split('-').map(Number);
  const first = (y: number, m: number) => {
    const d = new Date(Date.UTC(y, m - 1, 1));
    return d.toISOString().slice(0, 10);
  };
  return { lastMonth: first(year, month - 1), thisMonth: first(year, month), nextMonth: first(year, month + 1) };
}

/** One business's figures, or null when there is no such business. */
export async function businessFigures(db: CloudDb, businessId: string, now: Date): Promise<BusinessFigures | null> {
  // A malformed id would make PostgreSQL fail the uuid cast: it simply names no business.
  if (!UUID.test(businessId)) return null;
  const [figures] = await withBusiness(db, businessId, (tx) => collect(tx, businessId, now));
  return figures ?? null;
}

/** Every business's figures, oldest first, in five grouped queries whatever the number of shops. */
export function allBusinessFigures(db: CloudDb, now: Date): Promise<BusinessFigures[]> {
  return withAllBusinesses(db, (tx) => collect(tx, null, now));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The grouped queries behind both entry points: `only` narrows them to one business. */
async function collect(tx: Tx, only: string | null, now: Date): Promise<BusinessFigures[]> {
  const months = monthBounds(now);
  let businesses = tx.selectFrom('businesses').select(['id', 'name', 'city', 'owner_name', 'status']).orderBy('created_at').orderBy('id');
  let devices = tx
    .selectFrom('devices')
    .select(['id', 'business_id', 'name', 'last_seen_at', 'last_seq', 'pending', 'app_version', 'revoked_at'])
    .orderBy('created_at')
    .orderBy('id');
  let customers = tx
    .selectFrom('customers')
    .where('deleted_at', 'is', null)
    .groupBy('business_id')
    .select((eb) => ['business_id', eb.fn.countAll<number>().as('count')]);
  let transactions = tx
    .selectFrom('transactions')
    .where('deleted_at', 'is', null)
    .groupBy('business_id')
    .select((eb) => [
      'business_id',
      eb.fn.countAll<number>().as('count'),
      sql<number>`coalesce(sum(amount), 0)`.as('revenue'),
      sql<number>`coalesce(sum(amount) FILTER (WHERE transaction_date >= ${months.thisMonth}::date AND transaction_date < ${months.nextMonth}::date), 0)`.as(
        'this_month',
      ),
      sql<number>`coalesce(sum(amount) FILTER (WHERE transaction_date >= ${months.lastMonth}::date AND transaction_date < ${months.thisMonth}::date), 0)`.as(
        'last_month',
      ),
    ]);
  // The newest run per business: by the day it scored, then when it was made.
  let runs = tx
    .selectFrom('shop_records')
    .where('entity', '=', 'rfm_runs')
    .where('deleted', '=', false)
    .distinctOn('business_id')
    .select(['business_id', sql<unknown>`data -> 'segments'`.as('segments')])
    .orderBy('business_id')
    .orderBy(sql`data ->> 'analysis_date'`, 'desc')
    .orderBy(sql`data ->> 'created_at'`, 'desc');
  if (only) {
    businesses = businesses.where('id', '=', only);
    devices = devices.where('business_id', '=', only);
    customers = customers.where('business_id', '=', only);
    transactions = transactions.where('business_id', '=', only);
    runs = runs.where('business_id', '=', only);
  }
  // One transaction holds one connection: the queries run one after another, five in all.
  const shopRows = await businesses.execute();
  const deviceRows = await devices.execute();
  const customerRows = await customers.execute();
  const transactionRows = await transactions.execute();
  const runRows = await runs.execute();

  const customerCount = new Map(customerRows.map((r) => [r.business_id, Number(r.count)]));
  const sales = new Map(transactionRows.map((r) => [r.business_id, r]));
  const segmentMix = new Map(runRows.map((r) => [r.business_id, r.segments]));
  const devicesOf = new Map<string, typeof deviceRows>();
  for (const d of deviceRows) devicesOf.set(d.business_id, [...(devicesOf.get(d.business_id) ?? []), d]);

  return shopRows.map((b) => {
    const own = devicesOf.get(b.id) ?? [];
    const sale = sales.get(b.id);
    const seen = own.map((d) => d.last_seen_at?.getTime() ?? 0).filter((t) => t > 0);
    const mix = segmentMix.get(b.id);
    return {
      id: b.id,
      name: b.name,
      city: b.city,
      ownerName: b.owner_name,
      status: b.status,
      devices: own.map((d) => ({
        id: d.id,
        name: d.name,
        lastSeenAt: iso(d.last_seen_at),
        lastSeq: Number(d.last_seq),
        pending: d.pending,
        appVersion: d.app_version,
        revokedAt: iso(d.revoked_at),
      })),
      customers: customerCount.get(b.id) ?? 0,
      transactions: Number(sale?.count ?? 0),
      revenue: Number(sale?.revenue ?? 0),
      revenueThisMonth: Number(sale?.this_month ?? 0),
      revenueLastMonth: Number(sale?.last_month ?? 0),
      lastSyncAt: seen.length > 0 ? new Date(Math.max(...seen)).toISOString() : null,
      pendingOps: own.filter((d) => d.revoked_at === null).reduce((sum, d) => sum + d.pending, 0),
      segments: Array.isArray(mix) ? (mix as { segment: string; customers: number }[]).map((s) => ({ segment: s.segment, customers: s.customers })) : null,
    };
  });
}
