import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock';
import { announceDueFollowUps } from '../../src-main/leads/reminders';
import { openApp } from '../../src-main/app';
import { fails, loginAsNewUser, ok, OWNER_PASSWORD, rowCount, shopWithOwner, tempDir } from '../helpers';
import { join } from 'node:path';

const lead = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  organisation: 'SMAN 3 Bandung',
  phone: null,
  email: null,
  city: 'Bandung',
  value: 2_500_000,
  ...extra,
});

describe('leads: stages, history and conversion, through dispatch', () => {
  it('starts a lead in the first stage with a code and a history row; another lead with the phone is refused, a customer with it asks first', async () => {
    const app = await shopWithOwner();
    const first = await ok(app, 'leads.create', lead('Rina Aprilia', { phone: '0812-3456-7890', utmSource: 'IG' }));
    expect(first).toMatchObject({
      code: 'L-00001',
      stageId: 'lead',
      stageName: 'Lead',
      probability: 10,
      phone: '+6281234567890',
      channelId: 'instagram',
      channelName: 'Instagram Ads',
    });
    expect((await ok(app, 'leads.get', { id: first.id })).history).toMatchObject([{ fromStageId: null, toStageId: 'lead', userName: 'Sari Wulandari' }]);

    const twice = await fails(app, 'leads.create', lead('Rina lagi', { phone: '+62 812 3456 7890' }));
    expect(twice).toMatchObject({ code: 'CONFLICT' });
    expect(twice.message).toContain('L-00001');

    await ok(app, 'customers.create', { name: 'Budi Santoso', phone: '0813-1111-2222', email: null, city: null, tags: [] });
    const customerPhone = await fails(app, 'leads.create', lead('Budi', { phone: '0813-1111-2222' }));
    expect(customerPhone.message).toContain('Budi Santoso');
    expect(await ok(app, 'leads.create', lead('Budi', { phone: '0813-1111-2222', allowDuplicate: true }))).toMatchObject({ code: 'L-00002' });
  });

  it('asks a reason to go back a stage or to Lost, keeps every move with who and why, and reopening clears the close', async () => {
    const app = await shopWithOwner();
    const l = await ok(app, 'leads.create', lead('Dewi'));
    await ok(app, 'leads.move', { id: l.id, stageId: 'interest' });
    const back = await fails(app, 'leads.move', { id: l.id, stageId: 'follow_up' });
    expect(back).toMatchObject({ code: 'VALIDATION_ERROR', details: { issues: [{ path: 'reason' }] } });
    await ok(app, 'leads.move', { id: l.id, stageId: 'follow_up', reason: 'Belum ada dana' });
    expect((await fails(app, 'leads.move', { id: l.id, stageId: 'lost' })).details).toMatchObject({ issues: [{ path: 'reason' }] });
    const lost = await ok(app, 'leads.move', { id: l.id, stageId: 'lost', reason: 'Pilih bimbel lain' });
    expect(lost).toMatchObject({ stageKind: 'lost', lostReason: 'Pilih bimbel lain' });
    expect(lost.closedAt).not.toBeNull();
    expect((await fails(app, 'leads.move', { id: l.id, stageId: 'booking' })).details).toMatchObject({ issues: [{ path: 'reason' }] });
    const reopened = await ok(app, 'leads.move', { id: l.id, stageId: 'booking', reason: 'Menghubungi lagi' });
    expect(reopened).toMatchObject({ closedAt: null, lostReason: null });
    const history = (await ok(app, 'leads.get', { id: l.id })).history;
    expect(history.map((h) => [h.fromStageId, h.toStageId, h.reason])).toEqual([
      ['lost', 'booking', 'Menghubungi lagi'],
      ['follow_up', 'lost', 'Pilih bimbel lain'],
      ['interest', 'follow_up', 'Belum ada dana'],
      ['lead', 'interest', null],
      [null, 'lead', null],
    ]);
  });

  it('converts a won lead into the customer who already has its phone (no second record), or into a new one; the customer page shows where they came from', async () => {
    const app = await shopWithOwner();
    const existing = await ok(app, 'customers.create', { name: 'Agus', phone: '0815-2222-3333', email: null, city: null, tags: [] });
    const known = await ok(app, 'leads.create', lead('Agus Prasetyo', { phone: '0815 2222 3333', allowDuplicate: true, campaignCode: 'UMR_MAR_2026_HEMAT' }));
    const customersBefore = rowCount(app, 'customers');
    expect(await ok(app, 'leads.convert', { id: known.id })).toEqual({ customerId: existing.id, created: false });
    expect(rowCount(app, 'customers')).toBe(customersBefore);
    expect(await ok(app, 'leads.get', { id: known.id })).toMatchObject({ lead: { stageId: 'won', customerId: existing.id } });
    expect(await ok(app, 'leads.ofCustomer', { id: existing.id })).toMatchObject([{ code: known.code, campaignCode: 'UMR_MAR_2026_HEMAT' }]);

    const fresh = await ok(app, 'leads.create', lead('Citra', { phone: '0816-4444-5555', channelId: 'tiktok' }));
    await ok(app, 'activities.create', { leadId: fresh.id, kind: 'call', outcome: 'Tertarik paket UTBK' });
    const converted = await ok(app, 'leads.convert', { id: fresh.id });
    expect(converted.created).toBe(true);
    const customer = await ok(app, 'customers.get', { id: converted.customerId });
    expect(customer.customer).toMatchObject({ name: 'Citra', phone: '+6281644445555', source: `Prospek ${fresh.code} · TikTok Ads` });
    // The lead's activities belong to the customer it became.
    expect(await ok(app, 'activities.list', { customerId: converted.customerId })).toMatchObject([{ kind: 'call', outcome: 'Tertarik paket UTBK' }]);
    // Converting twice changes nothing.
    expect(await ok(app, 'leads.convert', { id: fresh.id })).toEqual({ customerId: converted.customerId, created: false });
  });
});

