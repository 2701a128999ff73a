import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { notifyReminders, reminderNotice, type Notice } from '../../src-main/electron/reminder-notice';
import { announceDueFollowUps } from '../../src-main/leads/reminders';
import { ok, shopWithOwner } from '../helpers';

describe('the desktop notification for follow-ups that fall due', () => {
  it('names the first fresh follow-up and counts them, once per follow-up, in the language of the last user to sign in', async () => {
    // 09:00 in Jakarta on 10 March 2026.
    const app = await shopWithOwner({ clock: new ManualClock(new Date('2026-03-10T02:00:00Z')) });
    await ok(app, 'auth.login', { username: 'sari', password: 'rahasia-toko-123' });
    const lead = await ok(app, 'leads.create', { name: 'Rina Aprilia', organisation: null, phone: null, email: null, city: null, value: 0 });
    await ok(app, 'activities.create', { leadId: lead.id, kind: 'call', nextAction: 'Telepon ulang', dueDate: '2026-03-09' });
    await ok(app, 'activities.create', { leadId: lead.id, kind: 'chat', nextAction: 'Kirim brosur', dueDate: '2026-03-10' });
    await ok(app, 'activities.create', { leadId: lead.id, kind: 'meeting', nextAction: 'Kunjungan', dueDate: '2026-03-11' });

    const shown: Notice[] = [];
    const stop = notifyReminders(app.services, (notice) => shown.push(notice));
    await announceDueFollowUps(app.services);
    await expect.poll(() => shown.length).toBe(1);
    expect(shown[0]).toEqual({ title: 'Tindak lanjut jatuh tempo', body: 'Rina Aprilia: Telepon ulang — 2 tindak lanjut jatuh tempo.' });
    // Announced already: the next tick finds nothing new and shows nothing.
    expect(await announceDueFollowUps(app.services)).toEqual([]);

    await ok(app, 'auth.setPreferences', { language: 'en' });
    app.services.events.emit('reminders.due', { overdue: 0, dueToday: 1, fresh: [{ id: 'x', subject: 'Budi', nextAction: null, dueDate: '2026-03-10' }] });
    await expect.poll(() => shown.length).toBe(2);
    expect(shown[1]).toEqual({ title: 'Follow-ups due', body: 'Budi' });
    stop();
    app.services.events.emit('reminders.due', { overdue: 0, dueToday: 1, fresh: [{ id: 'y', subject: 'Citra', nextAction: null, dueDate: '2026-03-10' }] });
    await ok(app, 'followUps.list', {}); // a database round trip: a notice still on its way would be in by now
    expect(reminderNotice({ overdue: 0, dueToday: 0, fresh: [] }, 'id')).toBeNull();
    expect(shown).toHaveLength(2);
  });
});
