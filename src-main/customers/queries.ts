import { sql, type ExpressionBuilder, type RawBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import { phoneSearchDigits } from '../../src-shared/format/phone';
import { customerSnapshotSorts, type CustomerListRow, type CustomerRow, type customerListInput } from '../../src-shared/schemas/customer';
import type { SegmentId } from '../../src-shared/rfm/rules';
import type { Ctx } from '../core/context';
import { likeEscaped } from '../core/sql';
import { inTier, POINTS } from '../loyalty/list-sql';
import type { Database } from '../db/schema';

type ListInput = z.output<typeof customerListInput>;
type CustomerQuery = SelectQueryBuilder<Database, 'customers', object>;

export const customerColumns = [
  'id',
  'code',
  'name',
  'phone',
  'email',
  'address',
  'city',
  'tags',
  'notes',
  'source',
  'created_at',
  'updated_at',
  'deleted_at',
] as const;

export function toCustomerRow(row: Pick<Database['customers'], (typeof customerColumns)[number]>): CustomerRow {
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

/**
 * The latest RFM run, as every page picks it (the newest by hlc): the customers list shows and
 * sorts by what that run stored. As a subquery where the id is not known yet (an export's query).
 */
const LATEST_RUN = sql<string>`(SELECT id FROM rfm_runs ORDER BY hlc DESC LIMIT 1)`;
type RunRef = string | RawBuilder<string>;

export async function latestRun(db: Kysely<Database>): Promise<{ id: string; analysisDate: string } | null> {
  const run = await db.selectFrom('rfm_runs').select(['id', 'analysis_date']).orderBy('hlc', 'desc').limit(1).executeTakeFirst();
  return run ? { id: run.id, analysisDate: run.analysis_date } : null;
}

/** The filters of the customers list (and of its export, through customerListQuery). */
export function filterCustomers(
  query: CustomerQuery,
  input: Pick<ListInput, 'search' | 'city' | 'tag' | 'status' | 'tier' | 'minPoints'> & { segment?: SegmentId },
  run: RunRef = LATEST_RUN,
): CustomerQuery {
  let q = query;
  if (input.tier) q = q.where(inTier(input.tier));
  if (input.minPoints !== undefined) q = q.where(sql<boolean>`${POINTS} >= ${input.minPoints}`);
  if (input.segment) {
    const segment = input.segment;
    // Members read from the run's rows (its primary-key range), then each customer by id.
    q = q.where('customers.id', 'in', (eb) =>
      eb.selectFrom('rfm_analysis as seg').select('seg.customer_id').where('seg.run_id', '=', run).where('seg.segment', '=', segment),
    );
  }
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
    return eb.or([
      likeEscaped(eb.ref('customers.name'), search),
      likeEscaped(eb.ref('customers.code'), search),
      likeEscaped(eb.ref('customers.email'), search),
    ]);
  };
}

type SnapshotSort = (typeof customerSnapshotSorts)[number];
const isSnapshotSort = (sort: ListInput['sort']): sort is SnapshotSort => (customerSnapshotSorts as readonly string[]).includes(sort);

/** The sort expression. `(+col)` hides the sort index from the planner: with a text search the
 * whole table is read anyway, and walking it in index order would cost a random read per row. */
function sortExpression(sort: Exclude<ListInput['sort'], SnapshotSort>, scanning: boolean) {
  const column = sql.ref(`customers.${sort}`);
  const expr = scanning ? sql`(+${column})` : column;
  return sort === 'name' || sort === 'city' ? sql`${expr} COLLATE NOCASE` : expr;
}

/**
 * The list's query, filtered and sorted: the list reads a page of it, export reads all of it, so a
 * file holds exactly what the list showed. Sorted by a figure of the latest RFM run, customers the
 * run did not score come last, in id order, as listCustomers pages them.
 */
export function customerListQuery(db: Kysely<Database>, input: Omit<ListInput, 'page' | 'pageSize'>, run: RunRef = LATEST_RUN) {
  const direction = input.desc ? sql`DESC` : sql`ASC`;
  const filtered = filterCustomers(db.selectFrom('customers'), input, run);
  if (isSnapshotSort(input.sort)) {
    const figure = sql`(SELECT snap.${sql.ref(input.sort)} FROM rfm_analysis AS snap WHERE snap.run_id = ${run} AND snap.customer_id = customers.id)`;
    return filtered
      .orderBy(sql`${figure} IS NULL`)
      .orderBy(sql`${figure} ${direction}`)
      .orderBy('customers.id', input.desc ? 'desc' : 'asc');
  }
  return filtered.orderBy(sql`${sortExpression(input.sort, Boolean(input.search?.trim()))} ${direction}`).orderBy('customers.id', input.desc ? 'desc' : 'asc');
}

/**
 * A page of the list sorted by a figure of the run: the run's rows are sorted on their own (one
 * pass over its primary-key range, as a segment's members are, keeping only the top rows) and only
 * the page's customers are read; customers it did not score follow, in id order.
 */
async function snapshotSortedIds(db: Kysely<Database>, input: ListInput, sort: SnapshotSort, runId: string): Promise<string[]> {
  const direction = input.desc ? 'desc' : 'asc';
  const limit = input.pageSize;
  const offset = (input.page - 1) * input.pageSize;
  const onlyActive = input.status === 'active' && !input.search?.trim() && !input.city && !input.tag && !input.tier && input.minPoints === undefined;
  let scored = db.selectFrom('rfm_analysis as a').where('a.run_id', '=', runId);
  if (input.segment) scored = scored.where('a.segment', '=', input.segment);
  if (onlyActive) scored = scored.where('a.customer_id', 'not in', deletedCustomerIds(db));
  else if (input.status !== 'all' || input.search?.trim() || input.city || input.tag || input.tier || input.minPoints !== undefined) {
    scored = scored.where('a.customer_id', 'in', filterCustomers(db.selectFrom('customers'), { ...input, segment: undefined }).select('customers.id'));
  }
  // No COUNT(*) OVER () here: a window keeps and sorts every row, where LIMIT alone keeps the top ones.
  const page = await scored.select('a.customer_id').orderBy(`a.${sort}`, direction).orderBy('a.customer_id', direction).limit(limit).offset(offset).execute();
  const ids = page.map((r) => r.customer_id);
  // A segment holds only scored customers; otherwise the unscored ones fill the pages after them.
  if (ids.length === limit || input.segment) return ids;
  const scoredTotal = page.length ? offset + page.length : Number((await scored.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rest = await filterCustomers(db.selectFrom('customers'), input, runId)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('rfm_analysis as s').select('s.customer_id').where('s.run_id', '=', runId).whereRef('s.customer_id', '=', 'customers.id'))),
    )
    .select('customers.id')
    .orderBy('customers.id', direction)
    .limit(limit - ids.length)
    .offset(Math.max(0, offset - scoredTotal))
    .execute();
  return [...ids, ...rest.map((r) => r.id)];
}

