import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { CloudDatabase } from './schema';

// bigint (count(*), sums) and numeric arrive as text by default: they are read as numbers, which
// holds exactly for every figure a shop can reach (below 2^53 rupiah).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// A `date` stays the calendar day it names, never shifted through a time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type CloudDb = Kysely<CloudDatabase>;

export function connect(url: string, max = 10): CloudDb {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 10_000 });
  // A dropped idle connection must not take the process down: the pool replaces it.
  pool.on('error', () => undefined);
  return new Kysely<CloudDatabase>({ dialect: new PostgresDialect({ pool }) });
}
