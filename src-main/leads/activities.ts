import { sql, type InferResult } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { activityCreateInput, ActivityRow, activityUpdateInput, followUpsInput } from '../../src-shared/schemas/lead';
import type { Ctx } from '../core/context';
import { newId } from '../core/ids';
import { write } from '../core/write';
import { assertMayTouch, seesAll } from './access';
import { activitiesAbout, SUBJECT } from './activity-subject';
import { isOverdue, shopNow } from './clock';

const notFound = (ctx: Ctx) => ctx.t('err.notFound', { entity: ctx.t('entity.activity') });

/** Activities with the lead's or customer's name and the people involved. */
function activitiesWithNames(ctx: Ctx) {
  return activitiesAbout(ctx.db)
    .leftJoin('users as assignee', 'assignee.id', 'a.assigned_to')
    .leftJoin('users as author', 'author.id', 'a.user_id')
    .select([
      'a.id',
      'a.lead_id',
      'a.customer_id',
      SUBJECT.as('subject'),
      sql<string | null>`coalesce(l.phone, c.phone)`.as('phone'),
      'a.kind',
      'a.outcome',
      'a.next_action',
      'a.due_date',
      'a.due_time',
      'a.done_at',
      'a.assigned_to',
      'assignee.name as assigned_name',
      'author.name as user_name',
      'a.created_at',
    ])
    .where('a.deleted_at', 'is', null);
}

type Selected = InferResult<ReturnType<typeof activitiesWithNames>>[number];

function toActivity(r: Selected, now: { today: string; time: string }): ActivityRow {
  return {
    id: r.id,
    leadId: r.lead_id,
    customerId: r.customer_id,
    subject: r.subject,
    phone: r.phone,
    kind: r.kind,
    outcome: r.outcome,
    nextAction: r.next_action,
    dueDate: r.due_date,
    dueTime: r.due_time,
    doneAt: r.done_at,
    overdue: r.done_at === null && isOverdue({ date: r.due_date, time: r.due_time }, now),
    assignedTo: r.assigned_to,
    assignedName: r.assigned_name,
    userName: r.user_name,
    createdAt: r.created_at,
  };
}

/** A lead's or a customer's activities, newest first. */
export async function activitiesOf(ctx: Ctx, target: { leadId?: string; customerId?: string }): Promise<ActivityRow[]> {
  const now = await shopNow(ctx);
  let q = activitiesWithNames(ctx);
  if (target.leadId) q = q.where('a.lead_id', '=', target.leadId);
  if (target.customerId) {
    // A converted lead's activities belong to the customer it became.
    const customerId = target.customerId;
    q = q.where((eb) => eb.or([eb('a.customer_id', '=', customerId), eb('l.customer_id', '=', customerId)]));
  }
  const rows = await q.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(500).execute();
  return rows.map((r) => toActivity(r, now));
}

async function activityTarget(ctx: Ctx, input: { leadId?: string; customerId?: string }) {
  if (input.leadId) {
    const lead = await ctx.db.selectFrom('leads').select(['id', 'owner_id', 'deleted_at']).where('id', '=', input.leadId).executeTakeFirst();
    if (!lead || lead.deleted_at) throw new AppError('NOT_FOUND', ctx.t('err.notFound', { entity: ctx.t('entity.lead') }), { id: input.leadId });
    assertMayTouch(ctx, lead);
    return;
  }
  const customer = await ctx.db
    .selectFrom('customers')
    .select('id')
    .where('id', '=', input.customerId ?? '')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!customer) throw new AppError('NOT_FOUND', ctx.t('err.notFound', { entity: ctx.t('entity.customer') }), { id: input.customerId });
}

/** Staff plan their own follow-ups; owners and managers may give one to anyone active. */
async function assertAssignee(ctx: Ctx, assignedTo: string | null): Promise<void> {
  if (!assignedTo || assignedTo === ctx.user?.id) return;
  if (!seesAll(ctx)) throw new AppError('FORBIDDEN', ctx.t('leads.assignOthers'));
  const user = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('id', '=', assignedTo)
    .where('active', '=', 1)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!user) throw new AppError('VALIDATION_ERROR', ctx.t('leads.unknownOwner'), { issues: [{ path: 'assignedTo', message: ctx.t('leads.unknownOwner') }] });
}

export async function createActivity(ctx: Ctx, input: z.output<typeof activityCreateInput>): Promise<ActivityRow> {
  await activityTarget(ctx, input);
  const assignedTo = input.assignedTo ?? (input.dueDate ? ctx.userId : null);
  await assertAssignee(ctx, assignedTo);
  const id = newId();
  write(ctx, (w) => {
    w.insert('lead_activities', {
      id,
      lead_id: input.leadId ?? null,
      customer_id: input.customerId ?? null,
      kind: input.kind,
      outcome: input.outcome,
      next_action: input.nextAction,
      due_date: input.dueDate,
      due_time: input.dueTime,
      // A note or a call with no next step is done the moment it is logged.
      done_at: input.dueDate ? null : ctx.clock.now().toISOString(),
      assigned_to: assignedTo,
      user_id: ctx.userId,
      deleted_at: null,
    });
    w.log({
      action: 'activities.create',
      entity: 'lead_activities',
      entityId: id,
      details: { kind: input.kind, lead: input.leadId, customer: input.customerId },
    });
  });
  return activityById(ctx, id);
}

