import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openCloudDatabase } from '../../src-cloud/database';
import { createDatabase } from '../../src-cloud/db/embedded';

const cluster = inject('cloudCluster');
const asSuper = (database: string) => new pg.Client({ host: '127.0.0.1', port: cluster.port, user: 'postgres', password: cluster.superPassword, database });
const urlAs = (user: string, password: string, database: string) => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${cluster.port}/${database}`;

/** Whether the cloud's migrations ran in that database (they must not for a refused role). */
async function migrated(database: string): Promise<boolean> {
  const client = asSuper(database);
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string | null }>("SELECT to_regclass('public.cloud_schema_migrations')::text AS t");
    return rows[0].t !== null;
  } finally {
    await client.end();
  }
}

const bypassPassword = randomBytes(12).toString('base64url');
// Roles belong to the whole cluster, which other test files share: a name of this run's own.
const bypassRole = `sma_bypass_${randomBytes(4).toString('hex')}`;
afterAll(async () => {
  const client = asSuper('postgres');
  await client.connect();
  await client.query(`DROP ROLE IF EXISTS ${bypassRole}`);
  await client.end();
});

describe('the role behind DATABASE_URL', () => {
  it('refuses a superuser before migrating anything', async () => {
    const name = `t_${randomBytes(6).toString('hex')}`;
    await createDatabase(cluster, name);
    await expect(openCloudDatabase({ databaseUrl: urlAs('postgres', cluster.superPassword, name), dataDir: '/nonexistent' })).rejects.toThrow(
      'The database role "postgres" is a superuser, so the shops\' row-level security would not apply to it.',
    );
    expect(await migrated(name)).toBe(false);
  });

  it("refuses a role with BYPASSRLS, and opens as the cloud's own role", async () => {
    const name = `t_${randomBytes(6).toString('hex')}`;
    await createDatabase(cluster, name);
    const client = asSuper('postgres');
    await client.connect();
    try {
      // Identifiers and passwords cannot be bound: both are hex/base64url made here, nothing from outside.
      await client.query(`CREATE ROLE ${bypassRole} LOGIN NOSUPERUSER BYPASSRLS PASSWORD '${bypassPassword}'`);
    } finally {
      await client.end();
    }
    await expect(openCloudDatabase({ databaseUrl: urlAs(bypassRole, bypassPassword, name), dataDir: '/nonexistent' })).rejects.toThrow('(BYPASSRLS)');
    expect(await migrated(name)).toBe(false);

    const opened = await openCloudDatabase({ databaseUrl: urlAs('sma', cluster.appPassword, name), dataDir: '/nonexistent' });
    await opened.close();
    expect(await migrated(name)).toBe(true);
  });
});
