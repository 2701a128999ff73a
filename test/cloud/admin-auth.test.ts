import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src-cloud/auth/totp';
import { SESSION_IDLE_MS } from '../../src-cloud/auth/sessions';
import { adminApi } from '../../src-cloud/admin/routes';
import { createAdmin } from '../../src-cloud/auth/admins';
import { adminCall, adminSession, login, startAdminCloud } from './admin-client';
import { startTestCloud, type TestCloud } from './cloud-server';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startAdminCloud();
});
afterAll(async () => cloud.close());

const auditActions = async () => (await cloud.db.selectFrom('audit_log').select(['action', 'details']).orderBy('id').execute()).map((r) => r.action);

describe('console sign-in', () => {
  it('sets an HttpOnly SameSite=Strict cookie, answers me, and ends on logout', async () => {
    const admin = await adminSession(cloud, 'sari', 'super_admin');
    const again = await login(cloud, 'sari', admin.password);
    expect(again.setCookie).toMatch(/HttpOnly/);
    expect(again.setCookie).toMatch(/SameSite=Strict/);
    expect(again.setCookie).toMatch(/Path=\//);
    expect(again.setCookie).not.toMatch(/Secure/); // plain http on loopback
    const me = await adminCall(cloud, 'GET', '/api/admin/me', admin.session);
    expect(me.body).toEqual({ id: admin.id, username: 'sari', name: 'sari', role: 'super_admin', totpEnabled: false, language: 'id' });

    // Without the console header a write is refused even with the cookie: a cross-site form cannot set it.
    expect((await adminCall(cloud, 'POST', '/api/admin/logout', admin.session, {}, { consoleHeader: false })).status).toBe(403);
    expect((await adminCall(cloud, 'POST', '/api/admin/logout', admin.session, {})).status).toBe(200);
    expect((await adminCall(cloud, 'GET', '/api/admin/me', admin.session)).status).toBe(401);
    expect(await auditActions()).toEqual(expect.arrayContaining(['login.ok', 'logout']));
  });

  it('answers 401, not a server error, to a cookie that is not a session', async () => {
    for (const junk of ['%E0%A4%A', 'smaadm_made-up', '', 'x'.repeat(5000)]) {
      const res = await adminCall(cloud, 'GET', '/api/admin/me', junk || null);
      expect(res.status, junk.slice(0, 20)).toBe(401);
    }
  });

  it('ends a session after 30 idle minutes and after 12 hours however busy', async () => {
    const admin = await adminSession(cloud, 'idle', 'support');
    const start = cloud.clock.now;
    try {
      cloud.clock.now = new Date(start.getTime() + SESSION_IDLE_MS - 1000);
      expect((await adminCall(cloud, 'GET', '/api/admin/me', admin.session)).status).toBe(200);
      cloud.clock.now = new Date(cloud.clock.now.getTime() + SESSION_IDLE_MS);
      expect((await adminCall(cloud, 'GET', '/api/admin/me', admin.session)).status).toBe(401);

      const busy = await login(cloud, 'idle', admin.password);
      // A request every 25 minutes keeps it from idling out, up to 11 h 40 min; the next one is past 12 h.
      for (let step = 0; step < 28; step++) {
        cloud.clock.now = new Date(cloud.clock.now.getTime() + 25 * 60 * 1000);
        expect((await adminCall(cloud, 'GET', '/api/admin/me', busy.cookie)).status).toBe(200);
      }
      cloud.clock.now = new Date(cloud.clock.now.getTime() + 25 * 60 * 1000);
      expect((await adminCall(cloud, 'GET', '/api/admin/me', busy.cookie)).status).toBe(401);
    } finally {
      cloud.clock.now = start;
    }
  });

  it('turns TOTP on with a first code, then asks for it at sign-in', async () => {
    const admin = await adminSession(cloud, 'dewi', 'support');
    const begin = await adminCall(cloud, 'POST', '/api/admin/me/totp', admin.session, {});
    expect(begin.status).toBe(200);
    const secret = begin.body.secret as string;
    expect(begin.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(
      (
        await adminCall(cloud, 'POST', '/api/admin/me/totp/confirm', admin.session, {
          code: '000000' === totpCode(secret, cloud.clock.now) ? '111111' : '000000',
        })
      ).status,
    ).toBe(400);
    expect((await adminCall(cloud, 'POST', '/api/admin/me/totp/confirm', admin.session, { code: totpCode(secret, cloud.clock.now) })).status).toBe(200);

    const without = await login(cloud, 'dewi', admin.password);
    expect(without.status).toBe(401);
    expect(without.body.error).toBe('TOTP_REQUIRED');
    expect(without.cookie).toBeNull();
    expect((await login(cloud, 'dewi', admin.password, totpCode(secret, new Date(cloud.clock.now.getTime() - 5 * 60 * 1000)))).status).toBe(401);
    // The code that confirmed is spent: the next 30-second one signs in, once.
    expect((await login(cloud, 'dewi', admin.password, totpCode(secret, cloud.clock.now))).status).toBe(401);
    const start = cloud.clock.now;
    cloud.clock.now = new Date(start.getTime() + 30_000);
    try {
      const code = totpCode(secret, cloud.clock.now);
      const ok = await login(cloud, 'dewi', admin.password, code);
      expect(ok.status).toBe(200);
      expect(ok.body.totpEnabled).toBe(true);
      const replay = await login(cloud, 'dewi', admin.password, code);
      expect(replay.status).toBe(401);
      expect(replay.body.message).toContain('already used');
    } finally {
      cloud.clock.now = start;
    }
  });

  it('marks the cookie Secure when a trusted proxy says the request came over https', async () => {
    const proxied = await startTestCloud({ plugins: [adminApi], trustProxy: true });
    try {
      await createAdmin(proxied.db, { username: 'tls', name: 'TLS', password: 'sandi-panjang-tls', role: 'support' });
      const res = await fetch(`${proxied.url}/api/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({ username: 'tls', password: 'sandi-panjang-tls' }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
      const audit = await proxied.db.selectFrom('audit_log').select(['action', 'ip']).execute();
      expect(audit).toEqual([{ action: 'login.ok', ip: '203.0.113.9' }]);
    } finally {
      await proxied.close();
    }
  });

  it('changes its own password and ends its other sessions', async () => {
    const admin = await adminSession(cloud, 'eko', 'support');
    const other = await login(cloud, 'eko', admin.password);
    expect(
      (await adminCall(cloud, 'POST', '/api/admin/me/password', admin.session, { currentPassword: 'bukan-ini-sandinya', newPassword: 'sandi-baru-panjang' }))
        .status,
    ).toBe(400);
    expect(
      (await adminCall(cloud, 'POST', '/api/admin/me/password', admin.session, { currentPassword: admin.password, newPassword: 'sandi-baru-panjang' })).status,
    ).toBe(200);
    expect((await adminCall(cloud, 'GET', '/api/admin/me', other.cookie)).status).toBe(401);
    expect((await adminCall(cloud, 'GET', '/api/admin/me', admin.session)).status).toBe(200);
    expect((await login(cloud, 'eko', admin.password)).status).toBe(401);
    expect((await login(cloud, 'eko', 'sandi-baru-panjang')).status).toBe(200);
  });

  it('lets a super admin create accounts and keeps support read-only', async () => {
    const root = await adminSession(cloud, 'root', 'super_admin');
    const created = await adminCall(cloud, 'POST', '/api/admin/admins', root.session, {
      username: 'cs1',
      name: 'CS Satu',
      password: 'sandi-cs-panjang',
      role: 'support',
    });
    expect(created.status).toBe(200);
    const support = await login(cloud, 'cs1', 'sandi-cs-panjang');
    expect(support.body.role).toBe('support');
    expect((await adminCall(cloud, 'GET', '/api/admin/businesses', support.cookie)).status).toBe(200);
    const denied = await adminCall(cloud, 'POST', '/api/admin/businesses', support.cookie, { name: 'Toko X' });
    expect(denied.status).toBe(403);
    expect(await cloud.db.selectFrom('businesses').select('id').where('name', '=', 'Toko X').execute()).toEqual([]);
    expect(
      (await adminCall(cloud, 'POST', '/api/admin/admins', root.session, { username: 'cs1', name: 'Lagi', password: 'sandi-cs-panjang', role: 'support' }))
        .status,
    ).toBe(409);
    const audit = await cloud.db.selectFrom('audit_log').select(['action', 'details', 'admin_id']).where('action', '=', 'admin.create').execute();
    expect(audit).toEqual([{ action: 'admin.create', admin_id: root.id, details: { id: created.body.id, username: 'cs1', role: 'support' } }]);
  });
});
