import { sql, type InferResult, type Kysely, type OrderByItemBuilder } from 'kysely';
import type { z } from 'zod';
import type { SegmentId } from '../../src-shared/rfm/rules';
import type { RfmCustomerOutput, rfmMembersInput, RfmMemberRow, RfmRunRow, RfmRunSummary, RfmSummary } from '../../src-shared/schemas/rfm';
import { AppError } from '../../src-shared/errors';
import type { Ctx } from '../core/context';
import { deletedCustomerIds, searchCondition } from '../customers/queries';
import type { Database } from '../db/schema';
import { getSettings } from '../settings/service';
import { derivedFigures } from './derived';

type Db = Pick<Ctx, 'db'>;

function runQuery(db: Kysely<Database>) {
  return db
    .selectFrom('rfm_runs as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.id',
      'r.analysis_date',
      'r.method',
      'r.window_months',
      'r.customers',
      'r.duration_ms',
      'r.trigger',
      'r.created_at',
      'r.parameters',
      'u.name as user_name',
    ]);
}
type RunRecord = InferResult<ReturnType<typeof runQuery>>[number];

function toRunRow(r: RunRecord): RfmRunRow {
  return {
    id: r.id,
    analysisDate: r.analysis_date,
    method: r.method,
    windowMonths: r.window_months,
    customers: r.customers,
    durationMs: r.duration_ms,
    trigger: r.trigger,
    userName: r.user_name,
    createdAt: r.created_at,
    parameters: JSON.parse(r.parameters) as RfmRunRow['parameters'],
  };
}

/**
 * The run asked for, or the latest; null when the shop has never run one. Runs are ordered by their
 * hybrid logical clock: each run's is above every change committed before it started, whatever the
 * wall clocks of the threads that wrote them said.
 */
export async function findRun(ctx: Db & Partial<Pick<Ctx, 't'>>, runId?: string): Promise<RfmRunRow | null> {
  const q = runQuery(ctx.db);
  const row = await (runId ? q.where('r.id', '=', runId) : q.orderBy('r.hlc', 'desc').limit(1)).executeTakeFirst();
  if (!row && runId) throw new AppError('NOT_FOUND', ctx.t ? ctx.t('err.notFound', { entity: ctx.t('entity.rfmRun') }) : 'RFM run not found', { runId });
  return row ? toRunRow(row) : null;
}

