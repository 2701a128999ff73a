import type { Channel, ChannelOutput, ChannelParsedInput } from '../src-shared/contract';
import { listActivity } from './audit/service';
import { lock, login, logout, setLanguage, unlock } from './auth/service';
import { getBusiness, updateBusiness } from './business/service';
import type { Ctx } from './core/context';
import { customerFacets, customerOptions, listCustomers } from './customers/queries';
import { checkDuplicates, createCustomer, customerDetail, setCustomerDeleted, updateCustomer } from './customers/service';
import { exportHistory } from './export/history';
import { exportReports, previewExport, runExport } from './export/service';
import { downloadFile } from './files/service';
import { backupList, restore } from './health/restore';
import { health } from './health/service';
import { linkDuplicate, possibleDuplicates } from './import/duplicates';
import { importHistory, importTemplate, inspectImport, runImportJob, undoImport, uploadFile } from './import/service';
import { cancelJob } from './jobs/cancel';
import { createProduct, listProducts, productOptions, setProductDeleted, updateProduct } from './products/service';
import { getSettings, updateSettings } from './settings/service';
import { adjustPoints, customerLoyalty, redeemPoints } from './loyalty/service';
import { loyaltyReport } from './loyalty/report';
import { createCampaign, getCampaign, listCampaigns } from './campaigns/service';
import { aiKeyStatus, setAiKey } from './content/key';
import { generateContent } from './content/generate';
import { deleteContent, findContent, listContent, updateContent } from './content/library';
import { customerCommunications, personalise } from './content/personalise';
import { runBroadcast } from './content/broadcast';
import { runMarkContacted } from './content/contacted';
import { drainQueue } from './content/queue';
import { currentUsage } from './content/usage';
import { dashboard } from './dashboard/queries';
import { listRuns, rfmCustomer, rfmMembers, rfmSummary } from './rfm/queries';
import { runRfmNow } from './rfm/service';
import { fitClvNow, latestFit } from './clv/service';
import { dismissRejected, enrolShop, leaveCloud, listRejected, pushChanges, retryRejected, setSyncPaused, statusFor } from './sync/channels';
import { cancelRestore, restoreShop } from './sync/restore-channel';
import { appStatus, openDemoShop, setupShop } from './setup/service';
import { activitiesOf, createActivity, deleteActivity, followUps, setActivityDone, updateActivity } from './leads/activities';
import { leadOwners } from './leads/owners';
import { listAdSpend, saveAdSpend } from './leads/adspend';
import { leadBoard, listLeads } from './leads/queries';
import { leadReports } from './leads/reports';
import { assistantAnalytics, assistantConversation, assistantConversations } from './assistant/owner-view';
import { convertLead } from './leads/convert';
import { leadDetail, leadsOfCustomer } from './leads/detail';
import { checkPhone } from './leads/guards';
import { moveLead } from './leads/move';
import { createLead, setLeadDeleted, updateLead } from './leads/service';
import { listChannels, listStages, saveChannels, saveStages } from './leads/stages';
import { listTransactions } from './transactions/queries';
import { createTransaction, getTransaction, setTransactionDeleted, updateTransaction } from './transactions/service';
import { pendingOrders } from './transactions/pendingOrders';
import { usualChannel } from './transactions/usualChannel';
import { createUser, listUsers, updateUser } from './users/service';

type Handler<C extends Channel> = (input: ChannelParsedInput<C>, ctx: Ctx) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
export type Handlers = { [C in Channel]: Handler<C> };

const ok = { ok: true } as const;

