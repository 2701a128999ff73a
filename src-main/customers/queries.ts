import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import { phoneSearchDigits } from '../../src-shared/format/phone';
import type { CustomerRow, customerListInput } from '../../src-shared/schemas/customer';
import type { Ctx } from '../core/context';
import { likeEscaped } from '../core/sql';
import type { Database } from '../db/schema';

type ListInput = z.output<typeof customerListInput>;
type CustomerQuery = SelectQueryBuilder<Database, 'customers', object>;

export const customerColumns = ['id', 'code', 'name', 'phone', 'email', 'address', 'city', 'tags', 'notes', 'source', 'created_at', 'updated_at', 'deleted_at'] as const;

export function toCustomerRow(row: Omit<Database['customers'], 'hlc' | 'upload_id'>): CustomerRow {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    phone: row.phone,
    email: row.email,
    address: row.address,
    city: row.city,
    tags: JSON.parse(row.tags) as string[],
    notes: row.notes,
    source: row.source,
    created_at: row.created_at,
    updated_at: row.updated_at,
    deleted_at: row.deleted_at,
  };
}

/** The filters of the customers list (and of its export, through customerListQuery). */
export function filterCustomers(query: CustomerQuery, input: Pick<ListInput, 'search' | 'city' | 'tag' | 'status'>): CustomerQuery {
  let q = query;
  if (input.status === 'active') q = q.where('customers.deleted_at', 'is', null);
  if (input.status === 'deleted') q = q.where('customers.deleted_at', 'is not', null);
  if (input.city) q = q.where(sql<boolean>`customers.city = ${input.city} COLLATE NOCASE`);
  if (input.tag) q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(customers.tags) WHERE json_each.value = ${input.tag})`);
  const search = input.search?.trim();
  if (search) q = q.where(searchCondition(search));
  return q;
}

/**
 * The ids of deleted customers, for `customer_id NOT IN (…)`: a list over sales or RFM rows leaves
 * them out without joining every row to its customer (SQLite reads the few deleted ids once, through
 * idx_customers_deleted, into a bloom filter).
 */
export function deletedCustomerIds(db: Kysely<Database>) {
  return db.selectFrom('customers').select('id').where('deleted_at', 'is not', null);
}

/**
 * A phone typed from its start (`0812 34…`, `62812…`, `+62 812…`) is a prefix of the stored E.164
 * number: an index range, instant at any size. Other digits (`7890`, the end of a number) match
 * inside phones and codes; text matches name, code or email.
 */
export function searchCondition(search: string) {
  const digits = phoneSearchDigits(search);
  return (eb: ExpressionBuilder<Database, 'customers'>) => {
    if (digits && /^\s*(\+\s*62|62|0)/.test(search)) {
      return eb.and([eb('customers.phone', '>=', `+${digits}`), eb('customers.phone', '<', `+${digits}:`)]); // ':' sorts right after '9'
    }
    if (digits) return eb.or([likeEscaped(eb.ref('customers.phone'), digits), likeEscaped(eb.ref('customers.code'), search)]);
    return eb.or([likeEscaped(eb.ref('customers.name'), search), likeEscaped(eb.ref('customers.code'), search), likeEscaped(eb.ref('customers.email'), search)]);
  };
}

/** The sort expression. `(+col)` hides the sort index from the planner: with a text search the
 * whole table is read anyway, and walking it in index order would cost a random read per row. */
function sortExpression(sort: ListInput['sort'], scanning: boolean) {
  const column = sql.ref(`customers.${sort}`);
  const expr = scanning ? sql`(+${column})` : column;
  return sort === 'name' || sort === 'city' ? sql`${expr} COLLATE NOCASE` : expr;
}

/**
 * The list's query, filtered and sorted: the list reads a page of it, export reads all of it, so a
 * file holds exactly what the list showed.
 */
export function customerListQuery(db: Kysely<Database>, input: Omit<ListInput, 'page' | 'pageSize'>) {
  const direction = input.desc ? sql`DESC` : sql`ASC`;
  return filterCustomers(db.selectFrom('customers'), input)
    .orderBy(sql`${sortExpression(input.sort, Boolean(input.search?.trim()))} ${direction}`)
    .orderBy('customers.id', input.desc ? 'desc' : 'asc');
}

export async function listCustomers(ctx: Ctx, input: ListInput) {
  const [rows, count] = await Promise.all([
    customerListQuery(ctx.db, input)
      .select(customerColumns)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    filterCustomers(ctx.db.selectFrom('customers'), input).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toCustomerRow), total: Number(count.n), page: input.page, pageSize: input.pageSize };
}

export async function customerSummary(ctx: Ctx, customerId: string) {
  const row = await ctx.db
    .selectFrom('transactions')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number | null>('amount').as('total'),
      eb.fn.min<string | null>('transaction_date').as('first'),
      eb.fn.max<string | null>('transaction_date').as('last'),
    ])
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  const total = Number(row.total ?? 0);
  return { transactions: n, total, averageOrder: n > 0 ? Math.round(total / n) : 0, firstPurchase: row.first, lastPurchase: row.last };
}

export async function customerFacets(ctx: Ctx) {
  const [cities, tags] = await Promise.all([
    // "Medan" and "medan" are one city to the owner (the city filter ignores case too).
    ctx.db
      .selectFrom('customers')
      .select((eb) => eb.fn.min<string>('city').as('city'))
      .where('city', 'is not', null)
      .where('deleted_at', 'is', null)
      .groupBy(sql`city COLLATE NOCASE`)
      .orderBy(sql`city COLLATE NOCASE`)
      .execute(),
    sql<{ tag: string }>`SELECT DISTINCT json_each.value AS tag FROM customers, json_each(customers.tags) WHERE customers.deleted_at IS NULL ORDER BY tag`.execute(ctx.db),
  ]);
  return { cities: cities.map((c) => c.city as string), tags: tags.rows.map((t) => t.tag) };
}

/** For pickers (a transaction's customer): the first matches by name, code or phone, with phone and city to tell namesakes apart. */
export async function customerOptions(ctx: Ctx, search: string) {
  const q = filterCustomers(ctx.db.selectFrom('customers'), { search, status: 'active' });
  return q.select(['id', 'code', 'name', 'phone', 'city']).orderBy(sql`name COLLATE NOCASE`).limit(20).execute();
}