describe('leads: roles', () => {
  it('staff see and edit their own and unassigned leads only, never assign others, and cannot delete', async () => {
    const app = await shopWithOwner();
    await loginAsNewUser(app, 'staff', 'andi');
    await loginAsNewUser(app, 'staff', 'bela');
    const users = await ok(app, 'users.list', {});
    const andi = users.find((u) => u.username === 'andi')!;
    const bela = users.find((u) => u.username === 'bela')!;
    const mine = await ok(app, 'leads.create', lead('Untuk Andi', { ownerId: andi.id }));
    const hers = await ok(app, 'leads.create', lead('Untuk Bela', { ownerId: bela.id }));
    const open = await ok(app, 'leads.create', lead('Belum dipegang'));

    const seen = await ok(app, 'leads.list', {}, 'andi');
    expect(seen.rows.map((r) => r.name).sort()).toEqual(['Belum dipegang', 'Untuk Andi']);
    expect(await fails(app, 'leads.get', { id: hers.id }, 'andi')).toMatchObject({ code: 'NOT_FOUND' });
    expect(await fails(app, 'leads.move', { id: hers.id, stageId: 'interest' }, 'andi')).toMatchObject({ code: 'FORBIDDEN' });
    // Taking an unassigned lead is allowed; handing it to someone else is not.
    expect(await ok(app, 'leads.update', { ...lead('Belum dipegang'), id: open.id, ownerId: andi.id }, 'andi')).toMatchObject({ ownerName: 'andi' });
    expect(await fails(app, 'leads.update', { ...lead('Untuk Andi'), id: mine.id, ownerId: bela.id }, 'andi')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails(app, 'leads.delete', { id: mine.id }, 'andi')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails(app, 'activities.create', { leadId: hers.id, kind: 'note', outcome: 'x' }, 'andi')).toMatchObject({ code: 'FORBIDDEN' });
    // The owner sees all three and reassigns freely.
    expect((await ok(app, 'leads.list', {})).total).toBe(3);
    expect(await ok(app, 'leads.update', { ...lead('Untuk Bela'), id: hers.id, ownerId: andi.id })).toMatchObject({ ownerName: 'andi' });
  });
});

