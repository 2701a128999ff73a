import type { Statement } from 'better-sqlite3';
import { sql, type Compilable } from 'kysely';
import { dateInZone } from '../../src-shared/format/date';
import { formatPhone, normalizePhone } from '../../src-shared/format/phone';
import { translator, type MessageKey, type Translate } from '../../src-shared/i18n/messages';
import type { Language } from '../../src-shared/schemas/auth';
import type { PulledHandover } from '../../src-shared/sync/protocol';
import type { AppServices, WriteCtx } from '../core/context';
import { newId } from '../core/ids';
import { write, type Writer } from '../core/write';
import { leadCode } from '../leads/service';
import { firstOwnerQuery } from '../users/service';

/**
 * Handovers of the shop's WhatsApp assistant (issue 23), pulled from the cloud, become leads: the
 * lead with that phone is created or moved on (Booking for a customer who wants to pay, Follow-up
 * otherwise), takes the assistant's summary and the campaign code, and gets an activity saying why,
 * due from the moment of the handover and given to a person, which is the owner's entry in the bell.
 *
 * The activity's id is the handover's id (a UUIDv7 made by the cloud): a handover pulled twice, on
 * this laptop or on another of the shop's, is the same row, so nothing is added the second time.
 */

export type HandoverDeps = Pick<AppServices, 'sqlite' | 'db' | 'clock' | 'hlc'>;

/** A lead the assistant just handed over: what the bell, the toast and the OS notification say. */
export interface HandedOver {
  leadId: string;
  activityId: string;
  name: string;
  reason: string;
  summary: string;
  created: boolean;
}

const REASONS = ['payment_intent', 'person_request', 'unknown_question', 'low_confidence', 'quota'] as const;

/** The reason in words; one the cloud added after this version is "another reason" with its code. */
export function reasonText(t: Translate, reason: string): string {
  return (REASONS as readonly string[]).includes(reason) ? t(`handover.reason.${reason}` as MessageKey) : t('handover.reason.other', { reason });
}

const NEXT_ACTION_MAX = 300;
const NOTES_MAX = 2000;
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

interface Stage {
  id: string;
  name: string;
  position: number;
  kind: 'open' | 'won' | 'lost';
}
interface Person {
  id: string;
  language: Language;
}

/** What every handover of one pull needs, read once before its transaction. */
interface Surroundings {
  /** The shop's time zone: a handover is due on the shop's day and at its wall-clock time. */
  zone: string;
  now: Date;
  stages: Stage[];
  channelId: string | null;
  owner: Person | null;
  /** The number of the last lead code given, counted on as this page creates leads. */
  lastCode: number;
}

/** Statements prepared once per connection: a page of 500 handovers asks the same few questions. */
const prepared = new WeakMap<HandoverDeps['sqlite'], Map<string, Statement>>();

function statement(deps: HandoverDeps, sqlText: string): Statement {
  let cache = prepared.get(deps.sqlite);
  if (!cache) prepared.set(deps.sqlite, (cache = new Map()));
  let found = cache.get(sqlText);
  if (!found) cache.set(sqlText, (found = deps.sqlite.prepare(sqlText)));
  return found;
}

function rows<T>(deps: HandoverDeps, query: Compilable): T[] {
  const compiled = query.compile();
  return statement(deps, compiled.sql).all(...(compiled.parameters as unknown[])) as T[];
}

