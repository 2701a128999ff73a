import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../../src-cloud/admin/routes';
import { buildCloud } from '../../src-cloud/server/app';
import { adminSession, login, startAdminCloud } from './admin-client';
import type { TestCloud } from './cloud-server';

// A server of its own: its many sign-ins stay clear of the per-address flood guard (30 a minute)
// that the other sign-in tests share.
let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startAdminCloud();
});
afterAll(async () => cloud.close());

describe('sign-in throttle (in PostgreSQL)', () => {
  it('locks a username after 5 failures in 15 minutes, unknown names included, and audits each', async () => {
    const admin = await adminSession(cloud, 'budi', 'super_admin');
    for (let i = 0; i < 4; i++) expect((await login(cloud, 'budi', 'salah-sandi-123')).status).toBe(401);
    const fifth = await login(cloud, 'budi', 'salah-sandi-123');
    expect(fifth.status).toBe(429);
    expect(fifth.body).toMatchObject({ error: 'THROTTLED', retryAfterSeconds: 900 });
    // Locked: even the right password is refused until the lock ends.
    expect((await login(cloud, 'budi', admin.password)).status).toBe(429);
    const start = cloud.clock.now;
    cloud.clock.now = new Date(start.getTime() + 15 * 60 * 1000 + 1000);
    try {
      expect((await login(cloud, 'budi', admin.password)).status).toBe(200);
    } finally {
      cloud.clock.now = start;
    }
    for (let i = 0; i < 5; i++) await login(cloud, 'nobody', 'whatever-password');
    expect((await login(cloud, 'nobody', 'whatever-password')).status).toBe(429);
    const failed = await cloud.db.selectFrom('audit_log').select(['details', 'admin_id']).where('action', '=', 'login.failed').execute();
    expect(failed.length).toBeGreaterThanOrEqual(10);
    expect(JSON.stringify(failed)).not.toContain('salah-sandi');
  });

  it('locks on every instance at once: a second server on the same database refuses too', async () => {
    const admin = await adminSession(cloud, 'citra', 'super_admin');
    const second = await buildCloud({ db: cloud.db, version: 'test', now: () => cloud.clock.now, plugins: [adminApi] });
    try {
      const url = await second.app.listen({ port: 0, host: '127.0.0.1' });
      const other = { ...cloud, url };
      // Failures spread over both instances add up to one lock.
      for (let i = 0; i < 2; i++) expect((await login(cloud, 'citra', 'salah-sandi-123')).status).toBe(401);
      for (let i = 0; i < 2; i++) expect((await login(other, 'citra', 'salah-sandi-123')).status).toBe(401);
      expect((await login(cloud, 'citra', 'salah-sandi-123')).status).toBe(429);
      expect((await login(other, 'citra', admin.password)).status).toBe(429);
    } finally {
      await second.app.close();
    }
  });
});