describe('follow-ups and reminders', () => {
  it('lists overdue and due follow-ups per user; the reminder catches up after a restart once, and a done follow-up leaves the counts', async () => {
    const path = join(tempDir(), 'shop.sqlite');
    // 09:00 in Jakarta on 10 March 2026.
    const clock = new ManualClock(new Date('2026-03-10T02:00:00Z'));
    let app = await openApp({ dbPath: path, clock, checkOutput: true });
    await ok(app, 'setup.create', { owner: { name: 'Sari', username: 'sari', password: OWNER_PASSWORD }, business: { name: 'Toko Sari' } });
    const l = await ok(app, 'leads.create', lead('Eka', { phone: '0817-1234-0000' }));
    const yesterday = await ok(app, 'activities.create', {
      leadId: l.id,
      kind: 'call',
      outcome: 'Minta dihubungi lagi',
      nextAction: 'Telepon ulang',
      dueDate: '2026-03-09',
    });
    await ok(app, 'activities.create', { leadId: l.id, kind: 'chat', nextAction: 'Kirim brosur', dueDate: '2026-03-10', dueTime: '15:00' });
    await ok(app, 'activities.create', { leadId: l.id, kind: 'meeting', nextAction: 'Kunjungan', dueDate: '2026-03-12' });
    expect(yesterday).toMatchObject({ overdue: true, assignedName: 'Sari' });

    const todo = await ok(app, 'followUps.list', {});
    expect(todo).toMatchObject({ today: '2026-03-10', overdue: 1, dueToday: 1 });
    expect(todo.rows.map((r) => r.nextAction)).toEqual(['Telepon ulang', 'Kirim brosur']);
    expect((await ok(app, 'leads.list', { overdue: true })).rows.map((r) => r.id)).toEqual([l.id]);
    expect((await ok(app, 'leads.get', { id: l.id })).lead).toMatchObject({ nextDue: '2026-03-09', overdue: true });

    const announced: unknown[] = [];
    app.services.events.subscribe((e) => e.name === 'reminders.due' && announced.push(e.payload));
    expect((await announceDueFollowUps(app.services)).map((r) => r.nextAction)).toEqual(['Telepon ulang']);
    expect(await announceDueFollowUps(app.services)).toEqual([]);
    expect(announced).toHaveLength(1);
    await app.close();

    // Closed overnight: the next morning's start announces what fell due meanwhile, once.
    clock.set(new Date('2026-03-12T03:00:00Z'));
    app = await openApp({ dbPath: path, clock, checkOutput: true });
    await ok(app, 'auth.login', { username: 'sari', password: OWNER_PASSWORD });
    expect((await announceDueFollowUps(app.services)).map((r) => r.nextAction).sort()).toEqual(['Kirim brosur', 'Kunjungan']);
    expect(await announceDueFollowUps(app.services)).toEqual([]);
    const later = await ok(app, 'followUps.list', {});
    expect(later).toMatchObject({ overdue: 2, dueToday: 1 });
    await ok(app, 'activities.setDone', { id: yesterday.id, done: true });
    expect(await ok(app, 'followUps.list', {})).toMatchObject({ overdue: 1, dueToday: 1 });
    // The calendar reads a range, done ones included.
    const week = await ok(app, 'followUps.list', { who: 'team', from: '2026-03-09', to: '2026-03-15', includeDone: true });
    expect(week.rows.map((r) => [r.dueDate, Boolean(r.doneAt)])).toEqual([
      ['2026-03-09', true],
      ['2026-03-10', false],
      ['2026-03-12', false],
    ]);
    await app.close();
  });
});

describe('the board', () => {
  it('counts and sums every stage and shows the latest cards, only the ones the caller may see', async () => {
    const app = await shopWithOwner();
    for (let i = 0; i < 7; i++) await ok(app, 'leads.create', lead(`Prospek ${i}`, { value: 1_000_000 * (i + 1), stageId: i % 2 ? 'interest' : 'lead' }));
    const board = await ok(app, 'leads.board', { perStage: 2 });
    const byId = Object.fromEntries(board.stages.map((s) => [s.id, s]));
    expect(board.stages.map((s) => s.id)).toEqual(['lead', 'follow_up', 'interest', 'booking', 'won', 'lost']);
    expect(byId.lead).toMatchObject({ count: 4, value: 16_000_000 });
    expect(byId.interest).toMatchObject({ count: 3, value: 12_000_000 });
    expect(byId.lead.leads).toHaveLength(2);
    const straight = app.services.sqlite.prepare("SELECT count(*) AS n, sum(value) AS v FROM leads WHERE stage_id = 'interest' AND deleted_at IS NULL").get();
    expect(straight).toEqual({ n: 3, v: 12_000_000 });
  });
});
