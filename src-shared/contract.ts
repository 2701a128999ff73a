import { z } from 'zod';
import {
  appStatus,
  businessFields,
  businessRow,
  loginInput,
  preferencesInput,
  sessionUser,
  setupInput,
  unlockInput,
  userCreateInput,
  userRow,
  userUpdateInput,
} from './schemas/auth';
import { empty, idField, idInput, okOutput, pageInput, pageOutput } from './schemas/common';
import {
  customerCreateInput,
  customerListInput,
  customerListOutput,
  customerRow,
  customerSummary,
  customerUpdateInput,
  duplicateCheckInput,
  duplicateMatch,
} from './schemas/customer';
import { productCreateInput, productListInput, productListOutput, productRow, productUpdateInput } from './schemas/product';
import { fileRef, historyInput, historyOutput, importReport, inspectInput, inspectOutput, IMPORT_KINDS, linkDuplicateInput, possibleDuplicate, runInput, uploadInput } from './schemas/import';
import {
  broadcastInput,
  broadcastOutput,
  campaignCreateInput,
  campaignRow,
  communicationRow,
  contentListInput,
  contentListOutput,
  contentRow,
  contentUpdateInput,
  generateInput,
  generateOutput,
  markContactedInput,
  personaliseInput,
  personaliseOutput,
  usageOutput,
} from './schemas/content';
import { dashboardInput, dashboardOutput } from './schemas/dashboard';
import { adSpendListInput, adSpendRow, adSpendSaveInput, leadReportsInput, leadReportsOutput } from './schemas/lead-reports';
import { assistantAnalyticsInput, assistantAnalyticsOutput, assistantConversationInput, assistantConversationOutput, assistantConversationsInput, assistantConversationsOutput } from './schemas/assistant';
import { exportHistoryInput, exportHistoryOutput, exportPreviewInput, exportPreviewOutput, exportRunInput, exportRunOutput, reportInfo } from './schemas/export';
import { rfmCustomerOutput, rfmMembersInput, rfmMembersOutput, rfmRunInput, rfmRunsInput, rfmRunsOutput, rfmSummary } from './schemas/rfm';
import { clvFit, clvFitInput } from './schemas/clv';
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
  handoverEvent,
  leadCreateInput,
  leadDetailOutput,
  leadListInput,
  leadListOutput,
  leadRow,
  leadUpdateInput,
  moveInput,
  phoneMatchInput,
  phoneMatchOutput,
  reminderEvent,
  stageRow,
  stagesSaveInput,
} from './schemas/lead';
import { settingsShape, settingsUpdateInput } from './schemas/settings';
import { adjustInput, loyaltyCustomerInput, loyaltyCustomerOutput, loyaltyReportInput, loyaltyReportOutput, redeemInput } from './schemas/loyalty';
import { syncEnrolInput, syncPushOutput, syncRejectedKey, syncRejectedRow, syncRestoreInput, syncRestoreOutput, syncRestoreProgress, syncStatusOutput } from './schemas/sync';
import { activityRow, backupSummary, healthOutput, jobFinished, jobProgress, jobStarted, restoreInput, restoreOutput } from './schemas/system';
import {
  CHANNELS,
  transactionCreateInput,
  transactionListInput,
  transactionListOutput,
  transactionRow,
  transactionUpdateInput,
} from './schemas/transaction';

