import { describe, expect, it } from 'vitest';
import { ok, shopWithOwner, testApp } from '../helpers';

const stampOf = (app: Awaited<ReturnType<typeof testApp>>, id: string) =>
  (app.services.sqlite.prepare('SELECT hlc FROM customers WHERE id = ?').get(id) as { hlc: string }).hlc;
const nodeOf = (stamp: string) => stamp.split(':')[2];

describe('the clock names this laptop the same way across restarts', () => {
  it('keeps the node id of the database after a restart, and two shops have different ones', async () => {
    const app = await shopWithOwner();
    const created = await ok(app, 'customers.create', { name: 'Sari', phone: null, email: null, city: 'Solo', tags: [] });
    const first = nodeOf(stampOf(app, created.id));
    const dbPath = app.services.dbPath;
    await app.close();
    const reopened = await testApp({ dbPath });
    await ok(reopened, 'auth.login', { username: 'sari', password: 'rahasia-toko-123' });
    await ok(reopened, 'customers.update', { id: created.id, name: 'Sari Wulandari' });
    expect(nodeOf(stampOf(reopened, created.id))).toBe(first);
    expect(first).toMatch(/^[0-9a-f]{8}m$/);

    const other = await shopWithOwner();
    const theirs = await ok(other, 'customers.create', { name: 'Budi', phone: null, email: null, city: 'Solo', tags: [] });
    expect(nodeOf(stampOf(other, theirs.id))).not.toBe(first);
  });
});
