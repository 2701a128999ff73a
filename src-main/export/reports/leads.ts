/**
 * The leads list as a file (issue 22: "Prospek"): the list's own query, filters and sort, for
 * owners and managers only (staff may not export leads). Its headers are words the leads import
 * recognises (Nama, Asal sekolah, No. HP, Kanal, Tahap, PIC, …), so an exported file imports back.
 */
import { leadListInput } from '../../../src-shared/schemas/lead';
import { systemClock } from '../../core/clock';
import { shopNow } from '../../leads/clock';
import { leadListQuery } from '../../leads/queries';
import { COLUMN } from '../columns';
import { defineReport, MANAGERS, prepared } from '../report';

export const leadsReport = defineReport({
  id: 'leads',
  name: 'report.leads',
  file: 'file.leads',
  group: 'data',
  roles: MANAGERS,
  filters: leadListInput.omit({ page: true, pageSize: true }),
  columns: [
    { key: 'code', type: 'text', label: 'leadCode' },
    COLUMN.name,
    { key: 'organisation', type: 'text', label: 'schoolOrganisation' },
    COLUMN.phone,
    COLUMN.email,
    COLUMN.city,
    { key: 'channel_name', type: 'text', label: 'channel' },
    { key: 'utm_source', type: 'text', label: 'utmSource' },
    { key: 'utm_medium', type: 'text', label: 'utmMedium' },
    COLUMN.campaignCode,
    { key: 'interest', type: 'text', label: 'interest' },
    { key: 'value', type: 'money', label: 'value', total: true },
    { key: 'owner_username', type: 'text', label: 'owner', listKey: 'owner' },
    { key: 'owner_name', type: 'text', label: 'ownerName', listKey: 'owner' },
    { key: 'stage_name', type: 'text', label: 'stage', listKey: 'stage' },
    { key: 'probability', type: 'integer', label: 'probability' },
    { key: 'expected_close', type: 'date', label: 'expectedClose' },
    { key: 'next_due', type: 'date', label: 'nextFollowUp' },
    COLUMN.notes,
    { key: 'lost_reason', type: 'text', label: 'lostReason' },
    COLUMN.created,
    { key: 'stage_changed_at', type: 'datetime', label: 'stageChanged' },
    { key: 'closed_at', type: 'datetime', label: 'closed' },
    COLUMN.deleted,
  ],
  async prepare(filters, env) {
    // The list's query as the caller sees it (their visibility; `owner: 'me'` is them).
    const user = env.userId
      ? await env.db.selectFrom('users').select(['id', 'username', 'name', 'role', 'language']).where('id', '=', env.userId).executeTakeFirst()
      : undefined;
    const now = await shopNow({ db: env.db, clock: env.clock ?? systemClock });
    return prepared(leadListQuery({ db: env.db, user: user ?? null }, filters, now).select('u.username as owner_username'));
  },
});
