import type { Channel } from './contract';
import type { Role } from './schemas/auth';

/**
 * Who may call what. `public`: no login needed (first run, login). `session`: any logged-in user,
 * also while the screen is locked. Otherwise the roles allowed. Staff run the shop day to day but
 * cannot delete, change settings, manage users or read the audit trail.
 */
export type Access = 'public' | 'session' | readonly Role[];

const ALL: readonly Role[] = ['owner', 'manager', 'staff'];
const MANAGERS: readonly Role[] = ['owner', 'manager'];
const OWNER: readonly Role[] = ['owner'];

export const permissions: Record<Channel, Access> = {
  'app.status': 'public',
  'setup.create': 'public',
  'setup.openDemo': 'public',
  'auth.login': 'public',
  'auth.logout': 'session',
  'auth.lock': 'session',
  'auth.unlock': 'session',
  'auth.setPreferences': ALL,

  'users.list': OWNER,
  'users.create': OWNER,
  'users.update': OWNER,

  'business.get': ALL,
  'business.update': OWNER,
  'settings.get': ALL,
  'settings.update': OWNER,

  'customers.list': ALL,
  'customers.get': ALL,
  'customers.create': ALL,
  'customers.update': ALL,
  'customers.delete': MANAGERS,
  'customers.restore': MANAGERS,
  'customers.checkDuplicates': ALL,
  'customers.facets': ALL,
  'customers.options': ALL,

  'transactions.list': ALL,
  'transactions.get': ALL,
  'transactions.create': ALL,
  'transactions.update': ALL,
  'transactions.delete': MANAGERS,
  'transactions.restore': MANAGERS,
  'transactions.usualChannel': ALL,
  'transactions.pending': ALL,

  'products.list': ALL,
  'products.create': MANAGERS,
  'products.update': MANAGERS,
  'products.delete': MANAGERS,
  'products.restore': MANAGERS,
  'products.options': ALL,

  'files.upload': ALL,
  'files.download': ALL,
  // Imports can add or overwrite thousands of records at once: owners and managers only.
  'import.inspect': MANAGERS,
  'import.validate': MANAGERS,
  'import.commit': MANAGERS,
  'import.history': MANAGERS,
  'import.undo': MANAGERS,
  'import.duplicates': MANAGERS,
  'import.linkDuplicate': MANAGERS,
  'import.template': ALL,

  // Everyone may read the analysis; running one rewrites the shop's snapshot: owners and managers.
  'rfm.run': MANAGERS,
  'rfm.runs': ALL,
  'rfm.summary': ALL,
  'rfm.members': ALL,
  'rfm.customer': ALL,
  'clv.fit': MANAGERS,
  'clv.latest': ALL,
  'dashboard.get': ALL,
  'loyalty.customer': ALL,
  'loyalty.redeem': ALL,
  'loyalty.adjust': MANAGERS,
  'loyalty.report': MANAGERS,

  // Leads: staff see and edit their own and unassigned ones (the services enforce which); deleting
  // leads, editing the pipeline's stages and channels, and removing activities is for managers.
  'leads.list': ALL,
  'leads.board': ALL,
  'leads.get': ALL,
  'leads.create': ALL,
  'leads.update': ALL,
  'leads.move': ALL,
  'leads.delete': MANAGERS,
  'leads.restore': MANAGERS,
  'leads.convert': ALL,
  'leads.checkPhone': ALL,
  'leads.ofCustomer': ALL,
  'leads.stages': ALL,
  'leads.saveStages': MANAGERS,
  'leads.channels': ALL,
  'leads.saveChannels': MANAGERS,
  'leads.owners': ALL,
  'activities.list': ALL,
  'activities.create': ALL,
  'activities.update': ALL,
  'activities.setDone': ALL,
  'activities.delete': MANAGERS,
  'followUps.list': ALL,
  // Every role reads the reports; staff get only their own row of the team table (leads/reports.ts).
  'leads.reports': ALL,
  'adSpend.list': ALL,
  'adSpend.save': MANAGERS,
  // The customers' own words with their numbers: for the owner and managers (issue 23: the owner's view).
  'assistant.conversations': MANAGERS,
  'assistant.conversation': MANAGERS,
  'assistant.analytics': MANAGERS,

  // AI calls cost money and a broadcast file is the customer base with phone numbers: owners and
  // managers. Staff personalise, open WhatsApp links and record contacts.
  'ai.keyStatus': ALL,
  'ai.setKey': OWNER,
  'content.generate': MANAGERS,
  'content.list': ALL,
  'content.get': ALL,
  'content.update': MANAGERS,
  'content.delete': MANAGERS,
  'content.usage': MANAGERS,
  'content.drainQueue': MANAGERS,
  'content.personalise': ALL,
  'content.broadcast': MANAGERS,
  'content.markContacted': ALL,
  'customers.communications': ALL,
  'campaigns.list': ALL,
  'campaigns.get': ALL,
  'campaigns.create': MANAGERS,

  // Everyone may export; which reports a role may export is the report's own rule (staff never get
  // customer lists), checked by the export service. Staff see their own exports in the history.
  'export.reports': ALL,
  'export.preview': ALL,
  'export.run': ALL,
  'export.history': ALL,

  'audit.list': MANAGERS,
  'health.get': MANAGERS,
  'health.backups': MANAGERS,
  'health.restore': OWNER,
  'jobs.cancel': ALL,

  // Everyone sees whether the shop's changes reach the cloud (the shell's indicator); enrolling,
  // pausing, leaving and the refused list are the owner's.
  'sync.status': ALL,
  'sync.enrol': OWNER,
  'sync.pushNow': OWNER,
  'sync.pause': OWNER,
  'sync.resume': OWNER,
  'sync.leave': OWNER,
  'sync.rejected': OWNER,
  'sync.retryRejected': OWNER,
  'sync.dismissRejected': OWNER,
  // The first-run screen calls it once setup.create has logged the new owner in.
  'sync.restore': OWNER,
  'sync.restoreCancel': OWNER,
};

export function canCall(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (!role) return false;
  if (access === 'session') return true;
  return access.includes(role);
}
