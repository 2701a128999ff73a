import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { TransactionItem, TransactionRow, transactionListInput } from '../../src-shared/schemas/transaction';
import type { Ctx } from '../core/context';
import { searchCondition } from '../customers/queries';
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

/** Sorts after every character a typed prefix can continue with: `p <= x < p + PREFIX_END`. */
const PREFIX_END = '\u{10FFFF}';

/**
 * What the transactions search matches, each through its own index so a million sales are not read
 * (LIKE '%…%' over invoice, notes, code and name took 2.7 s on the big shop): an invoice number or
 * a campaign code that starts with the text (as typed, or in capitals, the way most invoice numbers
 * and every campaign code are written), or the sales of the customers the customers list finds for
 * it (name, code, email, phone). Notes are not searched. Written as one list of row ids, each part
 * pinned to its index: an OR of the three lets the planner walk the whole date index instead.
 */
export function transactionSearch(search: string, customerMatches?: string) {
  const upper = search.toUpperCase();
  const prefixes = upper === search ? [search] : [search, upper];
  return (eb: ExpressionBuilder<Database & { t: Database['transactions'] }, 't'>) => {
    const parts = [
      ...prefixes.map(
        (p) => sql`SELECT rowid FROM transactions INDEXED BY idx_transactions_invoice WHERE invoice_no >= ${p} AND invoice_no < ${p + PREFIX_END}`,
      ),
      sql`SELECT rowid FROM transactions INDEXED BY idx_transactions_campaign WHERE campaign_code >= ${upper} AND campaign_code < ${upper + PREFIX_END}`,
      customerMatches === undefined
        ? sql`SELECT rowid FROM transactions INDEXED BY idx_transactions_customer_date_amount WHERE customer_id IN ${eb.selectFrom('customers').select('customers.id').where(searchCondition(search))}`
        : sql`SELECT rowid FROM transactions INDEXED BY idx_transactions_customer_date_amount WHERE customer_id IN (SELECT value FROM json_each(${customerMatches}))`,
    ];
    return sql<SqlBool>`t.rowid IN (${sql.join(parts, sql` UNION ALL `)})`;
  };
}

/** The transaction list's filters; reused by export so a file holds what the list showed. */
type Filters = Omit<ListInput, 'sort' | 'desc' | 'page' | 'pageSize'> & {
  /** The ids of the customers the search finds, as a JSON array, when already looked up (listTransactions). */
  customerMatches?: string;
};

export function filterTransactions(query: TxQuery, input: Filters): TxQuery {
  let q = query;
  if (input.status === 'active') q = q.where('t.deleted_at', 'is', null);
  if (input.status === 'deleted') q = q.where('t.deleted_at', 'is not', null);
  if (input.customerId) q = q.where('t.customer_id', '=', input.customerId);
  if (input.from) q = q.where('t.transaction_date', '>=', input.from);
  if (input.to) q = q.where('t.transaction_date', '<=', input.to);
  if (input.minAmount !== undefined) q = q.where('t.amount', '>=', input.minAmount);
  if (input.maxAmount !== undefined) q = q.where('t.amount', '<=', input.maxAmount);
  const search = input.search?.trim();
  if (search) q = q.where(transactionSearch(search, input.customerMatches));
  return q;
}

/**
 * The transactions the query starts from. Through the table's indexes for the list (a page, a
 * period); or read straight through and sorted, for an export of most of a big table: following
 * the date index there costs a random read per row wherever rows were not added in date order,
 * which on a million rows is several times slower than one pass and a sort. The rowid comes along
 * for the search (transactionSearch).
 */
function transactionsFrom(db: Kysely<Database>, scan: boolean): TxQuery {
  return scan ? db.selectFrom(sql<Database['transactions']>`(SELECT rowid, * FROM transactions NOT INDEXED)`.as('t')) : db.selectFrom('transactions as t');
}

/** The list's filters and sort, without the customer. */
export function sortedTransactions(
  db: Kysely<Database>,
  input: Omit<ListInput, 'page' | 'pageSize'> & Pick<Filters, 'customerMatches'>,
  options: { scan?: boolean } = {},
) {
  const direction = input.desc ? 'desc' : 'asc';
  // A search's few rows are found by id and sorted; walking a sort index would read them all.
  const sortColumn = input.search?.trim() ? sql`(+${sql.ref(`t.${input.sort}`)})` : sql.ref(`t.${input.sort}`);
  return filterTransactions(transactionsFrom(db, options.scan ?? false), input)
    .orderBy(sortColumn, direction)
    .orderBy('t.id', direction);
}

/**
 * The list's rows with their customer, filtered and sorted: the list reads a page of it, export
 * reads all of it, so a file holds exactly what the list showed.
 */
export function transactionListQuery(db: Kysely<Database>, input: Omit<ListInput, 'page' | 'pageSize'> & Pick<Filters, 'customerMatches'>) {
  return sortedTransactions(db, input).innerJoin('customers as c', 'c.id', 't.customer_id');
}

/** The list's count and total amount. Without the join: every transaction has its customer, and a
 * million lookups are not free. */
export function transactionTotalsQuery(db: Kysely<Database>, input: Filters) {
  return filterTransactions(db.selectFrom('transactions as t'), input).select((eb) => [
    eb.fn.countAll<number>().as('rows'),
    eb.fn.sum<number | null>('t.amount').as('amount'),
  ]);
}

/**
 * The count and total of live sales in a period (or of all), from the per-day rollup kept by
 * triggers (0003): a few hundred rows instead of a pass over a million sales (~170 ms) on every
 * page. Null when other filters apply.
 */
function rollupTotals(db: Kysely<Database>, input: ListInput) {
  if (input.status !== 'active' || input.customerId || input.minAmount !== undefined || input.maxAmount !== undefined || input.search?.trim()) return null;
  let q = db.selectFrom('sales_daily').select((eb) => [eb.fn.sum<number | null>('orders').as('rows'), eb.fn.sum<number | null>('revenue').as('amount')]);
  if (input.from) q = q.where('day', '>=', input.from);
  if (input.to) q = q.where('day', '<=', input.to);
  return q;
}

export async function listTransactions(ctx: Ctx, input: ListInput) {
  const search = input.search?.trim();
  // The customers a search finds, looked up once for both the page and the totals.
  const customerMatches = search
    ? JSON.stringify((await ctx.db.selectFrom('customers').select('customers.id').where(searchCondition(search)).execute()).map((c) => c.id))
    : undefined;
  const filters = { ...input, customerMatches };
  const [rows, totals] = await Promise.all([
    transactionListQuery(ctx.db, filters)
      .select(columns)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    (rollupTotals(ctx.db, input) ?? transactionTotalsQuery(ctx.db, filters)).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map(toTransactionRow),
    total: Number(totals.rows ?? 0),
    totalAmount: Number(totals.amount ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function findTransaction(ctx: Ctx, id: string): Promise<TransactionRow | null> {
  const row = await ctx.db
    .selectFrom('transactions as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .select(columns)
    .where('t.id', '=', id)
    .executeTakeFirst();
  return row ? toTransactionRow(row) : null;
}
