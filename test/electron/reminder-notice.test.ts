import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock';
import { notifyReminders, reminderNotice, type Notice } from '../../src-main/electron/reminder-notice';
import { announceDueFollowUps } from '../../src-main/leads/reminders';
import { loginAsNewUser, ok, OWNER_PASSWORD, shopWithOwner } from '../helpers';

describe('the desktop notification for follow-ups that fall due', () => {
  it("names the first fresh follow-up of the user who signed in last and counts them, once each, in that user's language", async () => {
    // 09:00 in Jakarta on 10 March 2026.
    const clock = new ManualClock(new Date('2026-03-10T02:00:00Z'));
    const app = await shopWithOwner({ clock });
    await loginAsNewUser(app, 'staff', 'andi');
    const andi = (await ok(app, 'users.list', {})).find((u) => u.username === 'andi')!;
    // Sari signs in after Andi: the laptop is hers now.
    await ok(app, 'auth.login', { username: 'sari', password: OWNER_PASSWORD });
    const lead = await ok(app, 'leads.create', { name: 'Rina Aprilia', organisation: null, phone: null, email: null, city: null, value: 0 });
    await ok(app, 'activities.create', { leadId: lead.id, kind: 'call', nextAction: 'Telepon ulang', dueDate: '2026-03-09' });
    await ok(app, 'activities.create', { leadId: lead.id, kind: 'chat', nextAction: 'Kirim brosur', dueDate: '2026-03-10' });
    await ok(app, 'activities.create', { leadId: lead.id, kind: 'meeting', nextAction: 'Kunjungan Andi', dueDate: '2026-03-09', assignedTo: andi.id });
    await ok(app, 'activities.create', { leadId: lead.id, kind: 'meeting', nextAction: 'Presentasi', dueDate: '2026-03-11' });

    const shown: Notice[] = [];
    const stop = notifyReminders(app.services, (notice) => shown.push(notice));
    expect(await announceDueFollowUps(app.services)).toHaveLength(3);
    await expect.poll(() => shown.length).toBe(1);
    // Andi's follow-up fell due too, but it is not Sari's to do.
    expect(shown[0]).toEqual({ title: 'Tindak lanjut jatuh tempo', body: 'Rina Aprilia: Telepon ulang — 2 tindak lanjut jatuh tempo.' });
    // Announced already: the next tick finds nothing new.
    expect(await announceDueFollowUps(app.services)).toEqual([]);

    // The next day, in English: one follow-up, named alone.
    await ok(app, 'auth.setPreferences', { language: 'en' });
    clock.set(new Date('2026-03-11T02:00:00Z'));
    await ok(app, 'auth.login', { username: 'sari', password: OWNER_PASSWORD }); // the night ended the session
    expect(await announceDueFollowUps(app.services)).toHaveLength(1);
    await expect.poll(() => shown.length).toBe(2);
    expect(shown[1]).toEqual({ title: 'Follow-ups due', body: 'Rina Aprilia: Presentasi' });

    stop();
    await ok(app, 'activities.create', { leadId: lead.id, kind: 'note', nextAction: 'Cek transfer', dueDate: '2026-03-11' });
    expect(await announceDueFollowUps(app.services)).toHaveLength(1);
    await ok(app, 'followUps.list', {}); // a database round trip: a notice still on its way would be in by now
    expect(shown).toHaveLength(2);
    expect(reminderNotice({ overdue: 0, dueToday: 0, fresh: [] }, 'id')).toBeNull();
  });
});
