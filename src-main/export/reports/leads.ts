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
  name: ['Prospek', 'Leads'],
  file: ['prospek', 'leads'],
  group: 'data',
  roles: MANAGERS,
  filters: leadListInput.omit({ page: true, pageSize: true }),
  columns: [
    { key: 'code', type: 'text', label: ['Kode prospek', 'Lead code'] },
    COLUMN.name,
    { key: 'organisation', type: 'text', label: ['Asal sekolah', 'School/organisation'] },
    COLUMN.phone,
    COLUMN.email,
    COLUMN.city,
    { key: 'channel_name', type: 'text', label: ['Kanal', 'Channel'] },
    { key: 'utm_source', type: 'text', label: ['UTM source', 'UTM source'] },
    { key: 'utm_medium', type: 'text', label: ['UTM medium', 'UTM medium'] },
    { key: 'campaign_code', type: 'text', label: ['Kode kampanye', 'Campaign code'] },
    { key: 'interest', type: 'text', label: ['Minat', 'Interest'] },
    { key: 'value', type: 'money', label: ['Nilai', 'Value'], total: true },
    { key: 'owner_username', type: 'text', label: ['PIC', 'Owner'], listKey: 'owner' },
    { key: 'owner_name', type: 'text', label: ['Nama PIC', 'Owner name'], listKey: 'owner' },
    { key: 'stage_name', type: 'text', label: ['Tahap', 'Stage'], listKey: 'stage' },
    { key: 'probability', type: 'integer', label: ['Peluang (%)', 'Probability (%)'] },
    { key: 'expected_close', type: 'date', label: ['Perkiraan closing', 'Expected close'] },
    { key: 'next_due', type: 'date', label: ['Tindak lanjut berikutnya', 'Next follow-up'] },
    { key: 'notes', type: 'text', label: ['Catatan', 'Notes'] },
    { key: 'lost_reason', type: 'text', label: ['Alasan gagal', 'Lost reason'] },
    { key: 'created_at', type: 'datetime', label: ['Dibuat', 'Created'] },
    { key: 'stage_changed_at', type: 'datetime', label: ['Pindah tahap', 'Stage changed'] },
    { key: 'closed_at', type: 'datetime', label: ['Ditutup', 'Closed'] },
    { key: 'deleted_at', type: 'datetime', label: ['Dihapus', 'Deleted'] },
  ],
  async prepare(filters, env) {
    // The list's query as the caller sees it (their visibility; `owner: 'me'` is them).
    const user = env.userId ? await env.db.selectFrom('users').select(['id', 'username', 'name', 'role', 'language']).where('id', '=', env.userId).executeTakeFirst() : undefined;
    const now = await shopNow({ db: env.db, clock: env.clock ?? systemClock });
    return prepared(leadListQuery({ db: env.db, user: user ?? null }, filters, now).select('u.username as owner_username'));
  },
});