export async function listCustomers(ctx: Ctx, input: ListInput) {
  const run = await latestRun(ctx.db);
  const runRef = run?.id ?? '';
  const onlySegment =
    input.segment && run && input.status === 'active' && !input.search?.trim() && !input.city && !input.tag && !input.tier && input.minPoints === undefined;
  // A segment's size from the run's rows alone (the few deleted customers left out by id), not a
  // customer lookup per member: 27,000 at-risk customers of 100,000 counted in a third of the time.
  const count = onlySegment
    ? ctx.db
        .selectFrom('rfm_analysis as a')
        .where('a.run_id', '=', run.id)
        .where('a.segment', '=', input.segment!)
        .where('a.customer_id', 'not in', deletedCustomerIds(ctx.db))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    : filterCustomers(ctx.db.selectFrom('customers'), input, runRef)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
  let rows: Pick<Database['customers'], (typeof customerColumns)[number]>[];
  if (isSnapshotSort(input.sort) && run) {
    const ids = await snapshotSortedIds(ctx.db, input, input.sort, run.id);
    const found = ids.length ? await ctx.db.selectFrom('customers').select(customerColumns).where('id', 'in', ids).execute() : [];
    const byId = new Map(found.map((r) => [r.id, r]));
    rows = ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  } else {
    rows = await customerListQuery(ctx.db, input, runRef)
      .select(customerColumns)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute();
  }
  const figures =
    run && rows.length
      ? await snapshotFigures(
          ctx.db,
          run.id,
          rows.map((r) => r.id),
        )
      : new Map<string, CustomerListRow['rfm']>();
  return {
    rows: rows.map((r) => ({ ...toCustomerRow(r), rfm: figures.get(r.id) ?? null })),
    total: Number((await count).n),
    page: input.page,
    pageSize: input.pageSize,
    rfmRun: run,
  };
}

/** What the run stored for each of a page's customers: one primary-key seek each. */
async function snapshotFigures(db: Kysely<Database>, runId: string, ids: string[]): Promise<Map<string, CustomerListRow['rfm']>> {
  const rows = await db
    .selectFrom('rfm_analysis')
    .select(['customer_id', 'segment', 'monetary', 'frequency', 'last_purchase'])
    .where('run_id', '=', runId)
    .where('customer_id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [r.customer_id, { segment: r.segment as SegmentId, monetary: r.monetary, frequency: r.frequency, lastPurchase: r.last_purchase }]),
  );
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
    sql<{
      tag: string;
    }>`SELECT DISTINCT json_each.value AS tag FROM customers, json_each(customers.tags) WHERE customers.deleted_at IS NULL ORDER BY tag`.execute(ctx.db),
  ]);
  return { cities: cities.map((c) => c.city as string), tags: tags.rows.map((t) => t.tag) };
}

/** For pickers (a transaction's customer): the first matches by name, code or phone, with phone and city to tell namesakes apart. */
export async function customerOptions(ctx: Ctx, search: string) {
  const q = filterCustomers(ctx.db.selectFrom('customers'), { search, status: 'active' });
  return q
    .select(['id', 'code', 'name', 'phone', 'city'])
    .orderBy(sql`name COLLATE NOCASE`)
    .limit(20)
    .execute();
}
