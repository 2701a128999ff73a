import { sql } from 'kysely';
import type { CloudDb } from '../db/connect';
import { withBusiness } from '../db/scope';
import { addMonths, firstDay, jakartaMonth } from './month';

const MONTHS = 12;
const TOP_CUSTOMERS = 10;
const REJECTED_SHOWN = 50;

/** One shop's figures over time and what it last pushed, read inside its own scope only. */
export async function businessDetail(db: CloudDb, businessId: string, now: Date) {
  const thisMonth = jakartaMonth(now);
  const firstMonth = addMonths(thisMonth, -(MONTHS - 1));
  return withBusiness(db, businessId, async (tx) => {
    const monthRows = await sql<{ month: string; transactions: number; revenue: number; customers: number }>`
      SELECT to_char(transaction_date, 'YYYY-MM') AS month, count(*) AS transactions, coalesce(sum(amount), 0) AS revenue, count(DISTINCT customer_id) AS customers
      FROM transactions
      WHERE business_id = ${businessId} AND deleted_at IS NULL AND transaction_date >= ${firstDay(firstMonth)}::date AND transaction_date < ${firstDay(addMonths(thisMonth, 1))}::date
      GROUP BY 1`.execute(tx);
    const byMonth = new Map(monthRows.rows.map((r) => [r.month, r]));
    const months = Array.from({ length: MONTHS }, (_, i) => {
      const month = addMonths(firstMonth, i);
      const r = byMonth.get(month);
      return { month, transactions: Number(r?.transactions ?? 0), revenue: Number(r?.revenue ?? 0), customers: Number(r?.customers ?? 0) };
    });

    const rejected = await tx
      .selectFrom('rejected_ops')
      .select(['id', 'device_id', 'seq', 'key', 'entity', 'entity_id', 'reason', 'at'])
      .where('business_id', '=', businessId)
      .orderBy('id', 'desc')
      .limit(REJECTED_SHOWN)
      .execute();

    const run = await sql<{
      data: { analysis_date: string; method: string; customers: number; segments: { segment: string; customers: number; revenue: number }[] };
    }>`
      SELECT data FROM shop_records WHERE business_id = ${businessId} AND entity = 'rfm_runs' AND NOT deleted
      ORDER BY data->>'analysis_date' DESC, data->>'created_at' DESC LIMIT 1`.execute(tx);
    const latest = run.rows[0]?.data;

    // Sales are summed per customer first and only the top rows are joined: on a table just filled by a
    // first push, before autovacuum has analysed it, a join-then-group plan chose a nested loop that
    // took seconds for 10,000 sales. The LIMIT is taken over live customers (a deleted one is skipped).
    const top = await sql<{ id: string; code: string; name: string; city: string | null; transactions: number; revenue: number }>`
      SELECT c.id, c.code, c.name, c.city, s.transactions, s.revenue
      FROM (
        SELECT customer_id, count(*) AS transactions, sum(amount) AS revenue
        FROM transactions WHERE business_id = ${businessId} AND deleted_at IS NULL
        GROUP BY customer_id
      ) s
      JOIN LATERAL (
        SELECT id, code, name, city FROM customers
        WHERE business_id = ${businessId} AND id = s.customer_id AND deleted_at IS NULL
      ) c ON true
      ORDER BY s.revenue DESC, c.id LIMIT ${TOP_CUSTOMERS}`.execute(tx);

    const ai = await sql<{ month: string; calls: number; prompt_tokens: number; completion_tokens: number; cost: number }>`
      SELECT to_char((data->>'created_at')::timestamptz AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month, count(*) AS calls,
             coalesce(sum((data->>'prompt_tokens')::bigint), 0) AS prompt_tokens, coalesce(sum((data->>'completion_tokens')::bigint), 0) AS completion_tokens,
             coalesce(sum((data->>'cost')::numeric), 0) AS cost
      FROM shop_records WHERE business_id = ${businessId} AND entity = 'api_usage_logs' AND NOT deleted
      GROUP BY 1 ORDER BY 1 DESC LIMIT ${MONTHS}`.execute(tx);
    const aiMonths = ai.rows
      .map((r) => ({
        month: r.month,
        calls: Number(r.calls),
        promptTokens: Number(r.prompt_tokens),
        completionTokens: Number(r.completion_tokens),
        cost: Number(r.cost),
      }))
      .reverse();
    const current = aiMonths.find((m) => m.month === thisMonth);

    return {
      months,
      rejectedOps: rejected.map((r) => ({
        id: Number(r.id),
        deviceId: r.device_id,
        seq: Number(r.seq),
        key: r.key,
        entity: r.entity,
        entityId: r.entity_id,
        reason: r.reason,
        at: r.at.toISOString(),
      })),
      rfm: latest
        ? {
            analysisDate: latest.analysis_date,
            method: latest.method,
            customers: latest.customers,
            segments: latest.segments.map((s) => ({ segment: s.segment, customers: s.customers, revenue: s.revenue })),
          }
        : null,
      topCustomers: top.rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        city: r.city,
        transactions: Number(r.transactions),
        revenue: Number(r.revenue),
      })),
      aiMonths,
      callsThisMonth: current?.calls ?? 0,
      costThisMonth: current?.cost ?? 0,
    };
  });
}

/** The sync log backwards from `before` (an id), one page. */
export async function syncLogPage(db: CloudDb, businessId: string, before: number | undefined, limit: number) {
  return withBusiness(db, businessId, async (tx) => {
    let q = tx
      .selectFrom('sync_log')
      .selectAll()
      .where('business_id', '=', businessId)
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (before) q = q.where('id', '<', String(before));
    const rows = await q.execute();
    const items = rows.slice(0, limit).map((r) => ({
      id: Number(r.id),
      deviceId: r.device_id,
      at: r.at.toISOString(),
      kind: r.kind,
      ops: r.ops,
      applied: r.applied,
      skipped: r.skipped,
      rejected: r.rejected,
      ackedSeq: r.acked_seq === null ? null : Number(r.acked_seq),
      durationMs: r.duration_ms,
    }));
    return { items, next: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
  });
}