function surroundings(deps: HandoverDeps): Surroundings {
  const [business] = rows<{ timezone: string }>(deps, deps.db.selectFrom('business').select('timezone'));
  const zone = business?.timezone ?? 'Asia/Jakarta';
  const now = deps.clock.now();
  const stages = rows<Stage>(
    deps,
    deps.db.selectFrom('lead_stages').select(['id', 'name', 'position', 'kind']).where('deleted_at', 'is', null).orderBy('position'),
  );
  // The channel migration 0021 added, or the shop's own "WhatsApp" if it had one before.
  const [channel] = rows<{ id: string }>(
    deps,
    deps.db
      .selectFrom('lead_channels')
      .select('id')
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('id', '=', 'whatsapp'), eb(sql`name COLLATE NOCASE`, '=', 'WhatsApp')]))
      .orderBy(sql`id = 'whatsapp'`, 'desc')
      .limit(1),
  );
  // A lead without an owner is announced to the shop's first owner: someone must answer the customer.
  const [owner] = rows<Person>(deps, firstOwnerQuery(deps.db));
  const [max] = rows<{ n: number | null }>(
    deps,
    deps.db
      .selectFrom('leads')
      .select(sql<number | null>`MAX(CAST(SUBSTR(code, 3) AS INTEGER))`.as('n'))
      .where(sql<boolean>`code GLOB 'L-[0-9]*'`),
  );
  return { zone, now, stages, channelId: channel?.id ?? null, owner: owner ?? null, lastCode: max?.n ?? 0 };
}

interface StoredLead {
  id: string;
  name: string;
  stage_id: string;
  owner_id: string | null;
  channel_id: string | null;
  campaign_code: string | null;
  notes: string | null;
}

/**
 * Applies the handovers inside the caller's transaction (the pull's, with its cursor). Returns the
 * ones that were new; one already applied is skipped.
 */
export function applyHandovers(deps: HandoverDeps, items: PulledHandover[]): HandedOver[] {
  if (items.length === 0) return [];
  const around = surroundings(deps);
  const ctx: WriteCtx = { ...deps, userId: null };
  // One writer for the page: its statements are prepared once, not once per handover.
  return write(ctx, (w) => {
    const fresh: HandedOver[] = [];
    for (const item of items) {
      const seen = rows<{ id: string }>(deps, deps.db.selectFrom('lead_activities').select('id').where('id', '=', item.id));
      if (seen.length === 0) fresh.push(applyOne(deps, w, around, item));
    }
    return fresh;
  });
}

