import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Hlc } from '../../src-main/core/hlc';
import { newId } from '../../src-main/core/ids';
import { write } from '../../src-main/core/write';
import { insertMany } from '../../src-main/import/bulk-insert';
import { kyselyFor } from '../../src-main/db/open';
import { exportJob } from '../../src-main/export/job';
import type { JobCtx } from '../../src-main/jobs/types';
import { shopWithOwner, tempDir } from '../helpers';

type Log = string[];

/** A statement that notes in `log` when it is run, and when its first row comes back. */
function watchedStatement(statement: BetterSqlite3.Statement, sql: string, log: Log): BetterSqlite3.Statement {
  const what = sql.replace(/\s+/g, ' ').slice(0, 50);
  const proxy: BetterSqlite3.Statement = new Proxy(statement, {
    get(target, prop) {
      if (prop === 'raw' || prop === 'pluck' || prop === 'expand') {
        return (...args: unknown[]) => {
          (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
          return proxy;
        };
      }
      if (prop === 'get' || prop === 'all' || prop === 'run') {
        return (...args: unknown[]) => {
          log.push(`${prop} ${what}`);
          return (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (prop === 'iterate') {
        return function* (...args: unknown[]) {
          let first = true;
          for (const row of target.iterate(...args)) {
            if (first) log.push(`first row ${what}`);
            first = false;
            yield row;
          }
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return proxy;
}

function watchedSqlite(sqlite: BetterSqlite3.Database, log: Log): BetterSqlite3.Database {
  return new Proxy(sqlite, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => watchedStatement(target.prepare(sql), sql, log);
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('export progress', () => {
  it('says "preparing" before it counts or reads a row, and "writing 0 of N" only once rows come', async () => {
    const app = await shopWithOwner();
    const ctx = { ...app.services, userId: null };
    const customer = newId();
    write(ctx, (w) => {
      w.insert('customers', {
        id: customer,
        code: 'C1',
        name: 'Budi',
        phone: null,
        email: null,
        address: null,
        city: null,
        tags: '[]',
        notes: null,
        source: null,
        deleted_at: null,
      });
      insertMany(
        w,
        'transactions',
        Array.from({ length: 2_500 }, (_, i) => ({
          id: newId(),
          customer_id: customer,
          transaction_date: `2026-0${1 + (i % 9)}-1${i % 10}`,
          amount: 1000 + i,
          items: '[]',
          channel: 'offline',
          campaign_code: null,
          invoice_no: null,
          notes: null,
          deleted_at: null,
        })),
      );
    });

    const log: Log = [];
    const sqlite = watchedSqlite(app.services.sqlite, log);
    const jobCtx: JobCtx = {
      sqlite,
      db: kyselyFor(sqlite),
      clock: app.services.clock,
      hlc: new Hlc(app.services.clock, null),
      userId: null,
      progress: (phase, done, total) => log.push(`progress ${phase} ${done}/${total}`),
      throwIfCancelled: () => undefined,
    };
    const path = join(tempDir(), 'transaksi.csv');
    const result = await exportJob(
      {
        report: 'transactions',
        filters: { status: 'active', sort: 'transaction_date', desc: true },
        language: 'id',
        options: { format: 'csv', separator: ';', dateStyle: 'dmy' },
        file: { fileId: 'f1', path, name: 'transaksi.csv' },
        dbPath: app.services.dbPath,
      },
      jobCtx,
    );
    expect(result.rows).toBe(2_500);

    // The first thing the job does is say it is preparing: before the shop's settings, the count, the sort.
    expect(log[0]).toBe('progress prepare 0/0');
    const counted = log.findIndex((line) => line === 'progress prepare 0/2500');
    const firstRow = log.findIndex((line) => line.startsWith('first row'));
    const firstWrite = log.findIndex((line) => line.startsWith('progress write'));
    expect(counted).toBeGreaterThan(0);
    expect(firstRow).toBeGreaterThan(counted);
    // "0 of 2.500" (or any written count) only once SQLite hands over the first row.
    expect(firstWrite).toBeGreaterThan(firstRow);
    expect(log[firstWrite]).toBe('progress write 0/2500');
    expect(log.filter((line) => line.startsWith('progress')).at(-1)).toBe('progress write 2500/2500');
  });
});
