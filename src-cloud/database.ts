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
