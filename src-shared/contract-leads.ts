import { z } from 'zod';
import { def } from './contract-def';
import { empty, idField, idInput, okOutput } from './schemas/common';
import {
  activityCreateInput,
  activityRow as leadActivityRow,
  activityUpdateInput,
  boardInput,
  boardOutput,
  channelRow,
  channelsSaveInput,
  convertInput,
  convertOutput,
  followUpsInput,
  followUpsOutput,
  leadCreateInput,
  leadDetailOutput,
  leadListInput,
  leadListOutput,
  leadRow,
  leadUpdateInput,
  moveInput,
  phoneMatchInput,
  phoneMatchOutput,
  stageRow,
  stagesSaveInput,
} from './schemas/lead';
import { adSpendListInput, adSpendRow, adSpendSaveInput, leadReportsInput, leadReportsOutput } from './schemas/lead-reports';

/**
 * The leads pipeline: prospects, stages, follow-ups, its reports and ad spend (seeds 003 and 004).
 * Part of the one contract (contract.ts), kept apart by domain so that each list stays short.
 */
export const leadChannels = {
  /** The leads pipeline: prospects, stages, follow-ups (seeds 003 and 004). */
  'leads.list': def(leadListInput, leadListOutput),
  /** Each stage's count and value, and its most recently moved cards. */
  'leads.board': def(boardInput, boardOutput),
  'leads.get': def(idInput, leadDetailOutput),
  'leads.create': def(leadCreateInput, leadRow),
  'leads.update': def(leadUpdateInput, leadRow),
  /** Going back a stage or to a lost one needs a reason; every move is kept. */
  'leads.move': def(moveInput, leadRow),
  'leads.delete': def(idInput, okOutput),
  'leads.restore': def(idInput, okOutput),
  /** Links the lead to a customer (the one given, else the one with its phone, else a new one). */
  'leads.convert': def(convertInput, convertOutput),
  'leads.checkPhone': def(phoneMatchInput, phoneMatchOutput),
  'leads.ofCustomer': def(
    idInput,
    z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        channelName: z.string().nullable(),
        campaignCode: z.string().nullable(),
        createdAt: z.string(),
        closedAt: z.string().nullable(),
      }),
    ),
  ),
  'leads.stages': def(empty, z.array(stageRow)),
  'leads.saveStages': def(stagesSaveInput, z.array(stageRow)),
  'leads.channels': def(empty, z.array(channelRow)),
  'leads.saveChannels': def(channelsSaveInput, z.array(channelRow)),
  /** Who a lead may be given to: every active user for owners and managers, oneself for staff. */
  'leads.owners': def(empty, z.array(z.object({ id: z.string(), name: z.string() }))),
  'activities.list': def(z.strictObject({ leadId: idField.optional(), customerId: idField.optional() }), z.array(leadActivityRow)),
  'activities.create': def(activityCreateInput, leadActivityRow),
  'activities.update': def(activityUpdateInput, leadActivityRow),
  'activities.setDone': def(z.strictObject({ id: idField, done: z.boolean() }), leadActivityRow),
  'activities.delete': def(idInput, okOutput),
  /** Follow-ups to do (to-do list, notification centre) or in a range of days (calendar). */
  'followUps.list': def(followUpsInput, followUpsOutput),
  /** The Prospek tab: funnel, conversion, days per stage, forecast, team, targets, ad spend, trend. */
  'leads.reports': def(leadReportsInput, leadReportsOutput),
  'adSpend.list': def(adSpendListInput, z.array(adSpendRow)),
  'adSpend.save': def(adSpendSaveInput, adSpendRow),
} as const;
