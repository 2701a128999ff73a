import { sql, type Expression, type ExpressionBuilder, type InferResult, type Kysely, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { boardInput, leadFilters, leadListInput, LeadRow } from '../../src-shared/schemas/lead';
import type { Ctx } from '../core/context';
import { likeEscaped } from '../core/sql';
import type { Database } from '../db/schema';
import { visibleLeads } from './access';
import { isOverdue, shopNow } from './clock';
import { listStages } from './stages';

type Filters = z.output<z.ZodObject<typeof leadFilters>>;
type Now = { today: string; time: string };
/** Who reads the list: their database and their user (visibility, `owner: 'me'`). An export job has no Ctx. */
type Viewer = Pick<Ctx, 'db' | 'user'>;

/**
 * Leads with their stage, channel and owner, as every list and the board show them. The stage is a
 * LEFT JOIN though every lead has one (a foreign key, NOT NULL): an inner join lets SQLite start
 * from the six stages and sort all 50,000 leads for a page, where `leads` first reads page 1 of
 * the list's order straight from its index (bench: 1 s → 1 ms).
 */
function leadsWithNames(db: Kysely<Database>) {
  return db
    .selectFrom('leads')
    .leftJoin('lead_stages as s', 's.id', 'leads.stage_id')
    .leftJoin('lead_channels as ch', 'ch.id', 'leads.channel_id')
    .leftJoin('users as u', 'u.id', 'leads.owner_id');
}

/**
 * The open follow-up due earliest, per lead: correlated lookups answered from the open follow-ups'
 * index alone (idx_lead_activities_open, migration 0017), whose WHERE each one repeats to be used.
 */
const nextDue = sql<
  string | null
>`(SELECT min(a.due_date) FROM lead_activities a WHERE a.lead_id = leads.id AND a.done_at IS NULL AND a.deleted_at IS NULL AND a.due_date IS NOT NULL)`;
const nextDueTime = sql<
  string | null
>`(SELECT min(a.due_time) FROM lead_activities a WHERE a.lead_id = leads.id AND a.done_at IS NULL AND a.deleted_at IS NULL AND a.due_date = (SELECT min(b.due_date) FROM lead_activities b WHERE b.lead_id = leads.id AND b.done_at IS NULL AND b.deleted_at IS NULL AND b.due_date IS NOT NULL))`;

function selectRow(q: ReturnType<typeof leadsWithNames>) {
  return q.select([
    'leads.id',
    'leads.code',
    'leads.name',
    'leads.organisation',
    'leads.phone',
    'leads.email',
    'leads.city',
    'leads.channel_id',
    'ch.name as channel_name',
    'leads.utm_source',
    'leads.utm_medium',
    'leads.campaign_code',
    'leads.interest',
    'leads.value',
    'leads.owner_id',
    'u.name as owner_name',
    'leads.stage_id',
    's.name as stage_name',
    's.kind as stage_kind',
    's.probability',
    'leads.stage_changed_at',
    'leads.expected_close',
    'leads.notes',
    'leads.customer_id',
    'leads.closed_at',
    'leads.lost_reason',
    'leads.created_at',
    'leads.updated_at',
    'leads.deleted_at',
    nextDue.as('next_due'),
    nextDueTime.as('next_due_time'),
  ]);
}

type Selected = InferResult<ReturnType<typeof selectRow>>[number];

function toLead(r: Selected, now: Now): LeadRow {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    organisation: r.organisation,
    phone: r.phone,
    email: r.email,
    city: r.city,
    channelId: r.channel_id,
    channelName: r.channel_name,
    utmSource: r.utm_source,
    utmMedium: r.utm_medium,
    campaignCode: r.campaign_code,
    interest: r.interest,
    value: r.value,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    stageId: r.stage_id,
    // Never null: the stage is a foreign key (see leadsWithNames for why it is a LEFT JOIN).
    stageName: r.stage_name ?? '',
    stageKind: r.stage_kind ?? 'open',
    probability: r.probability ?? 0,
    stageChangedAt: r.stage_changed_at,
    expectedClose: r.expected_close,
    notes: r.notes,
    customerId: r.customer_id,
    closedAt: r.closed_at,
    lostReason: r.lost_reason,
    nextDue: r.next_due,
    overdue: r.stage_kind === 'open' && isOverdue({ date: r.next_due, time: r.next_due_time }, now),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

/**
 * The filters every lead list shares (table, board, export), with the caller's visibility, as one
 * condition on `leads` alone: the list's rows join names to it, its count does not need them.
 */
function conditions(ctx: Viewer, input: Filters, now: Now) {
  return (eb: ExpressionBuilder<Database, 'leads'>) => {
    const all: Expression<SqlBool>[] = [visibleLeads(ctx)(eb)];
    if (input.status === 'active') all.push(eb('leads.deleted_at', 'is', null));
    if (input.status === 'deleted') all.push(eb('leads.deleted_at', 'is not', null));
    if (input.stageIds?.length) all.push(eb('leads.stage_id', 'in', input.stageIds));
    if (input.channelIds?.length) all.push(eb('leads.channel_id', 'in', input.channelIds));
    if (input.owner === 'none') all.push(eb('leads.owner_id', 'is', null));
    else if (input.owner === 'me') all.push(eb('leads.owner_id', '=', ctx.user?.id ?? ''));
    else if (input.owner) all.push(eb('leads.owner_id', '=', input.owner));
    if (input.campaignCode) all.push(eb('leads.campaign_code', '=', input.campaignCode.toUpperCase()));
    if (input.overdue) {
      all.push(eb('leads.stage_id', 'in', eb.selectFrom('lead_stages').select('id').where('kind', '=', 'open')));
      // The leads with a follow-up past due, read as a range of days of the open follow-ups' index
      // (a few thousand entries), not a lookup per lead: 50,000 of those cost a count 0.3-0.7 s.
      all.push(
        eb(
          'leads.id',
          'in',
          eb
            .selectFrom('lead_activities as a')
            .select('a.lead_id')
            .where('a.due_date', '<=', now.today)
            .where('a.done_at', 'is', null)
            .where('a.deleted_at', 'is', null)
            .where((w) => w.or([w('a.due_date', '<', now.today), w('a.due_time', '<', now.time)])),
        ),
      );
    }
    const search = input.search?.trim();
    if (search) {
      const digits = search.replace(/\D/g, '');
      all.push(
        eb.or([
          likeEscaped(eb.ref('leads.name'), search),
          likeEscaped(eb.ref('leads.code'), search),
          likeEscaped(eb.ref('leads.organisation'), search),
          likeEscaped(eb.ref('leads.city'), search),
          ...(digits.length >= 4 ? [likeEscaped(eb.ref('leads.phone'), digits.replace(/^0/, ''))] : []),
        ]),
      );
    }
    return eb.and(all);
  };
}

function filtered(ctx: Viewer, input: Filters, now: Now) {
  return leadsWithNames(ctx.db).where(conditions(ctx, input, now));
}

const ORDER = {
  name: sql`leads.name COLLATE NOCASE`,
  code: sql`leads.code`,
  value: sql`leads.value`,
  created_at: sql`leads.created_at`,
  updated_at: sql`leads.updated_at`,
  expected_close: sql`coalesce(leads.expected_close, '9999')`,
  stage: sql`s.position`,
} as const;

/** The list's query, filtered and sorted; the table reads a page of it, the export all of it. */
export function leadListQuery(ctx: Viewer, input: Omit<z.output<typeof leadListInput>, 'page' | 'pageSize'>, now: Now) {
  return selectRow(filtered(ctx, input, now))
    .orderBy(sql`${ORDER[input.sort]} ${input.desc ? sql`DESC` : sql`ASC`}`)
    .orderBy('leads.id');
}

export async function listLeads(ctx: Ctx, input: z.output<typeof leadListInput>) {
  const now = await shopNow(ctx);
  const [rows, count] = await Promise.all([
    leadListQuery(ctx, input, now)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    ctx.db
      .selectFrom('leads')
      .where(conditions(ctx, input, now))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => toLead(r, now)), total: Number(count.n), page: input.page, pageSize: input.pageSize };
}

export async function leadById(ctx: Ctx, id: string, withDeleted = true): Promise<LeadRow | undefined> {
  const now = await shopNow(ctx);
  let q = selectRow(leadsWithNames(ctx.db).where(visibleLeads(ctx))).where('leads.id', '=', id);
  if (!withDeleted) q = q.where('leads.deleted_at', 'is', null);
  const row = await q.executeTakeFirst();
  return row && toLead(row, now);
}

/**
 * The pipeline board: every stage with its lead count and value (one grouped read), and the most
 * recently moved leads of each (one indexed read per stage), so 50,000 leads cost what 50 cards do.
 */
export async function leadBoard(ctx: Ctx, input: z.output<typeof boardInput>) {
  const now = await shopNow(ctx);
  const stages = await listStages(ctx);
  const totals = await ctx.db
    .selectFrom('leads')
    .where(conditions(ctx, { ...input, stageIds: undefined, status: 'active' }, now))
    .select(['leads.stage_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('leads.value').as('value')])
    .groupBy('leads.stage_id')
    .execute();
  const byStage = new Map(totals.map((t) => [t.stage_id, t]));
  const shown = input.stageIds?.length ? stages.filter((s) => input.stageIds?.includes(s.id)) : stages;
  return {
    stages: await Promise.all(
      shown.map(async (stage) => {
        const rows = await selectRow(filtered(ctx, { ...input, stageIds: [stage.id], status: 'active' }, now))
          .orderBy('leads.stage_changed_at', 'desc')
          .orderBy('leads.id')
          .limit(input.perStage)
          .execute();
        const total = byStage.get(stage.id);
        return { ...stage, count: Number(total?.n ?? 0), value: Number(total?.value ?? 0), leads: rows.map((r) => toLead(r, now)) };
      }),
    ),
  };
}
