import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { CloudDb } from './connect';

export const CLOUD_MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations-cloud');

export interface CloudMigration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function cloudMigrations(dir = CLOUD_MIGRATIONS_DIR): CloudMigration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(dir, name), 'utf8');
      return { version: Number(name.slice(0, 4)), name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

export class CloudMigrationError extends Error {}

/**
 * Applies what is missing, each file in its own transaction, under an advisory lock so two instances
 * starting together do not both migrate. Refuses a database whose applied files differ from ours
 * (edited after release) or that is newer than this build.
 */
export async function migrateCloud(db: CloudDb, dir = CLOUD_MIGRATIONS_DIR): Promise<{ applied: number; latest: number }> {
  const files = cloudMigrations(dir);
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(7346001)`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS cloud_schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(conn);
      const done = await conn.selectFrom('cloud_schema_migrations').selectAll().orderBy('version').execute();
      const known = new Map(files.map((f) => [f.version, f]));
      for (const row of done) {
        const file = known.get(row.version);
        if (!file)
          throw new CloudMigrationError(
            `The database has migration ${row.name}, which this version does not know: it belongs to a newer version of the cloud.`,
          );
        if (file.checksum !== row.checksum)
          throw new CloudMigrationError(`Migration ${row.name} was changed after it was applied (checksum differs); refusing to start.`);
      }
      const applied = new Set(done.map((r) => r.version));
      for (const file of files) {
        if (applied.has(file.version)) continue;
        await conn.transaction().execute(async (tx) => {
          // A migration file shipped with the server, checksummed above: SQL text by design.
          // eslint-disable-next-line no-restricted-syntax
          await sql.raw(file.sql).execute(tx);
          await tx.insertInto('cloud_schema_migrations').values({ version: file.version, name: file.name, checksum: file.checksum }).execute();
        });
      }
      return { applied: files.length, latest: files.at(-1)?.version ?? 0 };
    } finally {
      await sql`SELECT pg_advisory_unlock(7346001)`.execute(conn);
    }
  });
}
