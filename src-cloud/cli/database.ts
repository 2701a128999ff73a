import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { CloudConfig } from '../config';
import { openCloudDatabase, type OpenedDatabase } from '../database';
import { connect } from '../db/connect';
import { clusterUrl, createDatabase, type ClusterInfo } from '../db/embedded';
import { migrateCloud } from '../db/migrate';

/** The database the server uses (see database.ts), as the admin CLI reaches it. */
const DATABASE = 'sma_cloud';

/**
 * Opens the cloud's database for one admin command. With DATABASE_URL, or when the embedded
 * PostgreSQL of the data folder is not running, this is exactly what the server does (the CLI then
 * starts the embedded one and stops it at the end). When the server is running, its PostgreSQL
 * already holds the data folder, and starting a second one on it would fail: the CLI connects to the
 * running one instead, with the port and password the folder's cluster.json records.
 */
export async function openForAdmin(config: CloudConfig): Promise<OpenedDatabase> {
  if (!config.databaseUrl) {
    const running = await runningEmbedded(config.dataDir);
    if (running) return running;
  }
  return openCloudDatabase(config);
}

async function runningEmbedded(dataDir: string): Promise<OpenedDatabase | null> {
  const secretsFile = path.join(dataDir, 'cluster.json');
  if (!existsSync(secretsFile)) return null;
  const info = JSON.parse(readFileSync(secretsFile, 'utf8')) as ClusterInfo;
  const answer = await probe(info);
  if (answer === 'down') return null;
  // Running, but the server never made its database (it was started by something else): make it.
  const url = answer === 'no-database' ? await createDatabase(info, DATABASE) : clusterUrl(info, DATABASE);
  const db = connect(url, 2);
  await migrateCloud(db);
  return { db, where: `embedded PostgreSQL in ${dataDir} (already running)`, close: () => db.destroy() };
}

/** Whether the cluster.json's PostgreSQL answers on its port, as the app role. */
async function probe(info: ClusterInfo): Promise<'up' | 'no-database' | 'down'> {
  const client = new pg.Client({ connectionString: clusterUrl(info, DATABASE), connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return 'up';
  } catch (error) {
    // 3D000: invalid_catalog_name — the server answers but has no such database yet.
    return (error as { code?: string }).code === '3D000' ? 'no-database' : 'down';
  } finally {
    await client.end().catch(() => undefined);
  }
}