export async function listRuns(ctx: Db, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    runQuery(ctx.db)
      .orderBy('r.hlc', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    ctx.db
      .selectFrom('rfm_runs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toRunRow), total: Number(count.n), page, pageSize };
}

export async function rfmSummary(ctx: Db & Partial<Pick<Ctx, 't'>>, runId?: string): Promise<RfmSummary> {
  const run = await findRun(ctx, runId);
  if (!run) return { run: null, segments: [], grid: [], movement: null };
  const stored = await ctx.db.selectFrom('rfm_runs').select('summary').where('id', '=', run.id).executeTakeFirstOrThrow();
  const summary = JSON.parse(stored.summary) as RfmRunSummary;
  const previousRun = summary.movement ? await findRun(ctx, summary.movement.previousRunId).catch(() => null) : null;
  return {
    run,
    segments: summary.segments,
    grid: summary.grid,
    movement: summary.movement && previousRun ? { previousRun, rows: summary.movement.rows } : null,
  };
}

const memberColumns = [
  'a.customer_id',
  'customers.code',
  'customers.name',
  'customers.phone',
  'customers.city',
  'a.recency_days',
  'a.frequency',
  'a.monetary',
  'a.r_score',
  'a.f_score',
  'a.m_score',
  'a.segment',
  'a.first_purchase',
  'a.last_purchase',
  'a.avg_order_value',
  'a.median_gap_days',
] as const;

/** A member row's columns: the stored ones and those derived from them for its run. */
function memberSelection(run: RfmRunRow) {
  const derived = derivedFigures(run);
  return [
    ...memberColumns,
    derived.clv.as('clv'),
    derived.churnRatio.as('churn_ratio'),
    derived.churnBand.as('churn_band'),
    derived.pAlive.as('p_alive'),
    derived.expected90.as('expected_90'),
    derived.clvFitted.as('clv_fitted'),
  ] as const;
}

function toMemberRow(r: Record<string, unknown>): RfmMemberRow {
  return {
    customerId: r.customer_id as string,
    code: r.code as string,
    name: r.name as string,
    phone: r.phone as string | null,
    city: r.city as string | null,
    recencyDays: Number(r.recency_days),
    frequency: Number(r.frequency),
    monetary: Number(r.monetary),
    r: Number(r.r_score),
    f: Number(r.f_score),
    m: Number(r.m_score),
    segment: r.segment as SegmentId,
    firstPurchase: r.first_purchase as string,
    lastPurchase: r.last_purchase as string,
    aov: Number(r.avg_order_value),
    clv: Number(r.clv),
    medianGapDays: r.median_gap_days === null ? null : Number(r.median_gap_days),
    churnRatio: r.churn_ratio === null ? null : Number(r.churn_ratio),
    churnBand: r.churn_band as RfmMemberRow['churnBand'],
    pAlive: r.p_alive === null || r.p_alive === undefined ? null : Number(r.p_alive),
    expected90: r.expected_90 === null || r.expected_90 === undefined ? null : Number(r.expected_90),
    clvFitted: r.clv_fitted === null || r.clv_fitted === undefined ? null : Number(r.clv_fitted),
  };
}

type MembersInput = z.output<typeof rfmMembersInput>;

/**
 * A run's rows that pass the filters, without their customers' columns (the list, its export and
 * the CLI join those to the rows they keep). Customers deleted since the run are left out, as in
 * every other list, and a search picks customers, both by id: a segment of 9,000 in a run of
 * 100,000 is then read without a customer lookup per row (35 ms instead of 56 for a page).
 */
export function filterMembers(db: Kysely<Database>, run: RfmRunRow, input: Omit<MembersInput, 'page' | 'pageSize' | 'sort' | 'desc' | 'runId'>) {
  let q = db.selectFrom('rfm_analysis as a').where('a.run_id', '=', run.id).where('a.customer_id', 'not in', deletedCustomerIds(db));
  if (input.segment) q = q.where('a.segment', '=', input.segment);
  if (input.r) q = q.where('a.r_score', '=', input.r);
  if (input.f) q = q.where('a.f_score', '=', input.f);
  if (input.m) q = q.where('a.m_score', '=', input.m);
  if (input.churnBand) q = q.where(derivedFigures(run).churnBand, '=', input.churnBand);
  if (input.search) q = q.where('a.customer_id', 'in', db.selectFrom('customers').select('customers.id').where(searchCondition(input.search)));
  return q;
}

/**
 * A run's members filtered and sorted, with their customers: the list reads a page of it, export
 * all of it. The rows are filtered, sorted and paged on their own (filterMembers), and only those
 * kept are joined to their run row and customer; `page` adds the filtered total to each row.
 */
export function memberListQuery(
  db: Kysely<Database>,
  run: RfmRunRow,
  input: Omit<MembersInput, 'page' | 'pageSize' | 'runId'>,
  page?: { limit: number; offset: number },
) {
  const direction = input.desc ? 'desc' : 'asc';
  const derived = derivedFigures(run);
  // Written against `a`, so the same expression sorts the kept keys and then the joined rows.
  const sortColumn =
    input.sort === 'name'
      ? sql`(SELECT sort_customer.name FROM customers AS sort_customer WHERE sort_customer.id = a.customer_id)`
      : input.sort === 'clv'
        ? derived.clv
        : input.sort === 'churn_ratio'
          ? derived.churnRatio
          : input.sort === 'p_alive'
            ? derived.pAlive
            : input.sort === 'clv_fitted'
              ? derived.clvFitted
              : sql.ref(`a.${input.sort}`);
  // Customers the model does not score (no fit; P(alive) of one-time buyers) come after those it does, either way.
  const unscoredLast = input.sort === 'p_alive' || input.sort === 'clv_fitted';
  const order = (ob: OrderByItemBuilder) => {
    const sorted = direction === 'desc' ? ob.desc() : ob.asc();
    return unscoredLast ? sorted.nullsLast() : sorted;
  };
  let keys = filterMembers(db, run, input)
    .select('a.customer_id')
    .$if(page !== undefined, (q) => q.select((eb) => eb.fn.countAll<number>().over().as('total')))
    .orderBy(sortColumn, order)
    .orderBy('a.customer_id', direction);
  if (page) keys = keys.limit(page.limit).offset(page.offset);
  return db
    .selectFrom(keys.as('k'))
    .innerJoin('rfm_analysis as a', (join) => join.on('a.run_id', '=', run.id).onRef('a.customer_id', '=', 'k.customer_id'))
    .innerJoin('customers', 'customers.id', 'k.customer_id')
    .orderBy(sortColumn, order)
    .orderBy('a.customer_id', direction);
}

export async function rfmMembers(ctx: Db & Pick<Ctx, 't'>, input: MembersInput) {
  const run = await findRun(ctx, input.runId);
  if (!run) return { rows: [], total: 0, page: input.page, pageSize: input.pageSize, runId: null };
  // The total rides along with the page (one pass over the run's rows, not two). Only a page past
  // the end has no row to carry it.
  const rows = await memberListQuery(ctx.db, run, input, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize })
    .select(memberSelection(run))
    .select('k.total')
    .execute();
  const total = rows.length
    ? rows[0].total
    : (
        await filterMembers(ctx.db, run, input)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
  return { rows: rows.map(toMemberRow), total: Number(total), page: input.page, pageSize: input.pageSize, runId: run.id };
}

export async function rfmCustomer(ctx: Db, customerId: string): Promise<RfmCustomerOutput> {
  const settings = await getSettings(ctx);
  const latest = await findRun(ctx);
  // Runs first, then one primary-key seek per run (there is no index by customer).
  const history = await ctx.db
    .selectFrom('rfm_runs as r')
    .innerJoin('rfm_analysis as a', (join) => join.onRef('a.run_id', '=', 'r.id').on('a.customer_id', '=', customerId))
    .select(['a.run_id', 'r.analysis_date', 'r.method', 'a.segment', 'a.r_score', 'a.f_score', 'a.m_score'])
    .orderBy('r.hlc', 'desc')
    .limit(100)
    .execute();
  let current: RfmCustomerOutput['current'] = null;
  if (latest) {
    const row = await ctx.db
      .selectFrom('rfm_analysis as a')
      .innerJoin('customers', 'customers.id', 'a.customer_id')
      .where('customers.deleted_at', 'is', null)
      .where('a.run_id', '=', latest.id)
      .where('a.customer_id', '=', customerId)
      .select(memberSelection(latest))
      .executeTakeFirst();
    if (row) current = { ...toMemberRow(row), runId: latest.id, analysisDate: latest.analysisDate, method: latest.method };
  }
  return {
    current,
    history: history.map((h) => ({
      runId: h.run_id,
      analysisDate: h.analysis_date,
      method: h.method,
      segment: h.segment as SegmentId,
      r: h.r_score,
      f: h.f_score,
      m: h.m_score,
    })),
    clvExpectedYears: latest?.parameters.clvExpectedYears ?? settings.clvExpectedYears,
    shopMedianGapDays: latest?.parameters.shopMedianGapDays ?? null,
  };
}
