import type { ActivityRow } from '../../../src-shared/schemas/lead';
import { href } from '../../router';

/** The page a follow-up belongs to: its lead (`#/leads/<id>`), or the customer it was logged on. */
export function followUpHref(row: Pick<ActivityRow, 'leadId' | 'customerId'>): string | undefined {
  if (row.leadId) return href('leads', row.leadId);
  if (row.customerId) return href('customers', row.customerId);
  return undefined;
}

/** Overdue first (oldest first), then today's by time: the order of every list of things to do. */
export function overdueFirst<T extends Pick<ActivityRow, 'overdue'>>(rows: T[]): T[] {
  return [...rows.filter((r) => r.overdue), ...rows.filter((r) => !r.overdue)];
}
