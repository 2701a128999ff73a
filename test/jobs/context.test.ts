import { describe, expect, it } from 'vitest';
import type { Sqlite } from '../../src-main/db/open';
import { kyselyFor, openSqlite } from '../../src-main/db/open';
import { previewJob } from '../../src-main/export/job';
import { jobContext } from '../../src-main/jobs/context';
import { ok, testApp } from '../helpers';

/** A job thread's own connection, with every statement prepared on it written down. */
function recorded(path: string): { sqlite: Sqlite; statements: string[] } {
  const sqlite = openSqlite(path);
  const statements: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((sql: string) => (statements.push(sql), prepare(sql))) as Sqlite['prepare'];
  return { sqlite, statements };
}

describe("a job's context", () => {
  it('reads the outbox for the clock only when a job first stamps a write: a report preview never does', async () => {
    const app = await testApp();
    await ok(app, 'setup.openDemo', {});
    await ok(app, 'auth.login', { username: 'demo', password: 'demo1234' });
    const last = (app.services.sqlite.prepare('SELECT MAX(hlc) AS hlc FROM outbox').get() as { hlc: string }).hlc;

    const { sqlite, statements } = recorded(app.services.dbPath);
    const db = kyselyFor(sqlite);
    const ctx = jobContext({ sqlite, db, clock: app.services.clock, userId: null, post: () => undefined, cancelFlag: new Int32Array(1) });
    const preview = await previewJob({ report: 'transactions', filters: { sort: 'transaction_date', desc: true }, language: 'id' }, ctx);
    expect(preview.total).toBe(10_000);
    expect(statements.filter((s) => /\boutbox\b/i.test(s))).toEqual([]);

    // A job that writes: its first stamp comes after the last one in the outbox, read once.
    expect(ctx.hlc.next() > last).toBe(true);
    expect(ctx.hlc.next() > last).toBe(true);
    expect(statements.filter((s) => /\boutbox\b/i.test(s))).toHaveLength(1);
    await db.destroy();
  }, 60_000);
});
