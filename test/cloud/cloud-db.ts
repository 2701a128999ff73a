import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { connect, type CloudDb } from '../../src-cloud/db/connect';
import { createDatabase } from '../../src-cloud/db/embedded';
import { migrateCloud } from '../../src-cloud/db/migrate';

/** A fresh, migrated database of the run's PostgreSQL, as the cloud's own (non-superuser) role. */
export async function freshCloudDb(): Promise<{ db: CloudDb; url: string }> {
  const url = await createDatabase(inject('cloudCluster'), `t_${randomBytes(6).toString('hex')}`);
  const db = connect(url, 5);
  await migrateCloud(db);
  return { db, url };
}
