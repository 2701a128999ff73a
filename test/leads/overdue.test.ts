import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock';
import { fails, loginAsNewUser, ok, shopWithOwner } from '../helpers';

describe('the leads list filtered to overdue follow-ups', () => {
  it('holds the open leads with a follow-up past its day, or past its time today; the count agrees with the rows', async () => {
    // 10:00 in Jakarta on 2026-03-10.
    const app = await shopWithOwner({ clock: new ManualClock(new Date('2026-03-10T03:00:00.000Z')) });
    const lead = async (name: string, stageId = 'lead') => (await ok(app, 'leads.create', { name, phone: null, email: null, value: 0, stageId })).id;
    const follow = (leadId: string, dueDate: string, dueTime: string | null = null) =>
      ok(app, 'activities.create', { leadId, kind: 'call', nextAction: 'Telepon', dueDate, dueTime });
    const yesterday = await lead('Kemarin');
    await follow(yesterday, '2026-03-09');
    const earlier = await lead('Tadi pagi');
    await follow(earlier, '2026-03-10', '08:30');
    const later = await lead('Nanti sore');
    await follow(later, '2026-03-10', '15:00');
    const today = await lead('Hari ini tanpa jam');
    await follow(today, '2026-03-10');
    const done = await lead('Sudah');
    await ok(app, 'activities.setDone', { id: (await follow(done, '2026-03-01')).id, done: true });
    const won = await lead('Menang', 'won');
    await follow(won, '2026-03-01');
    const removed = await lead('Dihapus');
    await follow(removed, '2026-03-01');
    await ok(app, 'leads.delete', { id: removed });
    // A customer's follow-up has no lead: it never makes one overdue.
    const customer = await ok(app, 'customers.create', { name: 'Budi', phone: null, email: null, city: null, tags: [] });
    await ok(app, 'activities.create', { customerId: customer.id, kind: 'call', nextAction: 'Telepon', dueDate: '2026-03-01' });

    const list = await ok(app, 'leads.list', { overdue: true, sort: 'name', desc: false });
    expect(list.rows.map((r) => r.name)).toEqual(['Kemarin', 'Tadi pagi']);
    expect(list.total).toBe(2);
    expect(list.rows.every((r) => r.overdue)).toBe(true);
    // Combined with the other filters, and with staff visibility.
    expect((await ok(app, 'leads.list', { overdue: true, search: 'kemarin' })).total).toBe(1);
    expect((await ok(app, 'leads.list', { overdue: true, stageIds: ['won'] })).total).toBe(0);
    const staff = await loginAsNewUser(app, 'staff', 'andi');
    expect((await ok(app, 'leads.list', { overdue: true }, staff)).total).toBe(2); // unassigned leads are theirs to see
    expect(await fails(app, 'leads.list', { overdue: 'yes' })).toMatchObject({ code: 'VALIDATION_ERROR' });
  });
});
