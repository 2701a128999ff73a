import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusiness } from '../../src-cloud/admin/businesses';
import { issueEnrolCode } from '../../src-cloud/admin/enrol-codes';
import { withBusiness } from '../../src-cloud/db/scope';
import type { App } from '../../src-main/app';
import { startSyncLoop, syncLoopOf } from '../../src-main/sync/loop';
import { startTestCloud, type TestCloud } from '../cloud/cloud-server';
import { fails, loginAsNewUser, ok, rowCount, shopWithOwner } from '../helpers';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
  // The laptop stamps its changes with the real clock; the cloud must agree on what "now" is.
  Object.defineProperty(cloud.clock, 'now', { get: () => new Date() });
});
afterAll(async () => cloud.close());

async function codeFor(name = 'Toko Sari Cloud') {
  const { id } = await createBusiness(cloud.db, { name }, cloud.clock.now);
  const { code } = await issueEnrolCode(cloud.db, id, null, cloud.clock.now);
  return { businessId: id, code };
}

async function enrolled() {
  const app = await shopWithOwner();
  const { businessId, code } = await codeFor();
  const status = await ok(app, 'sync.enrol', { server: cloud.url, code });
  return { app, businessId, status };
}

async function addCustomers(app: App, n: number) {
  const added = [];
  for (let i = 0; i < n; i++) added.push(await ok(app, 'customers.create', { name: `Pelanggan ${i}`, phone: null }));
  return added;
}

