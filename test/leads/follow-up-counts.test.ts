import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock';
import { ok, shopWithOwner } from '../helpers';

const lead = { name: 'Fajar', organisation: null, phone: null, email: null, city: null, value: 0 };

describe('follow-up counts for the badge', () => {
  it('counts a follow-up due earlier today as overdue only, so overdue + due today is the number of follow-ups', async () => {
    // 16:00 in Jakarta on 10 March 2026.
    const app = await shopWithOwner({ clock: new ManualClock(new Date('2026-03-10T09:00:00Z')) });
    const l = await ok(app, 'leads.create', lead);
    await ok(app, 'activities.create', { leadId: l.id, kind: 'call', nextAction: 'Telepon pagi', dueDate: '2026-03-10', dueTime: '09:30' });
    await ok(app, 'activities.create', { leadId: l.id, kind: 'chat', nextAction: 'Kirim brosur sore', dueDate: '2026-03-10', dueTime: '17:00' });
    await ok(app, 'activities.create', { leadId: l.id, kind: 'note', nextAction: 'Cek pembayaran', dueDate: '2026-03-10' });
    await ok(app, 'activities.create', { leadId: l.id, kind: 'meeting', nextAction: 'Kunjungan', dueDate: '2026-03-09' });

    const list = await ok(app, 'followUps.list', {});
    expect(list.rows.map((r) => [r.nextAction, r.overdue])).toEqual([
      ['Kunjungan', true],
      ['Telepon pagi', true],
      ['Kirim brosur sore', false],
      ['Cek pembayaran', false],
    ]);
    expect(list).toMatchObject({ overdue: 2, dueToday: 2 });
    expect(list.overdue + list.dueToday).toBe(list.rows.length);
    expect(list.overdue).toBe(list.rows.filter((r) => r.overdue).length);
  });
});
