import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/open';

const byConnection = new WeakMap<Sqlite, Map<string, Statement>>();

/**
 * The connection's statement for `sql`, prepared once: a redeem, an adjustment or an expiry reads
 * a customer's ledger and the shop's rules each time, and preparing the same few statements again
 * on every call was a fifth of their cost.
 */
export function prepared(sqlite: Sqlite, sql: string): Statement {
  let statements = byConnection.get(sqlite);
  if (!statements) {
    statements = new Map();
    byConnection.set(sqlite, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