async function storedActivity(ctx: Ctx, id: string) {
  const row = await ctx.db.selectFrom('lead_activities').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', notFound(ctx), { id });
  await activityTarget(ctx, { leadId: row.lead_id ?? undefined, customerId: row.customer_id ?? undefined });
  return row;
}

export async function activityById(ctx: Ctx, id: string): Promise<ActivityRow> {
  const row = await activitiesWithNames(ctx).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', notFound(ctx), { id });
  return toActivity(row, await shopNow(ctx));
}

export async function updateActivity(ctx: Ctx, input: z.output<typeof activityUpdateInput>): Promise<ActivityRow> {
  const before = await storedActivity(ctx, input.id);
  if (input.assignedTo !== before.assigned_to) await assertAssignee(ctx, input.assignedTo);
  write(ctx, (w) => {
    w.update(
      'lead_activities',
      input.id,
      {
        kind: input.kind,
        outcome: input.outcome,
        next_action: input.nextAction,
        due_date: input.dueDate,
        due_time: input.dueTime,
        assigned_to: input.assignedTo,
      },
      notFound(ctx),
    );
    w.log({ action: 'activities.update', entity: 'lead_activities', entityId: input.id });
  });
  return activityById(ctx, input.id);
}

/** Ticks a follow-up done (or open again): it leaves the reminders and the overdue counts. */
export async function setActivityDone(ctx: Ctx, id: string, done: boolean): Promise<ActivityRow> {
  const before = await storedActivity(ctx, id);
  if ((before.done_at !== null) !== done) {
    write(ctx, (w) => {
      w.update('lead_activities', id, { done_at: done ? ctx.clock.now().toISOString() : null }, notFound(ctx));
      w.log({ action: 'activities.update', entity: 'lead_activities', entityId: id, details: { done } });
    });
  }
  return activityById(ctx, id);
}

export async function deleteActivity(ctx: Ctx, id: string): Promise<void> {
  await storedActivity(ctx, id);
  write(ctx, (w) => {
    if (w.setDeleted('lead_activities', id, true, notFound(ctx))) w.log({ action: 'activities.delete', entity: 'lead_activities', entityId: id });
  });
}

/**
 * Follow-ups to do: the to-do list (`who` = me), the team's (owners and managers), and the calendar
 * (a range of days, done ones included). Without a range: everything open up to today, overdue first.
 */
export async function followUps(ctx: Ctx, input: z.output<typeof followUpsInput>) {
  const now = await shopNow(ctx);
  const who = input.who === 'me' || !seesAll(ctx) ? (ctx.user?.id ?? '') : input.who;
  let q = activitiesWithNames(ctx)
    .where('a.due_date', 'is not', null)
    .where((eb) => eb.or([eb('a.lead_id', 'is', null), eb('l.deleted_at', 'is', null)]));
  if (who !== 'team') q = q.where('a.assigned_to', '=', who);
  if (!input.includeDone) q = q.where('a.done_at', 'is', null);
  q = q.where('a.due_date', '>=', input.from ?? '0000-01-01').where('a.due_date', '<=', input.to ?? now.today);
  const rows = await q
    .orderBy('a.due_date')
    .orderBy(sql`coalesce(a.due_time, '99:99')`)
    .orderBy('a.id')
    .limit(input.limit)
    .execute();
  const counts = await reminderCounts(ctx, who, now);
  return { today: now.today, rows: rows.map((r) => toActivity(r, now)), ...counts };
}

/**
 * Overdue and due-today open follow-ups of a user (or the team): the shell's badge. The two never
 * overlap: one due earlier today is overdue only, so their sum is the number of follow-ups.
 */
export async function reminderCounts(ctx: Pick<Ctx, 'db'>, who: string, now: { today: string; time: string }) {
  let q = ctx.db
    .selectFrom('lead_activities as a')
    .leftJoin('leads as l', 'l.id', 'a.lead_id')
    .where('a.due_date', '<=', now.today)
    .where('a.done_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('a.lead_id', 'is', null), eb('l.deleted_at', 'is', null)]));
  if (who !== 'team') q = q.where('a.assigned_to', '=', who);
  const row = await q
    .select([
      sql<number>`coalesce(sum(CASE WHEN a.due_date < ${now.today} OR (a.due_time IS NOT NULL AND a.due_time < ${now.time}) THEN 1 ELSE 0 END), 0)`.as(
        'overdue',
      ),
      sql<number>`coalesce(sum(CASE WHEN a.due_date = ${now.today} AND (a.due_time IS NULL OR a.due_time >= ${now.time}) THEN 1 ELSE 0 END), 0)`.as('dueToday'),
    ])
    .executeTakeFirstOrThrow();
  return { overdue: Number(row.overdue), dueToday: Number(row.dueToday) };
}
