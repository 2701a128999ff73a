import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { TransactionItem, TransactionRow, transactionListInput } from '../../src-shared/schemas/transaction';
import type { Ctx } from '../core/context';
import { likeEscaped } from '../core/sql';
import type { Database } from '../db/schema';

type ListInput = z.output<typeof transactionListInput>;
type TxQuery = SelectQueryBuilder<Database & { t: Database['transactions'] }, 't', object>;

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
    // The customer's name through a subquery, not a join: counting a million rows must not pay a
    // customer lookup per row when nobody searched by name.
    const byName = (eb: ExpressionBuilder<Database & { t: Database['transactions'] }, 't'>) =>
      eb('t.customer_id', 'in', eb.selectFrom('customers').select('customers.id').where(likeEscaped(sql.ref('customers.name'), search)));
    q = q.where((eb) => eb.or([likeEscaped(eb.ref('t.invoice_no'), search), likeEscaped(eb.ref('t.notes'), search), likeEscaped(eb.ref('t.campaign_code'), search), byName(eb)]));
  }
  return q;
}

/**
 * The transactions the query starts from. Through the table's indexes for the list (a page, a
 * period); or read straight through and sorted, for an export of most of a big table: following
 * the date index there costs a random read per row wherever rows were not added in date order,
 * which on a million rows is several times slower than one pass and a sort.
 */
function transactionsFrom(db: Kysely<Database>, scan: boolean): TxQuery {
  return scan ? db.selectFrom(sql<Database['transactions']>`(SELECT * FROM transactions NOT INDEXED)`.as('t')) : db.selectFrom('transactions as t');
}

/** The list's filters and sort, without the customer. */
export function sortedTransactions(db: Kysely<Database>, input: Omit<ListInput, 'page' | 'pageSize'>, options: { scan?: boolean } = {}) {
  const direction = input.desc ? 'desc' : 'asc';
  return filterTransactions(transactionsFrom(db, options.scan ?? false), input)
    .orderBy(`t.${input.sort}`, direction)
    .orderBy('t.id', direction);
}

/**
 * The list's rows with their customer, filtered and sorted: the list reads a page of it, export
 * reads all of it, so a file holds exactly what the list showed.
 */
export function transactionListQuery(db: Kysely<Database>, input: Omit<ListInput, 'page' | 'pageSize'>) {
  return sortedTransactions(db, input).innerJoin('customers as c', 'c.id', 't.customer_id');
}

/** The list's count and total amount. Without the join: every transaction has its customer, and a
 * million lookups are not free. */
export function transactionTotalsQuery(db: Kysely<Database>, input: Omit<ListInput, 'sort' | 'desc' | 'page' | 'pageSize'>) {
  return filterTransactions(db.selectFrom('transactions as t'), input).select((eb) => [eb.fn.countAll<number>().as('rows'), eb.fn.sum<number | null>('t.amount').as('amount')]);
}

export async function listTransactions(ctx: Ctx, input: ListInput) {
  const [rows, totals] = await Promise.all([
    transactionListQuery(ctx.db, input)
      .select(columns)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    transactionTotalsQuery(ctx.db, input).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toTransactionRow), total: Number(totals.rows), totalAmount: Number(totals.amount ?? 0), page: input.page, pageSize: input.pageSize };
}

export async function findTransaction(ctx: Ctx, id: string): Promise<TransactionRow | null> {
  const row = await ctx.db.selectFrom('transactions as t').innerJoin('customers as c', 'c.id', 't.customer_id').select(columns).where('t.id', '=', id).executeTakeFirst();
  return row ? toTransactionRow(row) : null;
}
