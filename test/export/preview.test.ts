import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import type { Sqlite } from '../../src-main/db/open';
import { previewJob } from '../../src-main/export/job';
import { REPORTS } from '../../src-main/export/registry';
import { readReport } from '../../src-main/export/rows';
import type { JobCtx } from '../../src-main/jobs/types';
import { dateInZone } from '../../src-shared/format/date';
import { translator } from '../../src-shared/i18n/messages';
import { ok, testApp } from '../helpers';

/** What the preview asked SQLite: each statement, its plan, and how many rows it handed back. */
interface Statement {
  sql: string;
  plan: string[];
  rows: number;
}

/**
 * The app's own connection, seen through a recorder: every statement the preview prepares on it
 * (the report's rows, its count) with its query plan and the rows it returned.
 */
function recording(sqlite: Sqlite): { sqlite: Sqlite; statements: Statement[] } {
  const statements: Statement[] = [];
  const wrap = (sql: string, statement: ReturnType<Sqlite['prepare']>): ReturnType<Sqlite['prepare']> => {
    const entry: Statement = { sql, plan: [], rows: 0 };
    const proxy: ReturnType<Sqlite['prepare']> = new Proxy(statement, {
      get(target, key) {
        if (key === 'raw') return (on?: boolean) => (target.raw(on), proxy);
        if (key === 'all') {
          return (...args: unknown[]) => {
            entry.plan = plan(sql, args);
            const rows = (target.all as (...a: unknown[]) => unknown[])(...args);
            entry.rows += rows.length;
            return rows;
          };
        }
        if (key === 'get') {
          return (...args: unknown[]) => {
            entry.plan = plan(sql, args);
            const row = (target.get as (...a: unknown[]) => unknown)(...args);
            entry.rows += row === undefined ? 0 : 1;
            return row;
          };
        }
        if (key === 'iterate') {
          return function* (...args: unknown[]) {
            entry.plan = plan(sql, args);
            for (const row of (target.iterate as (...a: unknown[]) => Iterable<unknown>)(...args)) {
              entry.rows += 1;
              yield row;
            }
          };
        }
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    statements.push(entry);
    return proxy;
  };
  const plan = (sql: string, args: unknown[]) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
  const recorder = new Proxy(sqlite, {
    get(target, key) {
      if (key === 'prepare') return (sql: string) => wrap(sql, target.prepare(sql));
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { sqlite: recorder, statements };
}

async function demoShop(): Promise<App> {
  const app = await testApp();
  await ok(app, 'setup.openDemo', {});
  await ok(app, 'auth.login', { username: 'demo', password: 'demo1234' });
  await ok(app, 'rfm.run', {});
  return app;
}

describe('the report preview reads only what it shows', () => {
  it('every report: rows by a LIMIT in the SQL, one count that does not sort, and the same rows and totals as reading the whole report', async () => {
    const app = await demoShop();
    const { sqlite, db, clock, hlc } = app.services;
    for (const report of REPORTS) {
      const filters = report.filters.parse({}) as Record<string, unknown>;
      const seen = recording(sqlite);
      const ctx: JobCtx = { sqlite: seen.sqlite, db, clock, hlc, userId: null, progress: () => undefined, throwIfCancelled: () => undefined };
      const preview = await previewJob({ report: report.id, filters, language: 'id' }, ctx);

      // The whole report read the long way, as an export reads it: the preview must agree with it.
      const env = { db, language: 'id' as const, t: translator('id'), today: dateInZone(clock.now(), 'Asia/Jakarta') };
      const whole = readReport({ sqlite, db }, report, await report.prepare(filters, env), report.columns, 'id');
      const all = [...whole.rows()];
      expect(preview.total, report.id).toBe(whole.total);
      expect(preview.totals, report.id).toEqual(whole.totals);
      expect(preview.rows, report.id).toEqual(all.slice(0, 20));

      // What SQLite was asked: the rows, with a LIMIT (a top-100 list read whole, once)…
      const bound = report.id === 'top-customers' ? 101 : 21;
      const [rows, ...counts] = seen.statements;
      expect(rows.sql, report.id).toMatch(/ limit \?/i);
      for (const s of seen.statements) expect(s.rows, `${report.id}: ${s.sql}`).toBeLessThanOrEqual(bound);
      // …and a count only when the rows were not all of it, which sorts nothing.
      expect(counts.length, report.id).toBe(whole.total <= bound - 1 ? 0 : 1);
      for (const count of counts)
        expect(
          count.plan.filter((step) => step.includes('FOR ORDER BY')),
          `${report.id}: ${count.plan.join(' / ')}`,
        ).toEqual([]);
    }

    // The RFM report's count and sums, from its own totals query, against straight SQL.
    const rfm = await ok(app, 'export.preview', { report: 'rfm', filters: {} });
    const straight = sqlite
      .prepare(
        `SELECT COUNT(*) AS total, SUM(a.frequency) AS frequency, SUM(a.monetary) AS monetary FROM rfm_analysis a JOIN customers c ON c.id = a.customer_id
         WHERE a.run_id = (SELECT id FROM rfm_runs ORDER BY hlc DESC LIMIT 1) AND c.deleted_at IS NULL`,
      )
      .get() as Record<string, number>;
    expect({ total: rfm.total, frequency: rfm.totals.frequency, monetary: rfm.totals.monetary }).toEqual(straight);
  }, 120_000);

  it('a report that fits the preview (a year of months, the segment table) is read once', async () => {
    const app = await demoShop();
    const { sqlite, db, clock, hlc } = app.services;
    for (const id of ['sales-monthly', 'segment-summary']) {
      const seen = recording(sqlite);
      const ctx: JobCtx = { sqlite: seen.sqlite, db, clock, hlc, userId: null, progress: () => undefined, throwIfCancelled: () => undefined };
      const report = REPORTS.find((r) => r.id === id)!;
      const preview = await previewJob({ report: id, filters: report.filters.parse({}) as Record<string, unknown>, language: 'id' }, ctx);
      expect(preview.total, id).toBeLessThanOrEqual(20);
      expect(
        seen.statements.map((s) => s.sql.slice(0, 40)),
        id,
      ).toHaveLength(1);
    }
    // The monthly figures still equal straight SQL over the sales (revenue, orders, active customers).
    const monthly = await ok(app, 'export.preview', { report: 'sales-monthly', filters: {} });
    for (const [month, revenue, orders, customers] of monthly.rows) {
      const straight = sqlite
        .prepare(
          'SELECT COALESCE(SUM(amount), 0) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT customer_id) AS customers FROM transactions WHERE deleted_at IS NULL AND substr(transaction_date, 1, 7) = ?',
        )
        .get(month) as Record<string, number>;
      expect({ month, revenue, orders, customers }).toEqual({ month, ...straight });
    }
  }, 120_000);
});
