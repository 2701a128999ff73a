import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAllBusinesses } from '../../src-cloud/db/scope';
import { normaliseEnrolCode } from '../../src-cloud/auth/tokens';
import { adminCall, adminSession, login, startAdminCloud } from './admin-client';
import { pushSmallShop } from './admin-shop';
import { call, type TestCloud } from './cloud-server';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startAdminCloud();
});
afterAll(async () => cloud.close());

/** Every row of every table as PostgreSQL prints it (bytea as hex), all businesses included. */
async function dump(): Promise<string> {
  const tables = await sql<{
    table_name: string;
  }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`.execute(cloud.db);
  return withAllBusinesses(cloud.db, async (tx) => {
    const out: string[] = [];
    for (const { table_name } of tables.rows) {
      const rows = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(table_name)} t`.execute(tx);
      out.push(`-- ${table_name}`, ...rows.rows.map((r) => r.row));
    }
    return out.join('\n');
  });
}

describe('secrets at rest', () => {
  it('keeps no password, session token, device token or enrolment code in any table', async () => {
    const root = await adminSession(cloud, 'root', 'super_admin', 'sandi-super-rahasia-1');
    const failed = await login(cloud, 'root', 'sandi-salah-tapi-rahasia');
    expect(failed.status).toBe(401);
    const created = await adminCall(cloud, 'POST', '/api/admin/businesses', root.session, { name: 'Toko Rahasia' });
    const issued = await adminCall(cloud, 'POST', `/api/admin/businesses/${String(created.body.id)}/enrol-codes`, root.session, {});
    const code = issued.body.code as string;
    const enrol = await call(cloud, 'POST', '/api/sync/enrol', null, { code, deviceName: 'Kasir', appVersion: '0.1.0' });
    const token = enrol.body.token as string;
    await pushSmallShop(cloud, token);
    await adminCall(cloud, 'POST', '/api/admin/me/password', root.session, { currentPassword: 'sandi-super-rahasia-1', newPassword: 'sandi-baru-rahasia-2' });

    const text = await dump();
    // The dump is not empty: the rows the secrets belong to are there, as hashes.
    expect(text).toContain('Toko Rahasia');
    expect(text).toMatch(/\$argon2id\$/);
    const secrets = {
      password: 'sandi-super-rahasia-1',
      newPassword: 'sandi-baru-rahasia-2',
      wrongPassword: 'sandi-salah-tapi-rahasia',
      session: root.session,
      device: token,
      code,
      codeTyped: normaliseEnrolCode(code),
    };
    for (const [what, secret] of Object.entries(secrets)) {
      expect(secret.length, what).toBeGreaterThan(8);
      expect(text.includes(secret), `${what} in plain text`).toBe(false);
      expect(text.includes(Buffer.from(secret).toString('hex')), `${what} as bytes`).toBe(false);
    }
  });
});
