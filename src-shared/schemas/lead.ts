import { z } from 'zod';
import { campaignCode } from './content';
import { emailField, idField, isoDate, money, optionalText, pageInput, pageOutput, phoneField, recordStatus, requiredText } from './common';

/** The leads pipeline (seeds 003 and 004): prospects, their stages, follow-ups and reminders. */
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export const ACTIVITY_KINDS = ['call', 'chat', 'meeting', 'note', 'whatsapp'] as const;

const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'v.time')
  .nullish()
  .transform((v) => v ?? null);
const optionalDate = isoDate.nullish().transform((v) => v ?? null);

export const leadFields = {
  name: requiredText(120),
  organisation: optionalText(160),
  phone: phoneField,
  email: emailField,
  city: optionalText(80),
  channelId: idField.nullish().transform((v) => v ?? null),
  utmSource: optionalText(80),
  utmMedium: optionalText(80),
  campaignCode: z
    .union([campaignCode, z.literal('')])
    .nullish()
    .transform((v) => v || null),
  interest: optionalText(160),
  value: money.min(0, 'v.positive').default(0),
  /** A user id; staff may only leave it empty or take the lead themselves. */
  ownerId: idField.nullish().transform((v) => v ?? null),
  expectedClose: optionalDate,
  notes: optionalText(2000),
};

export const leadCreateInput = z.strictObject({
  ...leadFields,
  /** The first stage when absent. */
  stageId: idField.optional(),
  /** Set after the user saw that a customer or another lead has this phone and chose to go on. */
  allowDuplicate: z.boolean().default(false),
});
export const leadUpdateInput = z.strictObject({ ...leadFields, id: idField, allowDuplicate: z.boolean().default(false) });