/** The whole API on one page: every contract channel → one feature function. */
export const handlers: Handlers = {
  'app.status': (_, ctx) => appStatus(ctx),
  'setup.create': (input, ctx) => setupShop(ctx, input),
  'setup.openDemo': (_, ctx) => openDemoShop(ctx),

  'auth.login': (input, ctx) => login(ctx, input.username, input.password),
  'auth.logout': async (_, ctx) => (await logout(ctx), ok),
  'auth.lock': async (_, ctx) => (await lock(ctx), ok),
  'auth.unlock': (input, ctx) => unlock(ctx, input.password),
  'auth.setPreferences': (input, ctx) => setLanguage(ctx, input.language),

  'users.list': (_, ctx) => listUsers(ctx),
  'users.create': (input, ctx) => createUser(ctx, input),
  'users.update': (input, ctx) => updateUser(ctx, input),

  'business.get': (_, ctx) => getBusiness(ctx),
  'business.update': (input, ctx) => updateBusiness(ctx, input),
  'settings.get': (_, ctx) => getSettings(ctx),
  'settings.update': (input, ctx) => updateSettings(ctx, input),

  'customers.list': (input, ctx) => listCustomers(ctx, input),
  'customers.get': (input, ctx) => customerDetail(ctx, input.id),
  'customers.create': (input, ctx) => createCustomer(ctx, input),
  'customers.update': (input, ctx) => updateCustomer(ctx, input),
  'customers.delete': (input, ctx) => (setCustomerDeleted(ctx, input.id, true), ok),
  'customers.restore': (input, ctx) => (setCustomerDeleted(ctx, input.id, false), ok),
  'customers.checkDuplicates': (input, ctx) => checkDuplicates(ctx, input),
  'customers.facets': (_, ctx) => customerFacets(ctx),
  'customers.options': (input, ctx) => customerOptions(ctx, input.search),

  'transactions.list': (input, ctx) => listTransactions(ctx, input),
  'transactions.get': (input, ctx) => getTransaction(ctx, input.id),
  'transactions.create': (input, ctx) => createTransaction(ctx, input),
  'transactions.update': (input, ctx) => updateTransaction(ctx, input),
  'transactions.delete': (input, ctx) => (setTransactionDeleted(ctx, input.id, true), ok),
  'transactions.restore': (input, ctx) => (setTransactionDeleted(ctx, input.id, false), ok),
  'transactions.usualChannel': (_, ctx) => usualChannel(ctx),
  'transactions.pending': (_, ctx) => pendingOrders(ctx),

  'products.list': (input, ctx) => listProducts(ctx, input),
  'products.create': (input, ctx) => createProduct(ctx, input),
  'products.update': (input, ctx) => updateProduct(ctx, input),
  'products.delete': (input, ctx) => (setProductDeleted(ctx, input.id, true), ok),
  'products.restore': (input, ctx) => (setProductDeleted(ctx, input.id, false), ok),
  'products.options': (_, ctx) => productOptions(ctx),

  'files.upload': (input, ctx) => uploadFile(ctx, input.name, input.bytes),
  'files.download': (input, ctx) => downloadFile(ctx, input.fileId),

  'import.inspect': (input, ctx) => inspectImport(ctx, input),
  'import.validate': (input, ctx) => runImportJob(ctx, input, true),
  'import.commit': (input, ctx) => runImportJob(ctx, input, false),
  'import.history': (input, ctx) => importHistory(ctx, input.page, input.pageSize),
  'import.undo': (input, ctx) => undoImport(ctx, input.uploadId),
  'import.duplicates': (_, ctx) => possibleDuplicates(ctx),
  'import.linkDuplicate': (input, ctx) => linkDuplicate(ctx, input.marketplaceId, input.shopId),
  'import.template': (input, ctx) => importTemplate(ctx, input.kind),

  'rfm.run': (input, ctx) => runRfmNow(ctx, input),
  'rfm.runs': (input, ctx) => listRuns(ctx, input.page, input.pageSize),
  'rfm.summary': (input, ctx) => rfmSummary(ctx, input.runId),
  'rfm.members': (input, ctx) => rfmMembers(ctx, input),
  'rfm.customer': (input, ctx) => rfmCustomer(ctx, input.id),
  'clv.fit': (input, ctx) => fitClvNow(ctx, input),
  'clv.latest': (_, ctx) => latestFit(ctx),
  'dashboard.get': (input, ctx) => dashboard(ctx, input),
  'loyalty.customer': (input, ctx) => customerLoyalty(ctx, input),
  'loyalty.redeem': (input, ctx) => redeemPoints(ctx, input),
  'loyalty.adjust': (input, ctx) => adjustPoints(ctx, input),
  'loyalty.report': (input, ctx) => loyaltyReport(ctx, input),

  'ai.keyStatus': (_, ctx) => aiKeyStatus(ctx),
  'ai.setKey': async (input, ctx) => (await setAiKey(ctx, input.key), ok),
  'content.generate': async (input, ctx) => {
    const { failure: _, ...result } = await generateContent(ctx, input);
    return result;
  },
  'content.list': (input, ctx) => listContent(ctx, input),
  'content.get': (input, ctx) => findContent(ctx, input.id),
  'content.update': (input, ctx) => updateContent(ctx, input),
  'content.delete': async (input, ctx) => (await deleteContent(ctx, input.id), ok),
  'content.usage': (_, ctx) => currentUsage(ctx),
  'content.drainQueue': (_, ctx) => drainQueue(ctx),
  'content.personalise': (input, ctx) => personalise(ctx, input),
  'content.broadcast': (input, ctx) => runBroadcast(ctx, input),
  'content.markContacted': (input, ctx) => runMarkContacted(ctx, input),
  'customers.communications': (input, ctx) => customerCommunications(ctx, input.id),
  'campaigns.list': (_, ctx) => listCampaigns(ctx),
  'campaigns.get': (input, ctx) => getCampaign(ctx, input.id),
  'campaigns.create': (input, ctx) => createCampaign(ctx, input),

  'leads.list': (input, ctx) => listLeads(ctx, input),
  'leads.board': (input, ctx) => leadBoard(ctx, input),
  'leads.get': (input, ctx) => leadDetail(ctx, input.id),
  'leads.create': (input, ctx) => createLead(ctx, input),
  'leads.update': (input, ctx) => updateLead(ctx, input),
  'leads.move': (input, ctx) => moveLead(ctx, input),
  'leads.delete': async (input, ctx) => (await setLeadDeleted(ctx, input.id, true), ok),
  'leads.restore': async (input, ctx) => (await setLeadDeleted(ctx, input.id, false), ok),
  'leads.convert': (input, ctx) => convertLead(ctx, input),
  'leads.checkPhone': (input, ctx) => checkPhone(ctx, input),
  'leads.ofCustomer': (input, ctx) => leadsOfCustomer(ctx, input.id),
  'leads.stages': (_, ctx) => listStages(ctx),
  'leads.saveStages': (input, ctx) => saveStages(ctx, input),
  'leads.channels': (_, ctx) => listChannels(ctx),
  'leads.saveChannels': (input, ctx) => saveChannels(ctx, input),
  'leads.owners': (_, ctx) => leadOwners(ctx),
  'activities.list': (input, ctx) => activitiesOf(ctx, input),
  'activities.create': (input, ctx) => createActivity(ctx, input),
  'activities.update': (input, ctx) => updateActivity(ctx, input),
  'activities.setDone': (input, ctx) => setActivityDone(ctx, input.id, input.done),
  'activities.delete': async (input, ctx) => (await deleteActivity(ctx, input.id), ok),
  'followUps.list': (input, ctx) => followUps(ctx, input),
  'leads.reports': (input, ctx) => leadReports(ctx, input),
  'adSpend.list': (input, ctx) => listAdSpend(ctx, input),
  'adSpend.save': (input, ctx) => saveAdSpend(ctx, input),
  'assistant.conversations': (input, ctx) => assistantConversations(ctx, input),
  'assistant.conversation': (input, ctx) => assistantConversation(ctx, input),
  'assistant.analytics': (input, ctx) => assistantAnalytics(ctx, input),

  'export.reports': (_, ctx) => exportReports(ctx),
  'export.preview': (input, ctx) => previewExport(ctx, input),
  'export.run': (input, ctx) => runExport(ctx, input),
  'export.history': (input, ctx) => exportHistory(ctx, input.page, input.pageSize),

  'audit.list': (input, ctx) => listActivity(ctx, input.page, input.pageSize, input.action),
  'health.get': (_, ctx) => health(ctx),
  'health.backups': (_, ctx) => backupList(ctx),
  'health.restore': (input, ctx) => restore(ctx, input.name),
  'jobs.cancel': async (input, ctx) => (await cancelJob(ctx, input.jobId), ok),

  'sync.status': (_, ctx) => statusFor(ctx),
  'sync.enrol': (input, ctx) => enrolShop(ctx, input),
  'sync.pushNow': (_, ctx) => pushChanges(ctx),
  'sync.pause': (_, ctx) => setSyncPaused(ctx, true),
  'sync.resume': (_, ctx) => setSyncPaused(ctx, false),
  'sync.leave': (_, ctx) => leaveCloud(ctx),
  'sync.rejected': (_, ctx) => listRejected(ctx),
  'sync.retryRejected': (input, ctx) => (retryRejected(ctx, input), ok),
  'sync.dismissRejected': (input, ctx) => (dismissRejected(ctx, input), ok),
  'sync.restore': (input, ctx) => restoreShop(ctx, input),
  'sync.restoreCancel': (_, ctx) => (cancelRestore(ctx), ok),
};
