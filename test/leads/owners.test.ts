import { describe, expect, it } from 'vitest';
import { loginAsNewUser, ok, shopWithOwner } from '../helpers';

describe('leads.owners: who a lead may be given to', () => {
  it('lists every active user for owners and managers, and only themselves for staff', async () => {
    const app = await shopWithOwner();
    await loginAsNewUser(app, 'manager', 'maya');
    await loginAsNewUser(app, 'staff', 'andi');
    const gone = await ok(app, 'users.create', { name: 'zaki', username: 'zaki', password: 'password-123', role: 'staff' });
    await ok(app, 'users.update', { id: gone.id, name: 'zaki', role: 'staff', active: false });

    const names = (rows: { name: string }[]) => rows.map((row) => row.name);
    expect(names(await ok(app, 'leads.owners', {}))).toEqual(['andi', 'maya', 'Sari Wulandari']);
    // A manager may not call users.list, yet reassigns leads: the picker still lists everyone.
    expect(names(await ok(app, 'leads.owners', {}, 'maya'))).toEqual(['andi', 'maya', 'Sari Wulandari']);
    expect(names(await ok(app, 'leads.owners', {}, 'andi'))).toEqual(['andi']);
  });
});