describe('sync channels against the real cloud', () => {
  it('a shop that never enrolled: not enrolled, no loop running, and acting on sync says to enrol first', async () => {
    const app = await shopWithOwner();
    expect(await ok(app, 'sync.status', {})).toMatchObject({ enrolled: false, pending: expect.any(Number), online: null, lastError: null });
    expect(syncLoopOf(app.services)?.isActive).toBe(false);
    expect((await fails(app, 'sync.pushNow', {})).message).toMatch(/belum terdaftar/);
    expect((await fails(app, 'sync.pause', {})).code).toBe('CONFLICT');
  });

  it('the health page counts what waits for the cloud once enrolled, and when it last synced', async () => {
    const { app } = await enrolled();
    await addCustomers(app, 2);
    const before = await ok(app, 'health.get', {});
    expect(before.outboxPending).toBe((await ok(app, 'sync.status', {})).pending);
    expect(before.outboxPending).toBeGreaterThan(0);
    expect(before.counts.outbox).toBeGreaterThan(0);
    await ok(app, 'sync.pushNow', {});
    const after = await ok(app, 'health.get', {});
    expect(after.outboxPending).toBe(0);
    expect(after.lastSync).toBe((await ok(app, 'sync.status', {})).lastSuccessAt);
    expect(after.lastSync).not.toBeNull();
  });

  it('enrols with a code, names the shop as the cloud knows it, pushes everything and starts the loop', async () => {
    const { app, businessId, status } = await enrolled();
    const [customer] = await addCustomers(app, 1);
    expect(status).toMatchObject({ enrolled: true, businessName: 'Toko Sari Cloud', paused: false, serverUrl: `${cloud.url}/` });
    expect(status.pending).toBeGreaterThan(0);
    expect(syncLoopOf(app.services)?.isActive).toBe(true);
    const pushed = await ok(app, 'sync.pushNow', {});
    expect(pushed).toMatchObject({ rejected: 0, remaining: 0 });
    expect(pushed.acked).toBeGreaterThan(0);
    expect(await ok(app, 'sync.status', {})).toMatchObject({ pending: 0, online: true, lastError: null, problem: null });
    const there = await withBusiness(cloud.db, businessId, (tx) => tx.selectFrom('customers').select('name').where('id', '=', customer.id).executeTakeFirst());
    expect(there?.name).toBe('Pelanggan 0');
  });

  it('a wrong code and a bad address are plain sentences in both languages', async () => {
    const app = await shopWithOwner();
    const wrong = await fails(app, 'sync.enrol', { server: cloud.url, code: 'SALAH-1234-5678' });
    expect(wrong.code).toBe('VALIDATION_ERROR');
    expect(wrong.message).toBe('Kode pendaftaran salah, sudah dipakai, atau kedaluwarsa (berlaku 15 menit). Minta kode baru ke admin.');
    await ok(app, 'auth.setPreferences', { language: 'en' });
    expect((await fails(app, 'sync.enrol', { server: 'http://exa mple', code: 'x' })).message).toBe(
      'Not a valid server address. Example: https://cloud.yourshop.id',
    );
    // A code used once is spent.
    const { code } = await codeFor();
    await ok(app, 'sync.enrol', { server: cloud.url, code });
    const other = await shopWithOwner();
    expect((await fails(other, 'sync.enrol', { server: cloud.url, code })).message).toMatch(/sudah dipakai/);
  });

  it('every role reads the status; only the owner enrols, pushes, pauses, leaves or sees the refused list', async () => {
    const { app } = await enrolled();
    for (const role of ['manager', 'staff'] as const) {
      const client = await loginAsNewUser(app, role, `${role}1`);
      expect((await ok(app, 'sync.status', {}, client)).enrolled).toBe(true);
      for (const channel of ['sync.pushNow', 'sync.pause', 'sync.resume', 'sync.leave', 'sync.rejected']) {
        expect((await fails(app, channel, {}, client)).code).toBe('FORBIDDEN');
      }
      expect((await fails(app, 'sync.enrol', { server: cloud.url, code: 'x' }, client)).code).toBe('FORBIDDEN');
    }
  });

  it('a server that cannot be reached: "Server tidak bisa dihubungi — 1.240 perubahan menunggu", every change kept', async () => {
    const { app } = await enrolled();
    await ok(app, 'sync.pushNow', {});
    // 1,240 edits waiting (their rows need not exist: the push reads them only once it connects).
    const queue = app.services.sqlite.prepare(
      "INSERT INTO outbox (op_id, entity, entity_id, op, hlc, created_at) VALUES (?, 'customers', ?, 'update', ?, '2026-12-07T01:00:00.000Z')",
    );
    app.services.sqlite.transaction(() => {
      for (let i = 0; i < 1_240; i++) queue.run(`op-${i}`, `id-${i}`, app.services.hlc.next());
    })();
    // Nothing listens on port 1.
    app.services.sqlite.prepare("UPDATE sync_state SET server_url = 'http://127.0.0.1:1/'").run();
    const error = await fails(app, 'sync.pushNow', {});
    expect(error.message).toBe(
      'Server tidak bisa dihubungi — 1.240 perubahan menunggu. Semuanya tetap tersimpan di laptop ini dan dikirim otomatis begitu tersambung.',
    );
    const status = await ok(app, 'sync.status', {});
    expect(status).toMatchObject({ pending: 1_240, online: false, problem: 'offline', lastError: error.message });
    expect(rowCount(app, 'outbox')).toBe(1_240);
  });

  it('a token the cloud no longer knows (401) asks to enrol again and keeps the changes; enrolling again sends them', async () => {
    const { app } = await enrolled();
    await ok(app, 'sync.pushNow', {});
    await addCustomers(app, 2);
    writeFileSync(`${app.services.dbPath}.sync-token`, 'smadev_bukan-token-yang-dikenal\n');
    const error = await fails(app, 'sync.pushNow', {});
    expect(error.message).toMatch(/^Cloud tidak lagi mengenali laptop ini\. Daftarkan ulang/);
    expect(await ok(app, 'sync.status', {})).toMatchObject({ problem: 'unauthorised', pending: 2 });
    const { code } = await codeFor('Toko Sari Baru');
    await ok(app, 'sync.enrol', { server: cloud.url, code });
    expect(await ok(app, 'sync.pushNow', {})).toMatchObject({ remaining: 0, rejected: 0 });
  });

  it('pause stops the loop, resume starts it, leave forgets the enrolment and keeps the outbox', async () => {
    const { app } = await enrolled();
    expect((await ok(app, 'sync.pause', {})).paused).toBe(true);
    expect(syncLoopOf(app.services)?.isActive).toBe(false);
    expect((await ok(app, 'sync.resume', {})).paused).toBe(false);
    expect(syncLoopOf(app.services)?.isActive).toBe(true);
    const waiting = rowCount(app, 'outbox');
    const left = await ok(app, 'sync.leave', {});
    expect(left).toMatchObject({ enrolled: false, businessName: null });
    expect(syncLoopOf(app.services)?.isActive).toBe(false);
    expect(rowCount(app, 'outbox')).toBe(waiting);
    expect((await fails(app, 'sync.leave', {})).code).toBe('CONFLICT');
  });

  it('a refused op is listed; retry queues the row again as it is now, dismiss removes it', async () => {
    const { app, businessId } = await enrolled();
    await ok(app, 'sync.pushNow', {});
    const [a, b] = await addCustomers(app, 2);
    await ok(app, 'sync.pushNow', {});
    // The cloud records a refusal against the outbox entry that carried the row (SYNC.md: rejected ops never block the queue).
    const keep = app.services.sqlite.prepare(
      "INSERT INTO sync_rejected (seq, key, entity, entity_id, reason, at) VALUES (?, '', 'customers', ?, 'name: too long', '2026-12-07T01:00:00.000Z')",
    );
    keep.run(901, a.id);
    keep.run(902, b.id);
    expect(await ok(app, 'sync.rejected', {})).toEqual([
      { seq: 901, key: '', entity: 'customers', id: a.id, reason: 'name: too long', at: '2026-12-07T01:00:00.000Z' },
      { seq: 902, key: '', entity: 'customers', id: b.id, reason: 'name: too long', at: '2026-12-07T01:00:00.000Z' },
    ]);
    expect((await ok(app, 'sync.status', {})).rejected).toBe(2);

    // A refused op was never applied: the cloud does not hold that row.
    await withBusiness(cloud.db, businessId, (tx) => tx.deleteFrom('customers').where('id', '=', a.id).execute());
    await ok(app, 'sync.retryRejected', { seq: 901, key: '' });
    expect(app.services.sqlite.prepare('SELECT entity, entity_id FROM outbox').all()).toEqual([{ entity: 'customers', entity_id: a.id }]);
    expect(await ok(app, 'sync.pushNow', {})).toMatchObject({ acked: 1, remaining: 0 });
    const name = await withBusiness(cloud.db, businessId, (tx) => tx.selectFrom('customers').select('name').where('id', '=', a.id).executeTakeFirst());
    expect(name?.name).toBe(a.name);

    await ok(app, 'sync.dismissRejected', { seq: 902, key: '' });
    expect(await ok(app, 'sync.rejected', {})).toEqual([]);
    expect((await fails(app, 'sync.dismissRejected', { seq: 902, key: '' })).code).toBe('NOT_FOUND');
    expect((await fails(app, 'sync.retryRejected', { seq: 902, key: '' })).code).toBe('NOT_FOUND');
  });

  it('the loop pushes a change a moment after it is made, tells the clients, and stops with the app', async () => {
    const { app, businessId } = await enrolled();
    await syncLoopOf(app.services)?.stop();
    const loop = startSyncLoop(app.services, { debounceMs: 50, periodMs: 60_000 });
    const seen: number[] = [];
    app.services.events.subscribe((event) => {
      if (event.name === 'sync.status') seen.push((event.payload as { pending: number }).pending);
    });
    await ok(app, 'sync.pushNow', {});
    const customer = (await addCustomers(app, 1))[0];
    await ok(app, 'customers.update', { id: customer.id, name: 'Diubah lewat loop' });
    // The change is announced at once (changes waiting), then again once the loop has sent it (0).
    await expect.poll(() => seen.includes(0) && seen.some((n) => n > 0), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => rowCount(app, 'outbox'), { timeout: 15_000 }).toBe(0);
    await loop.idle();
    const name = await withBusiness(cloud.db, businessId, (tx) => tx.selectFrom('customers').select('name').where('id', '=', customer.id).executeTakeFirst());
    expect(name?.name).toBe('Diubah lewat loop');
    await loop.stop();
    expect(loop.isActive).toBe(false);
    expect(syncLoopOf(app.services)).toBeUndefined();
  });

  it('never runs two pushes at once: a second press waits and then finds nothing left to send', async () => {
    const { app } = await enrolled();
    await addCustomers(app, 3);
    const [first, second] = await Promise.all([ok(app, 'sync.pushNow', {}), ok(app, 'sync.pushNow', {})]);
    expect(first.acked).toBeGreaterThan(0);
    // Run side by side, both would have read and sent the same outbox entries.
    expect(second).toEqual({ acked: 0, rejected: 0, remaining: 0 });
  });

  it('the loop backs off while the cloud cannot be reached instead of retrying at once', async () => {
    const { app } = await enrolled();
    await syncLoopOf(app.services)?.stop();
    app.services.sqlite.prepare("UPDATE sync_state SET server_url = 'http://127.0.0.1:1/'").run();
    const attempts: number[] = [];
    app.services.events.subscribe((event) => {
      if (event.name === 'sync.status') attempts.push(Date.now());
    });
    const loop = startSyncLoop(app.services, { debounceMs: 10, periodMs: 60_000 });
    await expect.poll(async () => (await ok(app, 'sync.status', {})).problem, { timeout: 10_000 }).toBe('offline');
    const started = attempts.length;
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    // The first retry waits at least 1 s, the next up to 2 s: at most 2 more attempts in 2.2 s.
    expect(attempts.length - started).toBeLessThanOrEqual(2);
    expect(loop.isActive).toBe(true);
    await loop.stop();
  });

  it('a shop suspended in the cloud is told so, in either language, and keeps its changes', async () => {
    const { app, businessId } = await enrolled();
    await ok(app, 'sync.pushNow', {});
    await addCustomers(app, 1);
    await cloud.db.updateTable('businesses').set({ status: 'suspended' }).where('id', '=', businessId).execute();
    const error = await fails(app, 'sync.pushNow', {});
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe(
      'Toko ini sedang dinonaktifkan di cloud, jadi perubahan tidak dikirim. Hubungi admin; 1 perubahan tetap tersimpan di laptop ini.',
    );
    await ok(app, 'auth.setPreferences', { language: 'en' });
    expect(await ok(app, 'sync.status', {})).toMatchObject({
      problem: 'suspended',
      pending: 1,
      lastError: 'This shop is suspended in the cloud, so changes are not sent. Contact the administrator; every change is kept on this laptop (waiting: 1).',
    });
  });
});