const def = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** Every call the renderer can make: `'domain.verb'` → input and output schemas. */
export const contract = {
  'app.status': def(empty, appStatus),

  'setup.create': def(setupInput, sessionUser),
  'setup.openDemo': def(empty, z.object({ user: sessionUser, password: z.string(), customers: z.number(), transactions: z.number() })),

  'auth.login': def(loginInput, sessionUser),
  'auth.logout': def(empty, okOutput),
  'auth.lock': def(empty, okOutput),
  'auth.unlock': def(unlockInput, sessionUser),
  'auth.setPreferences': def(preferencesInput, sessionUser),

  'users.list': def(empty, z.array(userRow)),
  'users.create': def(userCreateInput, userRow),
  'users.update': def(userUpdateInput, userRow),

  'business.get': def(empty, businessRow),
  'business.update': def(businessFields, businessRow),

  'settings.get': def(empty, settingsShape),
  'settings.update': def(settingsUpdateInput, settingsShape),

  'customers.list': def(customerListInput, customerListOutput),
  'customers.get': def(idInput, z.object({ customer: customerRow, summary: customerSummary })),
  'customers.create': def(customerCreateInput, customerRow),
  'customers.update': def(customerUpdateInput, customerRow),
  'customers.delete': def(idInput, okOutput),
  'customers.restore': def(idInput, okOutput),
  'customers.checkDuplicates': def(duplicateCheckInput, z.array(duplicateMatch)),
  'customers.facets': def(empty, z.object({ cities: z.array(z.string()), tags: z.array(z.string()) })),
  'customers.options': def(z.strictObject({ search: z.string().trim().max(100).default('') }), z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), phone: z.string().nullable(), city: z.string().nullable() }))),

  'transactions.list': def(transactionListInput, transactionListOutput),
  'transactions.get': def(idInput, transactionRow),
  'transactions.create': def(transactionCreateInput, transactionRow),
  'transactions.update': def(transactionUpdateInput, transactionRow),
  'transactions.delete': def(idInput, okOutput),
  'transactions.restore': def(idInput, okOutput),
  /** The channel a new sale's form starts with: the most used lately, else the shop counter. */
  'transactions.usualChannel': def(empty, z.object({ channel: z.enum(CHANNELS) })),
  /** Marketplace and till orders still in progress kept as pending by an import: not sales. */
  'transactions.pending': def(
    empty,
    z.object({
      count: z.number(),
      amount: z.number(),
      orders: z.array(z.object({ channel: z.string(), invoice_no: z.string(), order_date: z.string(), customer_name: z.string().nullable(), amount: z.number(), status: z.string() })),
    }),
  ),

  'products.list': def(productListInput, productListOutput),
  'products.create': def(productCreateInput, productRow),
  'products.update': def(productUpdateInput, productRow),
  'products.delete': def(idInput, okOutput),
  'products.restore': def(idInput, okOutput),
  'products.options': def(empty, z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), price: z.number() }))),

  'files.upload': def(uploadInput, fileRef),
  /** Electron: a save dialog, then `savedTo`; browser mode: the `url` to download from. */
  'files.download': def(z.strictObject({ fileId: z.string().max(80) }), z.object({ url: z.string().nullable(), savedTo: z.string().nullable() })),

  'import.inspect': def(inspectInput, inspectOutput),
  'import.validate': def(runInput, importReport),
  'import.commit': def(runInput, importReport),
  'import.history': def(historyInput, historyOutput),
  'import.undo': def(z.strictObject({ uploadId: z.string().max(64) }), z.object({ transactions: z.number(), customers: z.number(), products: z.number(), pendingOrders: z.number(), leads: z.number() })),
  'import.duplicates': def(empty, z.array(possibleDuplicate)),
  'import.linkDuplicate': def(linkDuplicateInput, z.object({ transactions: z.number().int() })),
  'import.template': def(z.strictObject({ kind: z.enum(IMPORT_KINDS) }), z.object({ fileId: z.string(), name: z.string() })),

  /** A job (progress, cancel); answers with the new run's summary. */
  'rfm.run': def(rfmRunInput, rfmSummary),
  'rfm.runs': def(rfmRunsInput, rfmRunsOutput),
  /** A run's segment table, R×F grid and movement since the run before it; the latest run by default. */
  'rfm.summary': def(z.strictObject({ runId: idField.optional() }), rfmSummary),
  'rfm.members': def(rfmMembersInput, rfmMembersOutput),
  'rfm.customer': def(idInput, rfmCustomerOutput),
  /** A job: BG/NBD and Gamma-Gamma fitted on the shop's sales, checked on a holdout; answers with the fit. */
  'clv.fit': def(clvFitInput, clvFit),
  /** The latest fit, refused or not; null before the first. */
  'clv.latest': def(empty, clvFit.nullable()),
  'dashboard.get': def(dashboardInput, dashboardOutput),

  /** Loyalty points (issue 24): a customer's balance, tier, next expiry and ledger. */
  'loyalty.customer': def(loyaltyCustomerInput, loyaltyCustomerOutput),
  /** Staff up to the shop's limit per redemption; owners and managers without one. */
  'loyalty.redeem': def(redeemInput, z.object({ balance: z.number().int(), value: z.number() })),
  'loyalty.adjust': def(adjustInput, z.object({ balance: z.number().int() })),
  /** Per month: issued, redeemed, expired, and the points still owed with their worth in rupiah. */
  'loyalty.report': def(loyaltyReportInput, loyaltyReportOutput),

  /** Where the AI key comes from; it is never sent back. */
  'ai.keyStatus': def(empty, z.object({ source: z.enum(['desktop', 'session', 'env', 'none']), canStore: z.boolean(), protected: z.boolean() })),
  'ai.setKey': def(z.strictObject({ key: z.string().trim().min(8, 'v.invalid').max(300).nullable() }), okOutput),
  /** Cache, else the provider, else the built-in templates with the reason; never a half-saved result. */
  'content.generate': def(generateInput, generateOutput),
  'content.list': def(contentListInput, contentListOutput),
  'content.get': def(idInput, contentRow),
  'content.update': def(contentUpdateInput, contentRow),
  'content.delete': def(idInput, okOutput),
  'content.usage': def(empty, usageOutput),
  'content.drainQueue': def(empty, z.object({ done: z.number(), failed: z.number(), waiting: z.number() })),
  'content.personalise': def(personaliseInput, personaliseOutput),
  'content.broadcast': def(broadcastInput, broadcastOutput),
  'content.markContacted': def(markContactedInput, z.object({ recorded: z.number() })),
  'customers.communications': def(idInput, z.array(communicationRow)),
  'campaigns.list': def(empty, z.array(campaignRow)),
  'campaigns.get': def(idInput, campaignRow),
  'campaigns.create': def(campaignCreateInput, campaignRow),

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
  'leads.ofCustomer': def(idInput, z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), channelName: z.string().nullable(), campaignCode: z.string().nullable(), createdAt: z.string(), closedAt: z.string().nullable() }))),
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

  /** The WhatsApp assistant's chats of this shop, newest first, read from the cloud (with the laptop's lead of each number). */
  'assistant.conversations': def(assistantConversationsInput, assistantConversationsOutput),
  /** One chat's transcript: every message in and out, phases, handovers. */
  'assistant.conversation': def(assistantConversationInput, assistantConversationOutput),
  /** The console's analytics of the assistant for this shop over a date range. */
  'assistant.analytics': def(assistantAnalyticsInput, assistantAnalyticsOutput),

  /** The reports, their columns and filters, and whether the caller's role may export each. */
  'export.reports': def(empty, z.array(reportInfo)),
  /** A job: the first rows, the row count and the totals of a report with its filters. */
  'export.preview': def(exportPreviewInput, exportPreviewOutput),
  /** A job (progress, cancel) writing the file; download it with files.download. */
  'export.run': def(exportRunInput, exportRunOutput),
  'export.history': def(exportHistoryInput, exportHistoryOutput),

  'audit.list': def(z.strictObject({ ...pageInput, action: z.string().max(60).optional() }), pageOutput(activityRow)),
  'health.get': def(empty, healthOutput),
  'health.backups': def(empty, z.array(backupSummary)),
  'health.restore': def(restoreInput, restoreOutput),
  'jobs.cancel': def(z.strictObject({ jobId: z.string().max(64) }), okOutput),

  /** Sync with the cloud (SYNC.md): every role sees where it stands; only the owner acts on it. */
  'sync.status': def(empty, syncStatusOutput),
  'sync.enrol': def(syncEnrolInput, syncStatusOutput),
  /** Sends every waiting change now (the background loop does it anyway) and answers what went. */
  'sync.pushNow': def(empty, syncPushOutput),
  'sync.pause': def(empty, syncStatusOutput),
  'sync.resume': def(empty, syncStatusOutput),
  /** Forgets the enrolment and the device token; the shop's data and its outbox stay. */
  'sync.leave': def(empty, syncStatusOutput),
  'sync.rejected': def(empty, z.array(syncRejectedRow)),
  /** Queues the refused row again (as it is now) and removes it from the list. */
  'sync.retryRejected': def(syncRejectedKey, okOutput),
  'sync.dismissRejected': def(syncRejectedKey, okOutput),
  /**
   * A new laptop whose shop is still empty (right after the first-run owner is made): enrols with the
   * code and downloads the shop's rows; a failure or cancel leaves the shop empty, ready to try again.
   */
  'sync.restore': def(syncRestoreInput, syncRestoreOutput),
  'sync.restoreCancel': def(empty, okOutput),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * Main → renderer events. A job started by a call sends `job.started`, its progress and its finish
 * to that call's client only; a background job (say, the start-up analysis) sends them to everyone.
 */
export const events = {
  'job.started': jobStarted,
  'job.progress': jobProgress,
  'job.finished': jobFinished,
  'session.locked': z.object({ reason: z.enum(['idle', 'expired']) }),
  /** A request queued while offline has been generated. */
  'content.ready': z.object({ queueId: z.string(), generationId: z.string(), message: z.string() }),
  /** Sync's status changed (a change waits, a push ended): clients read `sync.status` again. */
  'sync.status': z.object({ pending: z.number().int() }),
  /** Follow-ups fell due (each announced once, also those that fell due while the app was closed). */
  'reminders.due': reminderEvent,
  /** The sync pull brought handovers of the WhatsApp assistant: new or updated leads to answer now. */
  'leads.handedOver': handoverEvent,
  /** The restore under way on the caller's window downloaded another page. */
  'sync.restoreProgress': syncRestoreProgress,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