function applyOne(deps: HandoverDeps, w: Writer, around: Surroundings, item: PulledHandover): HandedOver {
  const phone = normalizePhone(item.phone);
  const summary = item.summary.trim();
  const target = around.stages.find((s) => s.id === item.stage && s.kind === 'open') ?? around.stages.find((s) => s.kind === 'open');
  if (!target) throw new Error('the pipeline has no open stage for a handed-over lead');
  const [existing] = phone
    ? rows<StoredLead>(
        deps,
        deps.db
          .selectFrom('leads')
          .select(['id', 'name', 'stage_id', 'owner_id', 'channel_id', 'campaign_code', 'notes'])
          .where('phone', '=', phone)
          .where('deleted_at', 'is', null),
      )
    : [];
  // Who answers: the lead's owner, else the shop's; the texts below are in their language.
  const assignee = existing?.owner_id
    ? (rows<Person>(deps, deps.db.selectFrom('users').select(['id', 'language']).where('id', '=', existing.owner_id))[0] ?? around.owner)
    : around.owner;
  const t = translator(assignee?.language ?? 'id');
  // The stage history says why the lead moved: no person did it.
  const why = t('handover.activity', { reason: reasonText(t, item.reason) });
  const lead = existing ? updateLead(w, around, existing, target, item, summary, why) : createLead(deps, w, around, target, item, phone, summary, why);

  // The owner's entry in the bell: due when the customer was handed over (a laptop that syncs late, or
  // a new one pulling every handover, shows the old ones as overdue). A stamp from the future (a cloud
  // clock ahead) counts as now.
  const stamped = new Date(item.createdAt);
  const at = Number.isNaN(stamped.getTime()) || stamped > around.now ? around.now : stamped;
  w.insert('lead_activities', {
    id: item.id,
    created_at: at.toISOString(),
    lead_id: lead.id,
    customer_id: null,
    kind: 'whatsapp',
    outcome: clip(summary ? `${why} ${summary}` : why, NOTES_MAX),
    next_action: clip(summary ? t('handover.next', { summary }) : t('handover.nextNoSummary'), NEXT_ACTION_MAX),
    due_date: dateInZone(at, around.zone),
    due_time: new Intl.DateTimeFormat('en-GB', { timeZone: around.zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at),
    done_at: null,
    assigned_to: assignee?.id ?? null,
    user_id: null,
    deleted_at: null,
  });
  w.log({ action: 'activities.create', entity: 'lead_activities', entityId: item.id, details: { kind: 'whatsapp', lead: lead.id, handover: item.reason } });
  // Announced here, with the handover's own words: the follow-up timer must not announce it again.
  const mark = deps.db.insertInto('lead_reminders_sent').values({ activity_id: item.id, sent_at: w.now }).compile();
  statement(deps, mark.sql).run(...(mark.parameters as unknown[]));
  return { leadId: lead.id, activityId: item.id, name: lead.name, reason: item.reason, summary, created: !existing };
}

function createLead(
  deps: HandoverDeps,
  w: Writer,
  around: Surroundings,
  stage: Stage,
  item: PulledHandover,
  phone: string | null,
  summary: string,
  why: string,
) {
  const id = newId();
  around.lastCode += 1;
  const code = leadCode(around.lastCode);
  // The assistant knows the number, not the name: the owner renames the lead after the first call.
  const name = phone ? formatPhone(phone) : item.phone.slice(0, 120);
  const now = w.now;
  w.insert('leads', {
    id,
    code,
    name,
    organisation: null,
    phone,
    email: null,
    city: null,
    channel_id: around.channelId,
    utm_source: null,
    utm_medium: null,
    campaign_code: item.campaignCode,
    interest: null,
    value: 0,
    owner_id: null,
    stage_id: stage.id,
    stage_changed_at: now,
    expected_close: null,
    notes: summary ? clip(summary, NOTES_MAX) : null,
    customer_id: null,
    closed_at: null,
    lost_reason: null,
    upload_id: null,
    deleted_at: null,
  });
  w.insert('lead_stage_changes', { id: newId(), lead_id: id, from_stage_id: null, to_stage_id: stage.id, reason: why, user_id: null });
  w.log({ action: 'leads.create', entity: 'leads', entityId: id, details: { code, name, source: 'whatsapp_assistant' } });
  return { id, name };
}

/**
 * The lead the number already has: it takes the summary (newest first) and the campaign code, and
 * moves forward to the handover's stage, never back, and a closed lead keeps its stage: a person
 * reads the activity and decides.
 */
function updateLead(w: Writer, around: Surroundings, lead: StoredLead, target: Stage, item: PulledHandover, summary: string, why: string) {
  const notFound = `lead ${lead.id} not found`;
  const notes = summary && !(lead.notes ?? '').includes(summary) ? clip(lead.notes ? `${summary}\n\n${lead.notes}` : summary, NOTES_MAX) : lead.notes;
  w.update('leads', lead.id, { campaign_code: item.campaignCode ?? lead.campaign_code, channel_id: lead.channel_id ?? around.channelId, notes }, notFound);
  w.log({ action: 'leads.update', entity: 'leads', entityId: lead.id, details: { source: 'whatsapp_assistant' } });
  const from = around.stages.find((s) => s.id === lead.stage_id);
  if (from && from.kind === 'open' && target.position > from.position) {
    w.update('leads', lead.id, { stage_id: target.id, stage_changed_at: w.now, closed_at: null, lost_reason: null }, notFound);
    w.insert('lead_stage_changes', { id: newId(), lead_id: lead.id, from_stage_id: from.id, to_stage_id: target.id, reason: why, user_id: null });
    w.log({ action: 'leads.move', entity: 'leads', entityId: lead.id, details: { from: from.name, to: target.name, source: 'whatsapp_assistant' } });
  }
  return { id: lead.id, name: lead.name };
}
