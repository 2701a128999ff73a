import { describe, expect, it } from 'vitest';
import { fails, ok, rowCount, shopWithOwner } from '../helpers';

describe('customers', () => {
  it('creates with an automatic code and a normalised phone, and logs it', async () => {
    const app = await shopWithOwner();
    const a = await ok(app, 'customers.create', {
      name: ' Budi Santoso ',
      phone: '0812-3456-7890',
      email: 'Budi@Contoh.ID',
      city: 'Bandung',
      tags: ['member', 'member', 'vip'],
    });
    const b = await ok(app, 'customers.create', { name: 'Ani', phone: '+62 857 1111 2222' });
    expect(a).toMatchObject({ code: 'C000001', name: 'Budi Santoso', phone: '+6281234567890', email: 'budi@contoh.id', tags: ['member', 'vip'] });
    expect(b.code).toBe('C000002');
    const log = app.services.sqlite.prepare("SELECT entity_id FROM activity_logs WHERE action = 'customers.create'").all();
    expect(log).toHaveLength(2);
  });

  it('warns about the same phone or email however it was typed, and saves when the user insists', async () => {
    const app = await shopWithOwner();
    const first = await ok(app, 'customers.create', { name: 'Budi', phone: '081234567890', email: 'budi@contoh.id' });
    expect(await ok(app, 'customers.checkDuplicates', { phone: '+62 812-3456-7890' })).toEqual([
      { id: first.id, code: first.code, name: 'Budi', field: 'phone', deleted: false },
    ]);
    expect(await ok(app, 'customers.checkDuplicates', { email: 'BUDI@contoh.id', phone: null })).toHaveLength(1);
    expect(await ok(app, 'customers.checkDuplicates', { phone: '081234567890', excludeId: first.id })).toEqual([]);
    const conflict = await fails(app, 'customers.create', { name: 'Budi S', phone: '6281234567890' });
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toBe('Pelanggan dengan nomor HP yang sama sudah ada: Budi (C000001).');
    expect(rowCount(app, 'customers')).toBe(1);
    await ok(app, 'customers.create', { name: 'Budi S', phone: '6281234567890', allowDuplicate: true });
    expect(rowCount(app, 'customers')).toBe(2);
    expect((await fails(app, 'customers.create', { name: 'Lain', code: 'C000001' })).message).toBe('Kode C000001 sudah dipakai.');
  });

  it('finds a customer by phone typed the local way, by name, code and email', async () => {
    const app = await shopWithOwner();
    await ok(app, 'customers.create', { name: 'Siti Rahma', phone: '+6281298765432', email: 'siti@toko.id', city: 'Medan' });
    await ok(app, 'customers.create', { name: 'Joko', phone: '085711112222', city: 'Solo', tags: ['grosir'] });
    await ok(app, 'customers.create', { name: 'Rina 100%', city: 'medan' });
    const search = async (text: string) => (await ok(app, 'customers.list', { search: text })).rows.map((r) => r.name);
    expect(await search('0812 9876')).toEqual(['Siti Rahma']);
    expect(await search('62812-98765432')).toEqual(['Siti Rahma']);
    expect(await search('8765 432')).toEqual(['Siti Rahma']); // the end of a number
    expect(await search('siti')).toEqual(['Siti Rahma']);
    expect(await search('C000002')).toEqual(['Joko']);
    expect(await search('@toko.id')).toEqual(['Siti Rahma']);
    expect(await search('100%')).toEqual(['Rina 100%']);
    expect(await search('%')).toEqual(['Rina 100%']);
    expect((await ok(app, 'customers.list', { city: 'Medan' })).rows.map((r) => r.name)).toEqual(['Rina 100%', 'Siti Rahma']);
    expect((await ok(app, 'customers.list', { tag: 'grosir' })).rows.map((r) => r.name)).toEqual(['Joko']);
    expect(await ok(app, 'customers.facets', {})).toEqual({ cities: ['Medan', 'Solo'], tags: ['grosir'] });
  });

  it('pages and sorts on the server', async () => {
    const app = await shopWithOwner();
    for (let i = 1; i <= 12; i++) await ok(app, 'customers.create', { name: `Pelanggan ${String(i).padStart(2, '0')}`, city: i % 2 ? 'Bandung' : 'Bogor' });
    const page2 = await ok(app, 'customers.list', { page: 2, pageSize: 5 });
    expect(page2.total).toBe(12);
    expect(page2.rows.map((r) => r.name)).toEqual(['Pelanggan 06', 'Pelanggan 07', 'Pelanggan 08', 'Pelanggan 09', 'Pelanggan 10']);
    const desc = await ok(app, 'customers.list', { sort: 'code', desc: true, pageSize: 5 });
    expect(desc.rows[0].code).toBe('C000012');
  });

  it('soft-deletes and restores, keeping the row and its history', async () => {
    const app = await shopWithOwner();
    const c = await ok(app, 'customers.create', { name: 'Hilang', phone: '081200000001' });
    await ok(app, 'customers.delete', { id: c.id });
    expect((await ok(app, 'customers.list', {})).total).toBe(0);
    expect((await ok(app, 'customers.list', { status: 'deleted' })).rows.map((r) => r.id)).toEqual([c.id]);
    // A deleted customer still warns as a duplicate, flagged, without blocking.
    expect(await ok(app, 'customers.checkDuplicates', { phone: '081200000001' })).toMatchObject([{ deleted: true }]);
    await ok(app, 'customers.create', { name: 'Baru', phone: '081200000001' });
    await ok(app, 'customers.restore', { id: c.id });
    expect((await ok(app, 'customers.list', {})).total).toBe(2);
    const ops = app.services.sqlite.prepare('SELECT op FROM outbox WHERE entity_id = ? ORDER BY seq').all(c.id);
    expect(ops).toEqual([{ op: 'insert' }, { op: 'delete' }, { op: 'restore' }]);
  });

  it('edits and shows the detail summary from the transactions', async () => {
    const app = await shopWithOwner();
    const c = await ok(app, 'customers.create', { name: 'Dewi', phone: '081311112222' });
    const edited = await ok(app, 'customers.update', { id: c.id, name: 'Dewi Lestari', phone: '0813-1111-2222', city: 'Depok' });
    expect(edited).toMatchObject({ code: c.code, name: 'Dewi Lestari', city: 'Depok' });
    await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-01-10', amount: 150_000 });
    await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-03-05', amount: 250_001 });
    const deleted = await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-04-01', amount: 9_999_999 });
    await ok(app, 'transactions.delete', { id: deleted.id });
    const detail = await ok(app, 'customers.get', { id: c.id });
    expect(detail.summary).toEqual({ transactions: 2, total: 400_001, averageOrder: 200_001, firstPurchase: '2026-01-10', lastPurchase: '2026-03-05' });
  });
});
