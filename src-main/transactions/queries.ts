import { sql, type SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { TransactionItem, TransactionRow, transactionListInput } from '../../src-shared/schemas/transaction';
import type { Ctx } from '../core/context';
import { likeEscaped } from '../core/sql';
import type { Database } from '../db/schema';

type ListInput = z.output<typeof transactionListInput>;
type TxQuery = SelectQueryBuilder<Database & { t: Database['transactions']; c: Database['customers'] }, 't' | 'c', object>;

const columns = [
  't.id',
  't.customer_id',
  'c.name as customer_name',
  'c.code as customer_code',
  't.transaction_date',
  't.amount',
  't.items',
  't.channel',
  't.campaign_code',
  't.invoice_no',
  't.notes',
  't.created_at',
  't.updated_at',
  't.deleted_at',
] as const;

export function toTransactionRow(row: Omit<TransactionRow, 'items'> & { items: string }): TransactionRow {
  return { ...row, items: JSON.parse(row.items) as TransactionItem[] };
}

/** The transaction list's filters; reused by export so a file holds what the list showed. */
export function filterTransactions(query: TxQuery, input: Omit<ListInput, 'sort' | 'desc' | 'page' | 'pageSize'>): TxQuery {
  let q = query;
  if (input.status === 'active') q = q.where('t.deleted_at', 'is', null);
  if (input.status === 'deleted') q = q.where('t.deleted_at', 'is not', null);
  if (input.customerId) q = q.where('t.customer_id', '=', input.customerId);
  if (input.from) q = q.where('t.transaction_date', '>=', input.from);
  if (input.to) q = q.where('t.transaction_date', '<=', input.to);
  if (input.minAmount !== undefined) q = q.where('t.amount', '>=', input.minAmount);
  if (input.maxAmount !== undefined) q = q.where('t.amount', '<=', input.maxAmount);
  const search = input.search?.trim();
  if (search) {
    q = q.where((eb) => eb.or([likeEscaped(eb.ref('t.invoice_no'), search), likeEscaped(eb.ref('t.notes'), search), likeEscaped(eb.ref('c.name'), search), likeEscaped(eb.ref('t.campaign_code'), search)]));
  }
  return q;
}

function base(ctx: Ctx): TxQuery {
  return ctx.db.selectFrom('transactions as t').innerJoin('customers as c', 'c.id', 't.customer_id');
}

export async function listTransactions(ctx: Ctx, input: ListInput) {
  const filtered = filterTransactions(base(ctx), input);
  const direction = input.desc ? 'desc' : 'asc';
  const [rows, totals] = await Promise.all([
    filtered
      .select(columns)
      .orderBy(`t.${input.sort}`, direction)
      .orderBy('t.id', direction)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    filtered.select((eb) => [eb.fn.countAll<number>().as('n'), sql<number | null>`SUM(t.amount)`.as('total')]).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toTransactionRow), total: Number(totals.n), totalAmount: Number(totals.total ?? 0), page: input.page, pageSize: input.pageSize };
}

export async function findTransaction(ctx: Ctx, id: string): Promise<TransactionRow | null> {
  const row = await base(ctx).select(columns).where('t.id', '=', id).executeTakeFirst();
  return row ? toTransactionRow(row) : null;
}
