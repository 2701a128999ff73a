import { sql } from 'kysely';
import { connect, type CloudDb } from './db/connect';
import { startEmbedded } from './db/embedded';
import { migrateCloud } from './db/migrate';
import type { CloudConfig } from './config';

export interface OpenedDatabase {
  db: CloudDb;
  /** Where the data lives, for the start-up message (no password in it). */
  where: string;
  close(): Promise<void>;
}

/** Opens (and for the embedded default, starts) the database and brings it to this build's schema. */
export async function openCloudDatabase(config: CloudConfig): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const db = connect(config.databaseUrl);
    try {
      await assertRowSecurityApplies(db);
    } catch (error) {
      await db.destroy();
      throw error;
    }
    await migrateCloud(db);
    const url = new URL(config.databaseUrl);
    return { db, where: `${url.hostname}:${url.port || 5432}${url.pathname}`, close: () => db.destroy() };
  }
  const cluster = await startEmbedded(config.dataDir);
  const url = await cluster.createDatabase('sma_cloud');
  const db = connect(url);
  await migrateCloud(db);
  return {
    db,
    where: `embedded PostgreSQL in ${config.dataDir}`,
    async close() {
      await db.destroy();
      await cluster.stop();
    },
  };
}

/**
 * Row-level security is the second wall between shops (migration 0001), and a superuser or a role
 * with BYPASSRLS walks through it unseen: such a role is refused before anything is written.
 */
export async function assertRowSecurityApplies(db: CloudDb): Promise<void> {
  const { rows } = await sql<{ name: string; rolsuper: boolean; rolbypassrls: boolean }>`
    SELECT rolname AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`.execute(db);
  const role = rows[0];
  if (role && (role.rolsuper || role.rolbypassrls)) {
    throw new Error(
      `The database role "${role.name}" is ${role.rolsuper ? 'a superuser' : 'allowed to bypass row-level security (BYPASSRLS)'}, so the shops' row-level security would not apply to it. Connect as a role with NOSUPERUSER NOBYPASSRLS (see the README, "Admin cloud").`,
    );
  }
}