export const leadRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  city: z.string().nullable(),
  channelId: z.string().nullable(),
  channelName: z.string().nullable(),
  utmSource: z.string().nullable(),
  utmMedium: z.string().nullable(),
  campaignCode: z.string().nullable(),
  interest: z.string().nullable(),
  value: z.number(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  stageId: z.string(),
  stageName: z.string(),
  stageKind: z.enum(STAGE_KINDS),
  probability: z.number(),
  stageChangedAt: z.string(),
  expectedClose: z.string().nullable(),
  notes: z.string().nullable(),
  customerId: z.string().nullable(),
  closedAt: z.string().nullable(),
  lostReason: z.string().nullable(),
  /** The earliest open follow-up's day, and whether it is already past. */
  nextDue: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type LeadRow = z.infer<typeof leadRow>;

export const leadSortFields = ['name', 'code', 'value', 'created_at', 'updated_at', 'expected_close', 'stage'] as const;

export const leadFilters = {
  search: z.string().trim().max(100).optional(),
  stageIds: z.array(idField).max(50).optional(),
  channelIds: z.array(idField).max(50).optional(),
  /** A user id, `me` or `none` (unassigned). */
  owner: z.string().max(64).optional(),
  campaignCode: z.string().trim().max(60).optional(),
  /** Only leads with a follow-up past due. */
  overdue: z.boolean().optional(),
  status: recordStatus.default('active'),
};

export const leadListInput = z.strictObject({
  ...leadFilters,
  sort: z.enum(leadSortFields).default('updated_at'),
  desc: z.boolean().default(true),
  ...pageInput,
});
export const leadListOutput = pageOutput(leadRow);

export const stageRow = z.object({
  id: z.string(),
  name: z.string(),
  probability: z.number(),
  position: z.number(),
  kind: z.enum(STAGE_KINDS),
});
export const stagesSaveInput = z.strictObject({
  stages: z
    .array(
      z.strictObject({
        id: idField.optional(),
        name: requiredText(40),
        probability: z.number().int().min(0, 'v.range').max(100, 'v.range'),
        kind: z.enum(STAGE_KINDS),
      }),
    )
    .min(2, 'v.stages')
    .max(20, 'v.tooMany'),
});

export const channelRow = z.object({ id: z.string(), name: z.string(), utm: z.array(z.string()), position: z.number() });
export const channelsSaveInput = z.strictObject({
  channels: z
    .array(z.strictObject({ id: idField.optional(), name: requiredText(60), utm: z.array(z.string().trim().toLowerCase().min(1).max(60)).max(20).default([]) }))
    .min(1, 'v.required')
    .max(40, 'v.tooMany'),
});

/** The board: each stage with its count and value, and the first cards (the busiest first). */
export const boardInput = z.strictObject({ ...leadFilters, perStage: z.number().int().min(1).max(200).default(50) });
export const boardOutput = z.object({
  stages: z.array(stageRow.extend({ count: z.number(), value: z.number(), leads: z.array(leadRow) })),
});

export const moveInput = z.strictObject({
  id: idField,
  stageId: idField,
  /** Asked for when the lead goes back a stage or to a lost stage. */
  reason: optionalText(500),
});

export const stageChangeRow = z.object({
  id: z.string(),
  fromStageId: z.string().nullable(),
  fromStageName: z.string().nullable(),
  toStageId: z.string(),
  toStageName: z.string(),
  reason: z.string().nullable(),
  userName: z.string().nullable(),
  at: z.string(),
});

export const activityFields = {
  kind: z.enum(ACTIVITY_KINDS),
  outcome: optionalText(2000),
  nextAction: optionalText(300),
  dueDate: optionalDate,
  dueTime: time,
  /** Who does the next action; the author when absent. */
  assignedTo: idField.nullish().transform((v) => v ?? null),
};
export const activityCreateInput = z
  .strictObject({ ...activityFields, leadId: idField.optional(), customerId: idField.optional() })
  .refine((a) => Boolean(a.leadId) !== Boolean(a.customerId), { message: 'v.activityTarget', path: ['leadId'] })
  .refine((a) => !a.dueTime || a.dueDate, { message: 'v.dueDate', path: ['dueDate'] });
export const activityUpdateInput = z.strictObject({ ...activityFields, id: idField });

export const activityRow = z.object({
  id: z.string(),
  leadId: z.string().nullable(),
  customerId: z.string().nullable(),
  /** The lead's or the customer's name, for lists that mix both. */
  subject: z.string(),
  phone: z.string().nullable(),
  kind: z.enum(ACTIVITY_KINDS),
  outcome: z.string().nullable(),
  nextAction: z.string().nullable(),
  dueDate: z.string().nullable(),
  dueTime: z.string().nullable(),
  doneAt: z.string().nullable(),
  overdue: z.boolean(),
  assignedTo: z.string().nullable(),
  assignedName: z.string().nullable(),
  userName: z.string().nullable(),
  createdAt: z.string(),
});
export type ActivityRow = z.infer<typeof activityRow>;

export const leadDetailOutput = z.object({
  lead: leadRow,
  history: z.array(stageChangeRow),
  activities: z.array(activityRow),
  /** A customer or another lead with the same phone (to link on conversion). */
  customerMatch: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
});

export const convertInput = z.strictObject({
  id: idField,
  /** An existing customer to link to; a new one is made from the lead when absent and none shares the phone. */
  customerId: idField.optional(),
});
export const convertOutput = z.object({ customerId: z.string(), created: z.boolean() });

export const phoneMatchInput = z.strictObject({ phone: z.string().max(40), excludeLeadId: idField.optional() });
export const phoneMatchOutput = z.array(z.object({ kind: z.enum(['customer', 'lead']), id: z.string(), code: z.string(), name: z.string() }));

/** Follow-ups still to do: the notification centre, the to-do list and the calendar. */
export const followUpsInput = z.strictObject({
  /** A user id, `me` (default) or `team`. */
  who: z.string().max(64).default('me'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Include follow-ups already done (the calendar shows them greyed). */
  includeDone: z.boolean().default(false),
  limit: z.number().int().min(1).max(2000).default(500),
});
export const followUpsOutput = z.object({
  today: z.string(),
  rows: z.array(activityRow),
  overdue: z.number(),
  dueToday: z.number(),
});
/** Leads the WhatsApp assistant just handed over (a sync pull): the reason is the cloud's code (payment_intent, …). */
export const handoverEvent = z.object({
  fresh: z.array(z.object({ leadId: z.string(), activityId: z.string(), name: z.string(), reason: z.string(), summary: z.string(), created: z.boolean() })),
});
export const reminderEvent = z.object({
  overdue: z.number(),
  dueToday: z.number(),
  fresh: z.array(z.object({ id: z.string(), subject: z.string(), nextAction: z.string().nullable(), dueDate: z.string() })),
});
