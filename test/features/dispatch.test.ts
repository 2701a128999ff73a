import { describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/contract';
import { permissions } from '../../src-shared/permissions';
import { handlers } from '../../src-main/handlers';
import { fails, loginAsNewUser, ok, rowCount, shopWithOwner, testApp } from '../helpers';

describe('dispatch', () => {
  it('has a handler and a permission for every channel of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    expect(Object.keys(permissions).sort()).toEqual(Object.keys(contract).sort());
  });

  it('answers bad input with VALIDATION_ERROR naming the field, in the user language', async () => {
    const app = await shopWithOwner();
    const error = await fails(app, 'customers.create', { name: 'Ani', phone: '0812-12' });
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toContain('phone');
    expect(error.message).toContain('Nomor HP tidak valid');
    expect(error.details).toEqual({ issues: [{ path: 'phone', message: expect.stringContaining('0812-3456-7890') }] });
    await ok(app, 'auth.setPreferences', { language: 'en' });
    const english = await fails(app, 'customers.create', { name: '', email: 'nope' });
    expect(english.message).toContain('name (Required.)');
    expect(english.message).toContain('email (Not a valid email address');
  });

  it('refuses fields the schema does not know (strict input)', async () => {
    const app = await shopWithOwner();
    const error = await fails(app, 'customers.create', { name: 'Ani', is_admin: true });
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(JSON.stringify(error.details)).toContain('is_admin');
  });

  it('answers FORBIDDEN when the role may not call the channel, and changes nothing', async () => {
    const app = await shopWithOwner();
    const customer = await ok(app, 'customers.create', { name: 'Ani', phone: '081234567890' });
    const staff = await loginAsNewUser(app, 'staff', 'kasir');
    const before = rowCount(app, 'outbox');
    const error = await fails(app, 'customers.delete', { id: customer.id }, staff);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('Staf');
    expect((await fails(app, 'settings.update', { idleLockMinutes: 1 }, staff)).code).toBe('FORBIDDEN');
    expect((await fails(app, 'users.create', { name: 'x', username: 'xx1', password: 'password-1', role: 'owner' }, staff)).code).toBe('FORBIDDEN');
    expect(rowCount(app, 'outbox')).toBe(before);
    // Staff do the daily work.
    await ok(app, 'customers.update', { id: customer.id, name: 'Ani S.', phone: '081234567890' }, staff);
    const manager = await loginAsNewUser(app, 'manager', 'manajer');
    await ok(app, 'customers.delete', { id: customer.id }, manager);
  });

  it('answers UNKNOWN_CHANNEL for a channel that does not exist', async () => {
    const app = await testApp();
    const error = await fails(app, 'customers.dropAll', {});
    expect(error.code).toBe('UNKNOWN_CHANNEL');
    expect(error.message).toContain('customers.dropAll');
  });

  it('answers UNAUTHENTICATED to a client that has not logged in', async () => {
    const app = await shopWithOwner();
    expect((await fails(app, 'customers.list', {}, 'stranger')).code).toBe('UNAUTHENTICATED');
  });

  it('answers NOT_FOUND for a missing row', async () => {
    const app = await shopWithOwner();
    const error = await fails(app, 'customers.get', { id: 'does-not-exist' });
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Pelanggan tidak ditemukan.' });
  });
});
