/**
 * Every action the activity log records. The write helper's `log()` takes only these, so a new
 * action cannot be written before it is named here, and the sentence table (i18n/activity.ts) is
 * typed over this list, so it cannot lack one either.
 */
export const AUDIT_ACTIONS = [
  'setup.create',
  'demo.open',
  'auth.login',
  'auth.login_failed',
  'auth.login_throttled',
  'auth.logout',
  'auth.lock',
  'auth.unlock',
  'auth.unlock_failed',
  'business.update',
  'settings.update',
  'ai.keySet',
  'ai.keyRemoved',
  'users.create',
  'users.update',
  'customers.create',
  'customers.update',
  'customers.delete',
  'customers.restore',
  'customers.link',
  'products.create',
  'products.update',
  'products.delete',
  'products.restore',
  'transactions.create',
  'transactions.update',
  'transactions.delete',
  'transactions.restore',
  'import.completed',
  'import.failed',
  'import.cancelled',
  'import.interrupted',
  'import.undo',
  'export.completed',
  'export.failed',
  'export.cancelled',
  'rfm.run',
  'content.update',
  'content.delete',
  'content.contacted',
  'campaign.create',
  'leads.create',
  'leads.update',
  'leads.move',
  'leads.delete',
  'leads.restore',
  'leads.convert',
  'leads.stages',
  'leads.channels',
  'leads.adSpend',
  'activities.create',
  'activities.update',
  'activities.delete',
  'job.cancel',
  'db.restore',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
