import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Sqlite } from '../db/open';
import { hasRollupRebuild, rebuildRollups } from '../db/rollups';
import type { Database } from '../db/schema';
import type { BulkTable } from './kinds/env';

/** The planner's statistics tables that keep rows per index (sqlite_stat4 only after an ANALYZE with STAT4). */
const STAT_TABLES = ['sqlite_stat1', 'sqlite_stat4'];

/**
 * An import that brings at least as many rows as its table already holds writes them faster with
 * the table's secondary indexes built once at the end, by sorting, than with a million keys
 * inserted one by one into B-trees bigger than the page cache (random page reads and writes for
 * every key of every index). So those indexes are dropped inside the import's transaction and
 * created again before it commits. DDL is transactional in SQLite: a rollback, a cancel or a killed
 * process leaves the indexes as they were, and other connections read the last committed schema
 * meanwhile.
 *
 * Only non-unique indexes: a unique one enforces a rule on every row. While the indexes are gone
 * the caller must read this table by primary key (or rowid) only.
 *
 * The table's triggers go the same way when all they do is keep rollups (src-main/db/rollups.ts):
 * they come back before the commit, and the rollups are computed again from the whole table.
 */
export function deferIndexes(sqlite: Sqlite, db: Kysely<Database>, { table, emptyColumns }: BulkTable, incomingRows: number): { restore(): void } | null {
  const run = <T>(query: RawBuilder<unknown>) => {
    const compiled = query.compile(db);
    const statement = sqlite.prepare(compiled.sql);
    const parameters = compiled.parameters as unknown[];
    if (!statement.reader) {
      statement.run(...parameters);
      return [];
    }
    return statement.all(...parameters) as T[];
  };
  // Domain rows are soft-deleted, never removed, so the largest rowid is the row count, read without a scan.
  const [{ held }] = run<{ held: number | null }>(sql`SELECT max(rowid) AS held FROM ${sql.table(table)}`);
  if (incomingRows < (held ?? 0)) return null;
  const empty = new Set(emptyColumns);
  // A partial index over columns this import leaves empty gets no entries from it: it stays.
  const idle = (name: string) =>
    run<{ name: string | null }>(sql`SELECT name FROM pragma_index_info(${name})`).every((c) => c.name !== null && empty.has(c.name));
  const kept = new Set(
    run<{ name: string; unique: number; partial: number }>(sql`SELECT name, "unique", partial FROM pragma_index_list(${table})`).flatMap((i) =>
      i.unique || (i.partial && idle(i.name)) ? [i.name] : [],
    ),
  );
  const indexes = run<{ name: string; sql: string }>(
    sql`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ${table} AND sql IS NOT NULL`,
  ).filter((i) => !kept.has(i.name));
  const triggers = hasRollupRebuild(table)
    ? run<{ name: string; sql: string }>(sql`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ${table}`)
    : [];
  if (indexes.length === 0 && triggers.length === 0) return null;
  const names = indexes.map((i) => i.name);
  const present = new Set(
    run<{ name: string }>(sql`SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN (${sql.join(STAT_TABLES)})`).map((t) => t.name),
  );
  const stats = STAT_TABLES.filter((s) => present.has(s)).map((s) => ({
    table: s,
    rows: run<Record<string, unknown>>(sql`SELECT * FROM ${sql.table(s)} WHERE idx IN (${sql.join(names)})`),
  }));
  for (const name of names) sqlite.exec(db.schema.dropIndex(name).compile().sql);
  for (const trigger of triggers) sqlite.exec(sql`DROP TRIGGER ${sql.id(trigger.name)}`.compile(db).sql);
  return {
    restore() {
      for (const index of indexes) sqlite.exec(index.sql);
      for (const trigger of triggers) sqlite.exec(trigger.sql);
      if (triggers.length > 0) rebuildRollups(sqlite, table);
      // DROP INDEX deleted the planner's statistics for these indexes; they go back as they were,
      // so queries are planned exactly as if the indexes had been kept.
      for (const { table: stat, rows } of stats) {
        for (const row of rows) {
          const columns = Object.keys(row);
          run(sql`INSERT INTO ${sql.table(stat)} (${sql.join(columns.map((c) => sql.ref(c)))}) VALUES (${sql.join(columns.map((c) => row[c]))})`);
        }
      }
    },
  };
}
